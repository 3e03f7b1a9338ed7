// Which team server `bcv team` talks to: the profile file named by --team or BCV_TEAM, and
// the login's secret from the environment only (BCV_TEAM_PASSWORD, or BCV_TEAM_CLIENT_KEY
// for a login by certificate), as the API's credentials are.
import { resolve } from 'node:path';
import { connectTeam, type TeamConnection } from '../../core/team/connect';
import {
  readTeamProfile,
  replicaProfile,
  type TeamProfile,
  type TeamSecrets,
} from '../../core/team/profile';
import { UsageError } from '../usage';
import type { CliIo } from '../io';

export const TEAM_SECRET_VARIABLES = ['BCV_TEAM_PASSWORD', 'BCV_TEAM_CLIENT_KEY'] as const;

/** The primary, and where searches read: the profile's replica when it names one. */
export interface TeamSession extends TeamConnection {
  reads(): Promise<TeamConnection>;
}

/** The profile (its files resolved against the working folder) and the login's secret. */
export interface TeamSettings {
  readonly profile: TeamProfile;
  readonly secrets: TeamSecrets;
}

export async function teamSettings(io: CliIo, given: string | undefined): Promise<TeamSettings> {
  const file = given ?? io.env['BCV_TEAM'];
  if (!file) {
    throw new UsageError(
      'No team profile: pass --team FILE or set BCV_TEAM (docs/team-library.md)',
    );
  }
  const read = await readTeamProfile(resolve(io.cwd, file));
  const password = io.env['BCV_TEAM_PASSWORD'] || null;
  const clientKey = io.env['BCV_TEAM_CLIENT_KEY'] || null;
  if (!password && !clientKey) {
    throw new UsageError(
      'The team login needs a secret: set BCV_TEAM_PASSWORD (or BCV_TEAM_CLIENT_KEY for a client certificate)',
    );
  }
  const profile: TeamProfile = {
    ...read,
    caFile: read.caFile && resolve(io.cwd, read.caFile),
    certFile: read.certFile && resolve(io.cwd, read.certFile),
  };
  return { profile, secrets: { password, clientKey } };
}

export async function openTeam(
  io: CliIo,
  given: string | undefined | TeamSettings,
): Promise<TeamSession> {
  const { profile, secrets } = typeof given === 'object' ? given : await teamSettings(io, given);
  const options = { applicationName: `bcv ${io.appVersion}` };
  const primary = await connectTeam(profile, secrets, options);
  const replica = replicaProfile(profile);
  let reader: Promise<TeamConnection> | null = null;
  return {
    ...primary,
    reads() {
      reader ??= replica ? connectTeam(replica, secrets, options) : Promise.resolve(primary);
      return reader;
    },
    async close() {
      const opened = await reader?.catch(() => null);
      if (opened && opened !== primary) await opened.close();
      await primary.close();
    },
  };
}
