// What a `bcv` command is given of the outside world: where to write, the environment,
// the folder it was started in and the app's version.
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  readonly appVersion: string;
}
