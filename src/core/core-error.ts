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
