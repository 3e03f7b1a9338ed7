// A lock file beside the review, so two processes (two app windows, the app and the CLI)
// changing the same review take turns: each reads the events, adds its own and writes the
// whole document back atomically, and no one's entry is lost. The lock is created with
// O_EXCL (one winner); a lock older than STALE_MS belongs to a process that died holding it.
import type { FileHandle } from 'node:fs/promises';
import type { LibraryFs } from '../io/safe-write';
import { ReviewError } from './errors';

/** Holding the lock takes milliseconds; one this old was left by a crash. */
export const STALE_MS = 30_000;
/** How long to wait for the lock before saying the review is busy. */
const WAIT_MS = 20_000;

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

export async function withLock<T>(
  fs: LibraryFs,
  path: string,
  work: () => Promise<T>,
  clock: () => number = Date.now,
): Promise<T> {
  const started = clock();
  let handle: FileHandle | null = null;
  for (let attempt = 0; handle === null; attempt++) {
    try {
      handle = await fs.open(path, 'wx', 0o644);
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'EEXIST') throw error;
      const stat = await fs.stat(path).catch(() => null);
      if (stat && clock() - stat.mtimeMs > STALE_MS) {
        await fs.unlink(path).catch(() => undefined);
        continue;
      }
      if (clock() - started > WAIT_MS) {
        throw new ReviewError(
          'REVIEW_BUSY',
          'the review is being changed by another window or process; nothing was written, try again',
        );
      }
      // Short random waits: two waiting processes do not wake in step.
      await sleep(5 + Math.floor(Math.random() * Math.min(50, 5 * (attempt + 1))));
    }
  }
  try {
    try {
      await handle.write(`${process.pid}\n`);
    } finally {
      await handle.close();
    }
    return await work();
  } finally {
    await fs.unlink(path).catch(() => undefined);
  }
}
