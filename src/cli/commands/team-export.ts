// `bcv export` and `bcv library export` of a team case, with a team configured (--team or
// BCV_TEAM): the export is a row of the team's audit trail, as it is from the app. A local
// case, or no team configured, is exported as before and nothing is sent anywhere.
import { reportAction } from '../../core/team/audit';
import { isTeamCase, type ExportDetail } from '../../core/team/export-audit';
import { requireCurrentSchema, whoAmI } from '../../core/team/schema';
import type { CliIo } from '../io';
import { openTeam } from './team-connection';

export const TEAM_EXPORT_FLAG = {
  team: {
    type: 'string',
    arg: 'FILE',
    help: "the team profile (default: BCV_TEAM): a team case's export is recorded in the team's audit trail",
  },
} as const;

/**
 * Records the export of `sessionId` when it is a team case of `libraryDir` and a team is
 * configured. Answers the line to print: what was recorded, or null when nothing was to be.
 */
export async function recordTeamExport(
  io: CliIo,
  teamFile: string | undefined,
  libraryDir: string,
  sessionId: string,
  detail: Omit<ExportDetail, 'program'>,
): Promise<string | null> {
  if (!teamFile && !io.env['BCV_TEAM']) return null;
  if (!(await isTeamCase(libraryDir, sessionId))) return null;
  const db = await openTeam(io, teamFile);
  try {
    await requireCurrentSchema(db);
    await whoAmI(db);
    await reportAction(db, 'export', sessionId, { ...detail, program: 'bcv' });
  } finally {
    await db.close();
  }
  return `Recorded in the team's audit trail (${sessionId} is a team case)\n`;
}
