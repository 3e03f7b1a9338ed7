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
  /**
   * The writes under way, in order: a change is written after the ones before it, and a
   * list waits for them, so a caller need not wait for its own change (an open answers
   * before its entry is on disk, which can take a few hundred ms on a busy disk).
   */
  private writing: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly file: string,
    private readonly fs: LibraryFs = realFs,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** When every change asked for so far is on disk (or has failed). */
  async settled(): Promise<void> {
    await this.writing;
  }

  async list(): Promise<RecentSession[]> {
    await this.writing;
    return this.read();
  }

  remember(sessionId: string, snapshotId: string | null): Promise<RecentSession[]> {
    const entry: RecentSession = { sessionId, snapshotId, openedAt: this.clock().toISOString() };
    return this.change(async () => {
      const others = (await this.read()).filter(
        (r) => !(r.sessionId === sessionId && r.snapshotId === snapshotId),
      );
      const recent = [entry, ...others].slice(0, RECENT_LIMIT);
      await this.fs.mkdir(dirname(this.file), { recursive: true });
      await this.write(recent);
      return recent;
    });
  }

  /** Drops entries of deleted sessions (or one deleted snapshot). */
  forget(sessionId: string, snapshotId?: string): Promise<void> {
    return this.change(async () => {
      const current = await this.read();
      const recent = current.filter(
        (r) => !(r.sessionId === sessionId && (!snapshotId || r.snapshotId === snapshotId)),
      );
      if (recent.length !== current.length) await this.write(recent);
    });
  }

  private change<T>(work: () => Promise<T>): Promise<T> {
    const done = this.writing.then(work);
    this.writing = done.catch(() => undefined);
    return done;
  }

  private async read(): Promise<RecentSession[]> {
    try {
      const parsed = recentSchema.safeParse(JSON.parse(await this.fs.readFile(this.file, 'utf8')));
      return parsed.success ? parsed.data.recent.slice(0, RECENT_LIMIT) : [];
    } catch {
      return [];
    }
  }

  private async write(recent: readonly RecentSession[]): Promise<void> {
    await writeFileAtomic(
      this.fs,
      dirname(this.file),
      basename(this.file),
      Buffer.from(JSON.stringify({ recent }), 'utf8'),
    );
  }
}
