// Every command's exit status and one-line failure, decided here from the error's code:
// 0 success, 1 a failure with a code (core's, the API's, a file's), 2 a usage error.
import { CoreError, messageLine } from '../core/core-error';
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

/** node:util's parseArgs rejects unknown or malformed flags with these codes. */
export function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}

/** What to do next, after the message, for the codes a newcomer meets first. */
const NEXT_STEP: Readonly<Record<string, string>> = {
  ACCESS_DENIED:
    'check BANKCONNECT_API_KEY and BANKCONNECT_SERVER_HASH (or try the demo data with --sandbox)',
  PROCESSING_NOT_COMPLETED: 'BankConnect is still processing it: add --wait to wait for it',
};

export function failureOf(error: unknown): Failure {
  const message = messageLine(error);
  if (error instanceof UsageError || isParseArgsError(error)) {
    return { code: 'USAGE', message, exitCode: EXIT_USAGE };
  }
  const given =
    error instanceof CoreError ? error.code : (error as { code?: unknown } | null)?.code;
  const code = typeof given === 'string' && CODE.test(given) ? given : 'ERROR';
  const next = NEXT_STEP[code];
  return {
    code,
    message: next ? `${message.replace(/\.$/, '')}; ${next}` : message,
    exitCode: EXIT_FAILED,
  };
}
