// One connection to the team's PostgreSQL server as the user's own login, over TLS that
// checks the server (verify-full by default). `pg` is loaded on first use, so commands
// that never reach a team server do not pay for it.
import type { Client, QueryResultRow } from 'pg';
import { connectFailure, statementFailure, TeamError, type ServerName } from './team-errors';
import type { TeamProfile, TeamSecrets } from './profile';
import { readRegularText } from '../io/regular-file';

export interface ConnectOptions {
  /** Shown in pg_stat_activity: which program holds the connection. */
  readonly applicationName?: string;
  /** Milliseconds to wait for the server (default 10 s). */
  readonly timeoutMs?: number;
}

/** The queries a team operation runs: plain statements, or several in one transaction. */
export interface TeamDb {
  readonly login: string;
  query<R extends QueryResultRow = QueryResultRow>(sql: string, params?: unknown[]): Promise<R[]>;
  /** A statement's count of rows changed (for an INSERT whose new row this login may not read). */
  execute(sql: string, params?: unknown[]): Promise<number>;
  transaction<T>(work: (db: TeamDb) => Promise<T>): Promise<T>;
}

export interface TeamConnection extends TeamDb {
  readonly server: ServerName;
  close(): Promise<void>;
}

/** A PEM file of a team profile (CA, certificate, client key), or one line saying why not. */
export async function readPem(file: string, what: string): Promise<string> {
  try {
    return await readRegularText(file);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new TeamError(
      'TEAM_PROFILE',
      `The ${what} ${file} cannot be read (${typeof code === 'string' ? code : 'error'})`,
    );
  }
}

async function tlsOptions(profile: TeamProfile, secrets: TeamSecrets) {
  const ca = profile.caFile ? await readPem(profile.caFile, 'CA file') : undefined;
  const cert = profile.certFile ? await readPem(profile.certFile, 'client certificate') : undefined;
  if (cert && !secrets.clientKey) {
    throw new TeamError(
      'TEAM_PROFILE',
      'The team profile names a client certificate but its key is not set',
    );
  }
  return {
    rejectUnauthorized: true,
    ...(ca ? { ca } : {}),
    ...(cert ? { cert, key: secrets.clientKey! } : {}),
    // verify-ca: the chain is checked, the name in the certificate is not.
    ...(profile.sslmode === 'verify-ca' ? { checkServerIdentity: () => undefined } : {}),
  };
}

function wrap(client: Client, login: string, inTransaction: boolean): TeamDb {
  const db: TeamDb = {
    login,
    async query<R extends QueryResultRow>(sql: string, params: unknown[] = []) {
      try {
        return (await client.query<R>(sql, params)).rows;
      } catch (error) {
        throw statementFailure(error);
      }
    },
    async execute(sql: string, params: unknown[] = []) {
      try {
        return (await client.query(sql, params)).rowCount ?? 0;
      } catch (error) {
        throw statementFailure(error);
      }
    },
    async transaction<T>(work: (inner: TeamDb) => Promise<T>): Promise<T> {
      if (inTransaction) return work(db);
      await db.query('BEGIN');
      try {
        const result = await work(wrap(client, login, true));
        await db.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw statementFailure(error);
      }
    },
  };
  return db;
}

export async function connectTeam(
  profile: TeamProfile,
  secrets: TeamSecrets,
  options: ConnectOptions = {},
): Promise<TeamConnection> {
  const server: ServerName = {
    host: profile.host,
    port: profile.port,
    database: profile.database,
    user: profile.user,
  };
  const ssl = await tlsOptions(profile, secrets);
  const { default: pg } = await import('pg');
  const client = new pg.Client({
    host: profile.host,
    port: profile.port,
    database: profile.database,
    user: profile.user,
    // A login by certificate has no password: none is sent.
    ...(secrets.password !== null ? { password: secrets.password } : {}),
    ssl,
    application_name: options.applicationName ?? 'bcv',
    connectionTimeoutMillis: options.timeoutMs ?? 10_000,
    // The app's statements are short lookups: compiling a plan with JIT (done once its
    // estimated cost passes a threshold, as a lookup over a large book's rows does) costs
    // hundreds of milliseconds more than running it.
    options: '-c jit=off',
  });
  // A dropped connection is reported on the next query; it must not crash the process.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw connectFailure(error, server);
  }
  const db = wrap(client, profile.user, false);
  return {
    ...db,
    server,
    async close() {
      await client.end().catch(() => undefined);
    },
  };
}
