// A team profile: where the team's PostgreSQL server is and who this user is on it. The
// profile holds no secret: the password or the client key comes from the vault (the app)
// or the environment (bcv), like the API's credentials.
import { z } from 'zod';
import { TeamError } from './team-errors';
import { TEAM_SSL_MODES, type TeamSslMode } from '@shared/team/types';
import { readRegularText } from '../io/regular-file';

/** The same login on the profile's read replica (the primary's TLS settings). */
export function replicaProfile(profile: TeamProfile): TeamProfile | null {
  return profile.replica ? { ...profile, ...profile.replica, replica: null } : null;
}

/** verify-full (the default) checks the CA and the host name; verify-ca the CA only. */
export type SslMode = TeamSslMode;

export interface TeamProfile {
  readonly host: string;
  readonly port: number;
  readonly database: string;
  /** The user's own database login. */
  readonly user: string;
  readonly sslmode: SslMode;
  /** The CA that signed the server's certificate (null: the system's CAs). */
  readonly caFile: string | null;
  /** A client certificate, for a login by certificate (its key is a secret). */
  readonly certFile: string | null;
  /**
   * A read replica of the same database (streaming replication) that search and "seen
   * elsewhere" read from; everything that writes, and the audit rows, go to `host`.
   */
  readonly replica?: { readonly host: string; readonly port: number } | null;
}

export interface TeamSecrets {
  readonly password: string | null;
  /** The client certificate's private key (PEM). */
  readonly clientKey: string | null;
}

const profileSchema = z.object({
  host: z.string().min(1).max(255),
  port: z.number().int().min(1).max(65535).default(5432),
  database: z.string().min(1).max(63),
  user: z.string().min(1).max(63),
  sslmode: z.enum(TEAM_SSL_MODES).default('verify-full'),
  caFile: z.string().min(1).nullable().default(null),
  certFile: z.string().min(1).nullable().default(null),
  replica: z
    .object({
      host: z.string().min(1).max(255),
      port: z.number().int().min(1).max(65535).default(5432),
    })
    .nullable()
    .default(null),
});

export function parseTeamProfile(value: unknown, source: string): TeamProfile {
  const parsed = profileSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new TeamError(
      'TEAM_PROFILE',
      `The team profile ${source}: ${issue.path.join('.') || 'it'}: ${issue.message}`,
    );
  }
  return parsed.data;
}

export async function readTeamProfile(file: string): Promise<TeamProfile> {
  let text: string;
  try {
    text = await readRegularText(file);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new TeamError(
      'TEAM_PROFILE',
      `The team profile ${file} cannot be read (${typeof code === 'string' ? code : 'error'})`,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new TeamError('TEAM_PROFILE', `The team profile ${file} is not JSON`);
  }
  return parseTeamProfile(value, file);
}
