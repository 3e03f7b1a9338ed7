// Connection flags and environment -> an API client, or an in-process sandbox and a
// client for it. Credentials come from the environment only (never a flag: flags show
// in process lists and shell history) and never appear in output.
import {
  createBankConnectClient,
  DEFAULT_API_VERSION,
  DEFAULT_BASE_URL,
  type RetryNotice,
} from '../core/api/client';
import { SANDBOX_CREDENTIALS } from '../core/profiles/profile-store';
import type { SessionConnection } from '../core/session/open-session';
import { CLI_PROFILE_NAME } from '@shared/session/provenance';
import { startSandboxServer } from '../sandbox/server';
import { DEFAULT_DATA_ENDPOINT, isDataEndpoint, type DataEndpoint } from '@shared/api/endpoints';
import { refuseCredentialsInUrl } from '../core/security/redact';
import { baseUrlProblem } from '../core/api/base-url';
import { UsageError, type FlagSpecs } from './usage';

/** The flags of every command that talks to BankConnect (status, fetch, export). */
export const CONNECTION_OPTIONS = {
  sandbox: {
    type: 'boolean',
    help: 'use an in-process sandbox with demo sessions instead of the network',
  },
  'base-url': {
    type: 'string',
    arg: 'URL',
    help: `the API's base URL (BANKCONNECT_BASE_URL; default ${DEFAULT_BASE_URL})`,
  },
  'api-version': {
    type: 'string',
    arg: 'V',
    help: `the API version (BANKCONNECT_API_VERSION; default ${DEFAULT_API_VERSION})`,
  },
  endpoint: {
    type: 'string',
    arg: 'E',
    help: 'the data endpoint: subscribed_data (default) or insights (BANKCONNECT_ENDPOINT)',
  },
  timeout: { type: 'string', arg: 'SECONDS', help: 'the limit per request (default 30)' },
} as const satisfies FlagSpecs;

/** What the connection flags' help adds: where the credentials come from. */
export const CONNECTION_NOTES = `Credentials come from the environment only: BANKCONNECT_API_KEY and
BANKCONNECT_SERVER_HASH (not needed with --sandbox). Flags win over the environment.`;

export interface ConnectionFlags {
  readonly 'base-url'?: string | undefined;
  readonly 'api-version'?: string | undefined;
  readonly sandbox?: boolean | undefined;
  readonly timeout?: string | undefined;
  readonly endpoint?: string | undefined;
}

/** `--endpoint`, else BANKCONNECT_ENDPOINT, else subscribed_data (the reference page's). */
export function endpointOf(
  flag: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): DataEndpoint {
  const given = flag ?? env.BANKCONNECT_ENDPOINT;
  if (given === undefined || given === '') return DEFAULT_DATA_ENDPOINT;
  if (isDataEndpoint(given)) return given;
  const from = flag !== undefined ? '--endpoint' : 'BANKCONNECT_ENDPOINT';
  throw new UsageError(`${from}: expected subscribed_data or insights, got "${given}"`);
}

/** A client and where its data comes from, as core's openSession takes them. */
export interface OpenConnection extends SessionConnection {
  close(): Promise<void>;
}

export function timeoutMsOf(text: string | undefined): number {
  if (text === undefined) return 30_000;
  const seconds = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text.trim()) || !(seconds > 0) || seconds > 3600)
    throw new UsageError(
      `--timeout: expected a number of seconds above 0 and at most 3600, got "${text}"`,
    );
  return Math.round(seconds * 1000);
}

export async function openConnection(
  flags: ConnectionFlags,
  env: Readonly<Record<string, string | undefined>>,
  onRetry: (notice: RetryNotice) => void,
): Promise<OpenConnection> {
  const timeoutMs = timeoutMsOf(flags.timeout);
  const endpoint = endpointOf(flags.endpoint, env);
  const apiVersion = flags['api-version'] ?? env.BANKCONNECT_API_VERSION ?? DEFAULT_API_VERSION;
  if (!/^v\d+$/.test(apiVersion))
    throw new UsageError(`--api-version: expected v1, v2..., got "${apiVersion}"`);
  if (flags.sandbox) {
    const server = await startSandboxServer({ ...SANDBOX_CREDENTIALS });
    const client = createBankConnectClient({
      baseUrl: server.url,
      apiVersion,
      ...SANDBOX_CREDENTIALS,
      fetch,
      timeoutMs,
      onRetry,
    });
    return {
      client,
      provenance: { profileName: 'Sandbox', host: new URL(server.url).host, sandbox: true },
      endpoint,
      close: () => server.close(),
    };
  }
  const baseUrl = flags['base-url'] ?? env.BANKCONNECT_BASE_URL ?? DEFAULT_BASE_URL;
  let parsed: URL;
  try {
    parsed = new URL(baseUrl);
  } catch {
    throw new UsageError(`--base-url: not a URL: "${baseUrl}"`);
  }
  try {
    refuseCredentialsInUrl(baseUrl, '--base-url');
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const unusable = baseUrlProblem(baseUrl);
  if (unusable) throw new UsageError(`--base-url ${unusable}`);
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    throw new UsageError(`--base-url: expected an http(s) URL, got "${parsed.protocol}"`);
  const apiKey = env.BANKCONNECT_API_KEY;
  const serverHash = env.BANKCONNECT_SERVER_HASH;
  if (!apiKey || !serverHash)
    throw new UsageError(
      'Credentials missing: set BANKCONNECT_API_KEY and BANKCONNECT_SERVER_HASH, or use --sandbox',
    );
  const client = createBankConnectClient({
    baseUrl,
    apiVersion,
    apiKey,
    serverHash,
    fetch,
    timeoutMs,
    onRetry,
  });
  return {
    client,
    provenance: { profileName: CLI_PROFILE_NAME, host: parsed.host, sandbox: false },
    endpoint,
    close: () => Promise.resolve(),
  };
}
