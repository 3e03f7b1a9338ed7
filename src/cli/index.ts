// `bcv`: the command-line face of BankConnect Viewer. Exit codes: 0 success, 1 API or
// network error (one line `CODE: message` on stderr, no stack trace), 2 usage error.
import { CLI_COMMANDS, isGroup } from './commands';
import type { CliIo } from './io';
import { redactor, urlSecrets } from '../core/security/redact';
import { EXIT_OK, EXIT_USAGE, failureOf } from './exit';
import { statusLine } from './status-line';
import { safeWriter } from './terminal-safe';
import { removeTempsOnExit } from '../core/io/temp-files';
import { HelpRequested } from './usage';
import { BUILT_IN_SESSION_IDS } from '../sandbox/sessions';
import { TEAM_SECRET_VARIABLES } from './commands/team-connection';

declare const __APP_VERSION__: string | undefined;
const VERSION = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : '0.0.0-dev';

function usage(): string {
  const rows = CLI_COMMANDS.map(({ spec }) => [
    `${spec.name} ${isGroup(spec) ? '<command>' : spec.args}`.trim(),
    isGroup(spec)
      ? spec.subcommands.map((s) => s.name).join(', ')
      : spec.summary.split(/[.:;](\s|$)/)[0]!,
  ]);
  const width = Math.max(...rows.map(([left]) => left!.length)) + 2;
  return [
    'bcv: BankConnect Viewer on the command line',
    '',
    'Usage: bcv <command> [options]',
    '',
    'Commands:',
    ...rows.map(([left, right]) => `  ${left!.padEnd(width)}${right}`),
    '',
    "bcv <command> --help shows a command's arguments and options; bcv --version the version.",
    '',
    `Sandbox sessions (--sandbox): ${BUILT_IN_SESSION_IDS.join(', ')}`,
    'Environment: BANKCONNECT_API_KEY and BANKCONNECT_SERVER_HASH (credentials),',
    '  BANKCONNECT_BASE_URL, BANKCONNECT_API_VERSION, BANKCONNECT_ENDPOINT, BCV_LIBRARY, BCV_REVIEWER',
    'Exit status: 0 success, 1 a failure (one line "CODE: message" on stderr), 2 a usage error.',
  ].join('\n');
}

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
    status: given.status && safeWriter(given.status, redact),
  };
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    (name ? io.stdout : io.stderr)(`${usage()}\n`);
    return name ? EXIT_OK : EXIT_USAGE;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${io.appVersion}\n`);
    return EXIT_OK;
  }
  const command = CLI_COMMANDS.find((c) => c.spec.name === name);
  if (!command) {
    const what = name.startsWith('-') ? `no flag ${name}` : `no command "${name}"`;
    io.stderr(`USAGE: bcv has ${what} (bcv --help lists them)\n`);
    return EXIT_USAGE;
  }
  try {
    return await command.run(rest, io, signal);
  } catch (error) {
    io.status?.('');
    if (error instanceof HelpRequested) {
      io.stdout(`${error.text}\n`);
      return EXIT_OK;
    }
    const failure = failureOf(error);
    io.stderr(`${failure.code}: ${failure.message}\n`);
    return failure.exitCode;
  }
}

/** Runs `bcv` with this process's arguments, streams and Ctrl+C (bin/bcv.cjs calls it). */
export function runAsProcess(): void {
  // A reader that stops early (`bcv … | head`) closes the pipe: the output ends there,
  // without a stack trace.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
    });
  }
  const controller = new AbortController();
  let interrupted = false;
  // A kill (SIGTERM, SIGHUP) or a crash leaves no half-written file beside an output.
  removeTempsOnExit();
  process.on('SIGINT', () => {
    // First Ctrl+C cancels the work in hand; a second one leaves at once.
    if (interrupted) process.exit(130);
    interrupted = true;
    controller.abort();
  });
  const line = statusLine(process.stderr);
  const io: CliIo = {
    stdout: (text) => {
      line?.clear();
      process.stdout.write(text);
    },
    stderr: (text) => {
      line?.clear();
      process.stderr.write(text);
    },
    status: line?.show,
    env: process.env,
    cwd: process.cwd(),
    appVersion: VERSION,
  };
  main(process.argv.slice(2), io, controller.signal).then(
    (code) => {
      line?.clear();
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`INTERNAL: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}

if (require.main === module) runAsProcess();
