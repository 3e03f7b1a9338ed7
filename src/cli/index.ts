// `bcv`: the command-line face of BankConnect Viewer. Exit codes: 0 success, 1 API or
// network error (one line `CODE: message` on stderr, no stack trace), 2 usage error.
import { runExportCommand } from './commands/export';
import { runFetchCommand } from './commands/fetch';
import { runLibraryCommand } from './commands/library';
import type { CliIo } from './io';
import { runReviewCommand } from './commands/review';
import { runSandboxCommand } from './commands/sandbox';
import { runStatusCommand } from './commands/status';
import { runTeamCommand } from './commands/team';
import { TEAM_SECRET_VARIABLES } from './commands/team-connection';
import { redactor, urlSecrets } from '../core/security/redact';
import { EXIT_OK, EXIT_USAGE, failureOf } from './exit';
import { safeWriter } from './terminal-safe';
import { USAGE } from './usage';

declare const __APP_VERSION__: string | undefined;
const VERSION = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : '0.0.0-dev';

type Command = (argv: readonly string[], io: CliIo, signal: AbortSignal) => Promise<number>;

const COMMANDS: Readonly<Record<string, Command>> = {
  sandbox: runSandboxCommand,
  status: runStatusCommand,
  fetch: runFetchCommand,
  export: (argv, io, signal) => runExportCommand(argv, { ...io, signal }),
  library: (argv, io) => runLibraryCommand(argv, io),
  review: (argv, io) => runReviewCommand(argv, io),
  team: (argv, io) => runTeamCommand(argv, io),
};

/** The secrets this run knows of: the environment's credentials and any URL password. */
function secretsOf(argv: readonly string[], env: CliIo['env']): string[] {
  const urls = [env.BANKCONNECT_BASE_URL ?? ''];
  argv.forEach((arg, i) => {
    if (arg === '--base-url') urls.push(argv[i + 1] ?? '');
    else if (arg.startsWith('--base-url=')) urls.push(arg.slice('--base-url='.length));
  });
  return [
    env.BANKCONNECT_API_KEY ?? '',
    env.BANKCONNECT_SERVER_HASH ?? '',
    ...TEAM_SECRET_VARIABLES.map((name) => env[name] ?? ''),
    ...urls.flatMap((url) => urlSecrets(url)),
  ];
}

export async function main(
  argv: readonly string[],
  given: CliIo,
  signal: AbortSignal,
): Promise<number> {
  // Everything written goes out terminal-safe and with the credentials cut out.
  const redact = redactor(secretsOf(argv, given.env));
  const io: CliIo = {
    ...given,
    stdout: safeWriter(given.stdout, redact),
    stderr: safeWriter(given.stderr, redact),
  };
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    (name ? io.stdout : io.stderr)(`${USAGE}\n`);
    return name ? EXIT_OK : EXIT_USAGE;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${io.appVersion}\n`);
    return EXIT_OK;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`USAGE: unknown command "${name}" (bcv --help lists them)\n`);
    return EXIT_USAGE;
  }
  try {
    return await command(rest, io, signal);
  } catch (error) {
    const failure = failureOf(error);
    io.stderr(`${failure.code}: ${failure.message}\n`);
    return failure.exitCode;
  }
}

/** Runs `bcv` with this process's arguments, streams and Ctrl+C (bin/bcv.cjs calls it). */
export function runAsProcess(): void {
  const controller = new AbortController();
  let interrupted = false;
  process.on('SIGINT', () => {
    // First Ctrl+C cancels the work in hand; a second one leaves at once.
    if (interrupted) process.exit(130);
    interrupted = true;
    controller.abort();
  });
  const io: CliIo = {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    cwd: process.cwd(),
    appVersion: VERSION,
  };
  main(process.argv.slice(2), io, controller.signal).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`INTERNAL: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}

if (require.main === module) runAsProcess();
