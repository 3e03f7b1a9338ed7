// A lock file beside the review, so two processes (two app windows, the app and the CLI)
// changing the same review take turns: each reads the events, adds its own and writes the
// whole document back atomically, and no one's entry is lost. The lock is created with
// O_EXCL (one winner). Its holder touches it every few seconds while it works (a
// heartbeat), so a lock not touched for `staleMs` belongs to a process that died holding
// it, however long a live holder takes.
import type { FileHandle } from 'node:fs/promises';
import { setTimeout as delay } from 'node:timers/promises';
import type { LibraryFs } from '../io/safe-write';
import { ReviewError } from './review-errors';

export interface LockTiming {
  /** A lock not touched for this long was left by a crash. */
  readonly staleMs: number;
  /** How often the holder touches it (well inside staleMs). */
  readonly heartbeatMs: number;
  /** How long to wait for the lock before saying the review is busy. */
  readonly waitMs: number;
}

export const LOCK_TIMING: LockTiming = { staleMs: 30_000, heartbeatMs: 5_000, waitMs: 20_000 };

export async function withLock<T>(
  fs: LibraryFs,
  path: string,
  work: () => Promise<T>,
  clock: () => number = Date.now,
  timing: LockTiming = LOCK_TIMING,
): Promise<T> {
  const started = clock();
  let handle: FileHandle | null = null;
  for (let attempt = 0; handle === null; attempt++) {
    try {
      handle = await fs.open(path, 'wx', 0o644);
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'EEXIST') throw error;
      const stat = await fs.stat(path).catch(() => null);
      if (stat && clock() - stat.mtimeMs > timing.staleMs) {
        await fs.unlink(path).catch(() => undefined);
        continue;
      }
      if (clock() - started > timing.waitMs) {
        throw new ReviewError(
          'REVIEW_BUSY',
          'the review is being changed by another window or process; nothing was written, try again',
        );
      }
      // Short random waits: two waiting processes do not wake in step.
      await delay(5 + Math.floor(Math.random() * Math.min(50, 5 * (attempt + 1))));
    }
  }
  const held = handle;
  const heartbeat = setInterval(() => {
    const now = new Date();
    held.utimes(now, now).catch(() => undefined);
  }, timing.heartbeatMs);
  heartbeat.unref();
  try {
    await held.write(`${process.pid}\n`);
    return await work();
  } finally {
    clearInterval(heartbeat);
    await held.close().catch(() => undefined);
    await fs.unlink(path).catch(() => undefined);
  }
}
