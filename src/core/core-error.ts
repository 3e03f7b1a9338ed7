// The one error type core raises on purpose: a code the edges act on (IPC envelopes in
// main, exit codes in the CLI) and a one-line message a person understands. The API
// client's, library's and exporter's errors are kinds of it.
export class CoreError<Code extends string = string> extends Error {
  constructor(
    readonly code: Code,
    message: string,
  ) {
    super(message);
    this.name = 'CoreError';
  }
}

/** A message as the one line a person is shown (a stack or a server's dump cut off). */
export function firstLine(message: string, max = 500): string {
  return message.split('\n')[0]!.slice(0, max);
}

/** What went wrong, whatever was thrown, as that one line. */
export const messageLine = (error: unknown, max = 500): string =>
  firstLine(error instanceof Error ? error.message : String(error), max);
