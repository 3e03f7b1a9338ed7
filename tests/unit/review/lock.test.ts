// The review lock (src/core/review/lock.ts): a live holder that works longer than the stale
// limit keeps its lock (it touches the file as it works), so a second writer waits for it
// instead of taking the lock and writing at the same time.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { realFs } from '../../../src/core/io/safe-write';
import { withLock } from '../../../src/core/review/lock';
import { tempDir } from '../library/helpers';

const TIMING = { staleMs: 150, heartbeatMs: 30, waitMs: 5_000 };

describe('the review lock', () => {
  it('is kept by a slow holder past the stale limit: the next writer waits its turn', async () => {
    const dir = await tempDir();
    const path = join(dir, '.review.lock');
    const events: string[] = [];
    const slow = withLock(
      realFs,
      path,
      async () => {
        events.push('slow starts');
        await delay(600); // four stale limits
        events.push('slow ends');
      },
      Date.now,
      TIMING,
    );
    await delay(20);
    const next = withLock(
      realFs,
      path,
      async () => void events.push('next runs'),
      Date.now,
      TIMING,
    );
    await Promise.all([slow, next]);
    expect(events).toEqual(['slow starts', 'slow ends', 'next runs']);
    await rm(dir, { recursive: true });
  });

  it('takes over a lock nobody touches any more (its holder died)', async () => {
    const dir = await tempDir();
    const path = join(dir, '.review.lock');
    await (await realFs.open(path, 'wx')).close(); // left behind, never touched again
    await delay(200);
    expect(await withLock(realFs, path, () => Promise.resolve('ran'), Date.now, TIMING)).toBe(
      'ran',
    );
    await rm(dir, { recursive: true });
  });
});
