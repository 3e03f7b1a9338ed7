// Every command's exit status and one-line failure, decided here from the error's code:
// 0 success, 1 a failure with a code (core's, the API's, a file's), 2 a usage error.
import { CoreError } from '../core/errors';
import { UsageError } from './usage';

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

export interface Failure {
  readonly code: string;
  /** One line, at most 500 characters. */
  readonly message: string;
  readonly exitCode: typeof EXIT_FAILED | typeof EXIT_USAGE;
}

const CODE = /^[A-Z][A-Z0-9_]{1,60}$/;

function firstLine(text: string): string {
  return text.split('\n')[0]!.slice(0, 500);
}

/** node:util's parseArgs rejects unknown or malformed flags with these codes. */
export function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}

export function failureOf(error: unknown): Failure {
  const message = firstLine(error instanceof Error ? error.message : String(error));
  if (error instanceof UsageError || isParseArgsError(error)) {
    return { code: 'USAGE', message, exitCode: EXIT_USAGE };
  }
  const code = error instanceof CoreError ? error.code : (error as { code?: unknown } | null)?.code;
  return {
    code: typeof code === 'string' && CODE.test(code) ? code : 'ERROR',
    message,
    exitCode: EXIT_FAILED,
  };
}
