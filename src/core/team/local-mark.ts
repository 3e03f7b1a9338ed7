// Which local sessions are a team's cases: `team-case.json` beside the session's snapshots
// and review (the library lists only .bcsession files, so it reads past it). The local copy
// opens offline like any saved session; the mark says where it came from and lets a sync
// find the cases whose reviews to send.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { realFs, writeFileAtomic } from '../io/safe-write';
import { folderNameOf } from '../library/ids';
import { readRegularText } from '../io/regular-file';

export const TEAM_MARK_FILE = 'team-case.json';

const markSchema = z.object({
  format: z.literal('bankconnect-viewer/team-case'),
  sessionId: z.string().min(1),
  /** host:port/database of the team server. */
  server: z.string().min(1),
  owner: z.string(),
  team: z.string(),
  branch: z.string(),
  /** When this desktop first had it from (or gave it to) the team library. */
  since: z.string(),
});

export type TeamMark = z.infer<typeof markSchema>;

export async function writeTeamMark(libraryDir: string, mark: Omit<TeamMark, 'format'>) {
  const folder = join(libraryDir, folderNameOf(mark.sessionId));
  const body: TeamMark = { format: 'bankconnect-viewer/team-case', ...mark };
  await writeFileAtomic(realFs, folder, TEAM_MARK_FILE, Buffer.from(JSON.stringify(body, null, 1)));
}

/** The mark in a session's folder; null without one (a session of this desktop only) or when it does not read. */
async function markIn(folder: string): Promise<TeamMark | null> {
  try {
    const parsed = markSchema.safeParse(
      JSON.parse(await readRegularText(join(folder, TEAM_MARK_FILE))),
    );
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export async function readTeamMark(
  libraryDir: string,
  sessionId: string,
): Promise<TeamMark | null> {
  return markIn(join(libraryDir, folderNameOf(sessionId)));
}

/** Every marked session of the library (a mark that does not read is no mark). */
export async function teamMarks(libraryDir: string): Promise<TeamMark[]> {
  const folders = await readdir(libraryDir, { withFileTypes: true }).catch(() => []);
  const marks: TeamMark[] = [];
  for (const folder of folders) {
    if (!folder.isDirectory()) continue;
    const mark = await markIn(join(libraryDir, folder.name));
    if (mark) marks.push(mark);
  }
  return marks.sort((a, b) => (a.sessionId < b.sessionId ? -1 : 1));
}
