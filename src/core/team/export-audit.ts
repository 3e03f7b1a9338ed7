// Exporting a team case (its workbook, its memo, its .bcsession file) is an action the team's
// audit trail records: only the desktop sees it, so the app and `bcv` report it themselves.
import type { TeamDb } from './connect';
import { reportAction } from './audit';
import { readTeamMark } from './local-mark';

export interface ExportDetail {
  /** What was written: `workbook`, `memo`, `session-file`. */
  readonly kind: 'workbook' | 'memo' | 'session-file';
  /** The file's name (not its folder: where a person keeps files is theirs). */
  readonly file: string;
  readonly snapshotId?: string | null;
  readonly program: 'app' | 'bcv';
}

/** Whether `sessionId` is one of the team's cases in this library (its mark says so). */
export async function isTeamCase(libraryDir: string, sessionId: string): Promise<boolean> {
  return (await readTeamMark(libraryDir, sessionId)) !== null;
}

/** Records the export of a team case; answers false (nothing written) for a local one. */
export async function reportTeamExport(
  db: TeamDb,
  libraryDir: string,
  sessionId: string,
  detail: ExportDetail,
): Promise<boolean> {
  if (!(await isTeamCase(libraryDir, sessionId))) return false;
  await reportAction(db, 'export', sessionId, { ...detail });
  return true;
}
