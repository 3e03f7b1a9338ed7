// `bcv export` and `bcv library export` of a team case, with a team configured (--team or
// BCV_TEAM): the export is a row of the team's audit trail, as it is from the app. A local
// case, or no team configured, is exported as before and nothing is sent anywhere. With the
// server out of reach, the row is queued in the library and sent by the next `bcv team sync`
// (or the next export recorded).
import { reportAction } from '../../core/team/audit';
import { recordOrQueueExport, sendQueuedRows } from '../../core/team/audit-queue';
import { isTeamCase, type ExportDetail } from '../../core/team/export-audit';
import { requireCurrentSchema, whoAmI } from '../../core/team/schema';
import type { CliIo } from '../io';
import { shown } from '../terminal-safe';
import { openTeam, teamSettings } from './team-connection';

export const TEAM_EXPORT_FLAG = {
  team: {
    type: 'string',
    arg: 'FILE',
    help: "the team profile (default: BCV_TEAM): a team case's export is recorded in the team's audit trail",
  },
} as const;

/**
 * Records the export of `sessionId` when it is a team case of `libraryDir` and a team is
 * configured (and then sends the rows queued before). Answers the lines to print: what was
 * recorded or queued, or null when nothing was to be.
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
  const exportedAt = new Date();
  const settings = await teamSettings(io, teamFile);
  const { host, port, database, user } = settings.profile;
  const row: ExportDetail = { ...detail, program: 'bcv' };
  let earlier = 0;
  const queued = await recordOrQueueExport(
    libraryDir,
    { login: user, server: `${host}:${port}/${database}`, sessionId, detail: row, exportedAt },
    async () => {
      const db = await openTeam(io, settings);
      try {
        await requireCurrentSchema(db);
        await whoAmI(db);
        await reportAction(db, 'export', sessionId, { ...row });
        // Connected: the rows queued while the server was out of reach go too (a failure
        // there is no failure of this export's row, which is recorded: they wait for a sync).
        earlier = (await sendQueuedRows(db, libraryDir).catch(() => ({ sent: 0 }))).sent;
      } finally {
        await db.close();
      }
    },
  );
  if (queued !== null) {
    return `Queued for the team's audit trail, sent by the next \`bcv team sync\` (${shown(queued)})\n`;
  }
  return (
    `Recorded in the team's audit trail (${sessionId} is a team case)\n` +
    (earlier > 0 ? `${auditRows(earlier)} queued earlier sent to the team's audit trail\n` : '')
  );
}

/** "1 export's audit row", "2 exports' audit rows". */
export const auditRows = (n: number): string =>
  n === 1 ? "1 export's audit row" : `${n} exports' audit rows`;
