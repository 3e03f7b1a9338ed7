// A team library's failures, each one line a person can act on: which server, and what to
// do. PostgreSQL's own refusals (a row-level security policy, a revoked privilege, a
// constraint) keep the server's words: they are the database enforcing the rules.
import { CoreError, messageLine } from '../core-error';

export type TeamErrorCode =
  | 'TEAM_PROFILE'
  | 'TEAM_UNREACHABLE'
  | 'TEAM_TLS'
  | 'TEAM_LOGIN'
  | 'TEAM_NOT_SET_UP'
  | 'TEAM_SCHEMA_OLD'
  | 'TEAM_SCHEMA_NEW'
  | 'TEAM_NOT_MEMBER'
  | 'TEAM_REFUSED'
  | 'TEAM_CONFLICT'
  | 'TEAM_NOT_FOUND'
  | 'TEAM_CHECKSUM'
  | 'TEAM_FAILED';

export class TeamError extends CoreError<TeamErrorCode> {
  override readonly name = 'TeamError';
}

export interface ServerName {
  readonly host: string;
  readonly port: number;
  readonly database: string;
  readonly user: string;
}

const where = (s: ServerName) => `${s.host}:${s.port}/${s.database}`;

const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ECONNRESET',
]);

/** A failure to connect, as one line naming the server and what was wrong. */
export function connectFailure(error: unknown, server: ServerName): TeamError {
  const code = (error as { code?: unknown } | null)?.code;
  const text = messageLine(error, 300);
  if (error instanceof TeamError) return error;
  if (typeof code === 'string' && UNREACHABLE.has(code)) {
    return new TeamError(
      'TEAM_UNREACHABLE',
      `The team server ${where(server)} cannot be reached (${code}): check the host, the port and the network`,
    );
  }
  if (code === '28P01' || (code === '28000' && !/no encryption|SSL off/i.test(text))) {
    return new TeamError(
      'TEAM_LOGIN',
      `The team server ${where(server)} refused the login "${server.user}": check the user name and its password or key`,
    );
  }
  if (/password must be a string|password authentication/i.test(text)) {
    return new TeamError(
      'TEAM_LOGIN',
      `The team server ${where(server)} asks the login "${server.user}" for a password, and none is set`,
    );
  }
  if (code === '3D000') {
    return new TeamError('TEAM_NOT_SET_UP', `The team server has no database "${server.database}"`);
  }
  const tlsish =
    (typeof code === 'string' &&
      /CERT|SELF_SIGNED|UNABLE_TO|ALTNAME|EPROTO|ERR_SSL|ERR_TLS/.test(code)) ||
    /does not support SSL|no encryption|SSL off|certificate|Hostname\/IP/i.test(text);
  if (tlsish) {
    return new TeamError(
      'TEAM_TLS',
      `TLS with the team server ${where(server)} was refused: ${text} (check the CA file and the host name the certificate names)`,
    );
  }
  return new TeamError('TEAM_FAILED', `The team server ${where(server)}: ${text}`);
}

/** A statement the server refused: a privilege, a row-level security policy, a rule. */
export function statementFailure(error: unknown): TeamError {
  if (error instanceof TeamError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  const text = messageLine(error, 300);
  if (code === '42501') return new TeamError('TEAM_REFUSED', `Refused by the team server: ${text}`);
  if (code === '23505') return new TeamError('TEAM_CONFLICT', `Already there: ${text}`);
  if (typeof code === 'string' && /^(23|P0|22)/.test(code)) {
    return new TeamError('TEAM_REFUSED', `Refused by the team server: ${text}`);
  }
  if (typeof code === 'string' && UNREACHABLE.has(code)) {
    return new TeamError('TEAM_UNREACHABLE', `The team server went away: ${text}`);
  }
  return new TeamError('TEAM_FAILED', `The team server: ${text}`);
}
