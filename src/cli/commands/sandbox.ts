// `bcv sandbox [--port N]`: the sandbox server in the foreground until Ctrl+C. Its demo
// credentials are printed: they are fixed, public and only good for the sandbox.
import { SANDBOX_CREDENTIALS } from '../../core/profiles/profile-store';
import { BUILT_IN_SESSION_IDS } from '../../sandbox/sessions';
import { startSandboxServer } from '../../sandbox/server';
import { parseCommand, UsageError, type CommandSpec } from '../usage';
import type { CliIo } from '../io';

export const SANDBOX_SPEC = {
  name: 'sandbox',
  args: '',
  summary:
    'Runs the sandbox server (demo sessions) in the foreground until Ctrl+C; prints its URL and demo credentials.',
  flags: {
    port: { type: 'string', arg: 'N', help: 'the port on 127.0.0.1 (default: any free port)' },
  },
} as const satisfies CommandSpec;

export async function runSandboxCommand(
  argv: readonly string[],
  io: CliIo,
  signal: AbortSignal,
): Promise<number> {
  const { values, positionals } = parseCommand(argv, SANDBOX_SPEC);
  if (positionals.length > 0)
    throw new UsageError(`bcv sandbox: unexpected "${positionals[0]}" (bcv sandbox --help)`);
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port: expected 0-65535, got "${values.port}"`);
  let server;
  try {
    server = await startSandboxServer({ ...SANDBOX_CREDENTIALS, port });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'EADDRINUSE') throw new UsageError(`--port: port ${port} is in use`);
    throw error;
  }
  io.stdout(`${server.url}\n`);
  io.stderr(
    `Sandbox running. Use --base-url ${server.url} with\n` +
      `  BANKCONNECT_API_KEY=${SANDBOX_CREDENTIALS.apiKey} BANKCONNECT_SERVER_HASH=${SANDBOX_CREDENTIALS.serverHash}\n` +
      `Sessions: ${BUILT_IN_SESSION_IDS.join(', ')}\nCtrl+C stops it.\n`,
  );
  await new Promise<void>((resolve) => {
    if (signal.aborted) resolve();
    signal.addEventListener('abort', () => resolve(), { once: true });
  });
  await server.close();
  return 0;
}
