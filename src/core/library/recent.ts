// Recently opened saved sessions, newest first, in a small JSON file in the user-data
// folder (written atomically; a damaged file just means an empty list).
import { basename, dirname } from 'node:path';
import { z } from 'zod';
import type { RecentSession } from '@shared/ipc/contract';
import { realFs, writeFileAtomic, type LibraryFs } from '../io/safe-write';

export const RECENT_LIMIT = 20;

const recentSchema = z.object({
  recent: z.array(
    z.object({ sessionId: z.string(), snapshotId: z.string().nullable(), openedAt: z.string() }),
  ),
});

export class RecentSessions {
  constructor(
    private readonly file: string,
    private readonly fs: LibraryFs = realFs,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async list(): Promise<RecentSession[]> {
    try {
      const parsed = recentSchema.safeParse(JSON.parse(await this.fs.readFile(this.file, 'utf8')));
      return parsed.success ? parsed.data.recent.slice(0, RECENT_LIMIT) : [];
    } catch {
      return [];
    }
  }

  async remember(sessionId: string, snapshotId: string | null): Promise<RecentSession[]> {
    const entry: RecentSession = { sessionId, snapshotId, openedAt: this.clock().toISOString() };
    const others = (await this.list()).filter(
      (r) => !(r.sessionId === sessionId && r.snapshotId === snapshotId),
    );
    const recent = [entry, ...others].slice(0, RECENT_LIMIT);
    await this.fs.mkdir(dirname(this.file), { recursive: true });
    await writeFileAtomic(
      this.fs,
      dirname(this.file),
      basename(this.file),
      Buffer.from(JSON.stringify({ recent }), 'utf8'),
    );
    return recent;
  }

  /** Drops entries of deleted sessions (or one deleted snapshot). */
  async forget(sessionId: string, snapshotId?: string): Promise<void> {
    const current = await this.list();
    const recent = current.filter(
      (r) => !(r.sessionId === sessionId && (!snapshotId || r.snapshotId === snapshotId)),
    );
    if (recent.length === current.length) return;
    await writeFileAtomic(
      this.fs,
      dirname(this.file),
      basename(this.file),
      Buffer.from(JSON.stringify({ recent }), 'utf8'),
    );
  }
}
