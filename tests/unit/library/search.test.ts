import { describe, expect, it } from 'vitest';
import type { LibraryEntry } from '../../../src/shared/ipc/contract';
import { groupSnapshots } from '../../../src/shared/library/entries';
import {
  filterEntries,
  formatSize,
  matchesQuery,
  sortEntries,
  type LibraryColumn,
  formatMonthList,
} from '../../../src/shared/library/search';
import { maskedNumber } from '../../../src/shared/format/value';
import { summarizeData, type SnapshotRecord } from '../../../src/shared/library/snapshot-record';
import { dataFor, statusFor } from './helpers';

function entry(over: Partial<LibraryEntry>): LibraryEntry {
  return {
    sessionId: 's',
    holderNames: [],
    banks: [],
    accountNumbers: [],
    accountCount: 1,
    months: { first: null, last: null, count: 0 },
    latestFetchedAt: '2026-01-01T00:00:00.000Z',
    snapshotCount: 1,
    sizeBytes: 100,
    snapshots: [],
    ...over,
  };
}

const a = entry({
  sessionId: 'alpha-1',
  holderNames: ['R K Enterprises'],
  banks: ['hdfc'],
  accountNumbers: ['XXXXXX0344'],
  accountCount: 2,
  months: { first: '2023-10', last: '2024-02', count: 5 },
  latestFetchedAt: '2026-03-01T00:00:00.000Z',
  snapshotCount: 3,
  sizeBytes: 5000,
});
const b = entry({
  sessionId: 'Beta-2',
  holderNames: ['Leela Prasad'],
  banks: ['central', 'sbi'],
  accountNumbers: ['XXXXXXXX3559'],
  accountCount: 1,
  months: { first: '2024-01', last: '2024-12', count: 12 },
  latestFetchedAt: '2026-01-01T00:00:00.000Z',
  snapshotCount: 1,
  sizeBytes: 900,
});

describe('formatMonthList', () => {
  it("says an account's statement months as the library list says a session's", () => {
    // Oct, Nov and Feb: three months with statements, from Oct 2023 to Feb 2024.
    expect(formatMonthList(['2023-10', '2023-11', '2024-02'])).toBe(
      'Oct 2023 to Feb 2024 (3 months)',
    );
    expect(formatMonthList(['2023-10'])).toBe('Oct 2023 (1 month)');
    expect(formatMonthList([])).toBe('—');
  });
});

describe('library search', () => {
  it('matches session id, holder, bank and the last digits of an account number', () => {
    expect(filterEntries([a, b], 'ALPHA').map((e) => e.sessionId)).toEqual(['alpha-1']);
    expect(filterEntries([a, b], 'leela').map((e) => e.sessionId)).toEqual(['Beta-2']);
    expect(filterEntries([a, b], 'sbi').map((e) => e.sessionId)).toEqual(['Beta-2']);
    expect(filterEntries([a, b], '0344').map((e) => e.sessionId)).toEqual(['alpha-1']);
    expect(filterEntries([a, b], '59').map((e) => e.sessionId)).toEqual(['Beta-2']);
    // Digits must be the END of the number, and every word must match.
    expect(matchesQuery(a, '034')).toBe(false);
    expect(filterEntries([a, b], 'hdfc leela')).toEqual([]);
    expect(filterEntries([a, b], '  ')).toHaveLength(2);
  });

  it('sorts by every column both ways', () => {
    const expectations: Record<LibraryColumn, string[]> = {
      sessionId: ['alpha-1', 'Beta-2'],
      holders: ['Beta-2', 'alpha-1'],
      banks: ['Beta-2', 'alpha-1'],
      accountCount: ['Beta-2', 'alpha-1'],
      months: ['alpha-1', 'Beta-2'],
      fetchedAt: ['Beta-2', 'alpha-1'],
      snapshotCount: ['Beta-2', 'alpha-1'],
      size: ['Beta-2', 'alpha-1'],
    };
    for (const [column, ascending] of Object.entries(expectations)) {
      const col = column as LibraryColumn;
      expect(
        sortEntries([a, b], col, 'asc').map((e) => e.sessionId),
        column,
      ).toEqual(ascending);
      expect(
        sortEntries([b, a], col, 'desc').map((e) => e.sessionId),
        column,
      ).toEqual([...ascending].reverse());
    }
  });

  it('breaks ties by session id so the order is stable', () => {
    const c = entry({ sessionId: 'c' });
    const d = entry({ sessionId: 'd' });
    expect(sortEntries([d, c], 'accountCount', 'desc').map((e) => e.sessionId)).toEqual(['c', 'd']);
  });

  it('formats sizes', () => {
    expect(formatSize(900)).toBe('900 B');
    expect(formatSize(1536)).toBe('1.5 KB');
    expect(formatSize(25 * 1024 * 1024)).toBe('25 MB');
  });
});

describe('library summary', () => {
  it('masks account numbers to their last 4 characters', () => {
    expect(maskedNumber('50100199733559')).toBe('XXXXXXXX3559');
    expect(maskedNumber('123')).toBe('123');
  });

  it('falls back to session_status bank names when the data names none', () => {
    const data = dataFor('s');
    for (const block of Object.values(data.accounts)) {
      for (const d of block.account_details) (d as { bank: string | null }).bank = null;
    }
    expect(summarizeData(data, statusFor('s')).banks).toEqual(['central']);
  });

  it('groups snapshots per session, newest first, sizes summed', () => {
    const base = summarizeData(dataFor('s'), null);
    const rec = (sessionId: string, snapshotId: string, fetchedAt: string): SnapshotRecord => ({
      ...base,
      sessionId,
      snapshotId,
      fetchedAt,
      savedAt: fetchedAt,
      imported: false,
      profileName: null,
      host: null,
      sandbox: false,
      sha256: '0'.repeat(64),
      sizeBytes: 10,
    });
    const entries = groupSnapshots([
      rec('x', '1', '2026-01-01'),
      rec('y', '2', '2026-02-01'),
      rec('x', '3', '2026-03-01'),
    ]);
    expect(entries.map((e) => [e.sessionId, e.snapshotCount, e.sizeBytes])).toEqual([
      ['x', 2, 20],
      ['y', 1, 10],
    ]);
    expect(entries[0]!.snapshots.map((s) => s.snapshotId)).toEqual(['3', '1']);
  });
});
