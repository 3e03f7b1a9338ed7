// What a `bcv` command is given of the outside world: where to write, the environment,
// the folder it was started in and the app's version.
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /**
   * Progress and retries: one line on the terminal that each call replaces ('' clears it).
   * Absent when stderr is not a terminal (a file, a pipe, CI): nothing is shown then.
   */
  readonly status?: ((text: string) => void) | undefined;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  readonly appVersion: string;
}
