// Which team server `bcv team` talks to: the profile file named by --team or BCV_TEAM, and
// the login's secret from the environment only (BCV_TEAM_PASSWORD, or BCV_TEAM_CLIENT_KEY
// for a login by certificate), as the API's credentials are.
import { resolve } from 'node:path';
import { connectTeam, type TeamConnection } from '../../core/team/connect';
import { readTeamProfile } from '../../core/team/profile';
import { UsageError } from '../usage';
import type { CliIo } from '../io';

export const TEAM_SECRET_VARIABLES = ['BCV_TEAM_PASSWORD', 'BCV_TEAM_CLIENT_KEY'] as const;

export async function openTeam(io: CliIo, given: string | undefined): Promise<TeamConnection> {
  const file = given ?? io.env['BCV_TEAM'];
  if (!file) {
    throw new UsageError(
      'No team profile: pass --team FILE or set BCV_TEAM (docs/team-library.md)',
    );
  }
  const profile = await readTeamProfile(resolve(io.cwd, file));
  const password = io.env['BCV_TEAM_PASSWORD'] || null;
  const clientKey = io.env['BCV_TEAM_CLIENT_KEY'] || null;
  if (!password && !clientKey) {
    throw new UsageError(
      'The team login needs a secret: set BCV_TEAM_PASSWORD (or BCV_TEAM_CLIENT_KEY for a client certificate)',
    );
  }
  return connectTeam(
    {
      ...profile,
      caFile: profile.caFile && resolve(io.cwd, profile.caFile),
      certFile: profile.certFile && resolve(io.cwd, profile.certFile),
    },
    { password, clientKey },
    { applicationName: `bcv ${io.appVersion}` },
  );
}
