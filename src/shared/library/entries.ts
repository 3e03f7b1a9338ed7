// Snapshots grouped into one list entry per session: the newest snapshot describes the
// session, the others stay listed under it for audit.
import type { LibraryEntry, LibrarySnapshotSummary } from '../ipc/contract';
import type { SnapshotRecord } from './snapshot-record';

/** Newest first: by fetch time, then by snapshot id (which sorts by save time). */
export function compareSnapshots(a: SnapshotRecord, b: SnapshotRecord): number {
  if (a.fetchedAt !== b.fetchedAt) return a.fetchedAt < b.fetchedAt ? 1 : -1;
  return a.snapshotId < b.snapshotId ? 1 : a.snapshotId > b.snapshotId ? -1 : 0;
}

export function snapshotSummary(r: SnapshotRecord): LibrarySnapshotSummary {
  return {
    snapshotId: r.snapshotId,
    fetchedAt: r.fetchedAt,
    sizeBytes: r.sizeBytes,
    imported: r.imported,
    importedAt: r.imported ? r.savedAt : null,
    profileName: r.profileName,
    host: r.host,
    // Indexes written before format 2 knew only format-1 files.
    formatVersion: r.formatVersion ?? 1,
    ...(r.setAside ? { setAside: r.setAside } : {}),
  };
}

export function groupSnapshots(records: readonly SnapshotRecord[]): LibraryEntry[] {
  const bySession = new Map<string, SnapshotRecord[]>();
  for (const record of records) {
    const list = bySession.get(record.sessionId) ?? [];
    list.push(record);
    bySession.set(record.sessionId, list);
  }
  const entries: LibraryEntry[] = [];
  for (const [sessionId, list] of bySession) {
    list.sort(compareSnapshots);
    const latest = list[0]!;
    entries.push({
      sessionId,
      holderNames: latest.holderNames,
      banks: latest.banks,
      accountNumbers: latest.accountNumbers,
      accountCount: latest.accountCount,
      months: latest.months,
      latestFetchedAt: latest.fetchedAt,
      snapshotCount: list.length,
      sizeBytes: list.reduce((sum, r) => sum + r.sizeBytes, 0),
      snapshots: list.map(snapshotSummary),
    });
  }
  return entries.sort((a, b) =>
    a.latestFetchedAt < b.latestFetchedAt ? 1 : a.latestFetchedAt > b.latestFetchedAt ? -1 : 0,
  );
}
