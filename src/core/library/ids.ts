// Names on disk. A snapshot id sorts by save time and ends with a random part, so two
// saves of one session in the same millisecond (two windows, two processes) never collide.
import { createHash, randomBytes } from 'node:crypto';

/** `2026-11-24T23:15:00.123Z` -> `20261124T231500123Z`: an instant in a file name, sorting by time. */
export function fileStamp(iso: string): string {
  return iso.replace(/[-:.]/g, '');
}

export function makeSnapshotId(savedAt: Date): string {
  return `${fileStamp(savedAt.toISOString())}-${randomBytes(4).toString('hex')}`;
}

/** The session's folder: its id when that is a safe file name, otherwise a hash of it. */
export function folderNameOf(sessionId: string): string {
  if (/^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$/.test(sessionId) && !sessionId.endsWith('.')) {
    return sessionId;
  }
  return `_h-${createHash('sha256').update(sessionId, 'utf8').digest('hex').slice(0, 32)}`;
}

export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
