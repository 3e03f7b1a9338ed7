// What the library list shows of one snapshot, taken from the raw responses: holder names,
// banks, masked account numbers, months covered. Kept in the library's index so the list
// opens without reading every file.
import type { SessionStatusResponse } from '../api/schemas';
import { maskedNumber } from '../format/value';
import { toMonthKey } from '../model/calendar';
import { accountEntries } from '../model/normalize';
import { detailsEntries } from '../model/blocks/details';
import { isRecord } from '../model/read-values';

export interface DataSummary {
  readonly holderNames: readonly string[];
  readonly banks: readonly string[];
  /** Masked: only the last 4 characters are kept (enough to search and tell apart). */
  readonly accountNumbers: readonly string[];
  readonly accountCount: number;
  readonly months: {
    readonly first: string | null;
    readonly last: string | null;
    readonly count: number;
  };
}

export interface SnapshotRecord extends DataSummary {
  readonly sessionId: string;
  readonly snapshotId: string;
  readonly fetchedAt: string;
  readonly savedAt: string;
  readonly imported: boolean;
  readonly profileName: string | null;
  readonly host: string | null;
  readonly sandbox: boolean;
  readonly sha256: string;
  readonly sizeBytes: number;
  /** The .bcsession format the file is in (absent in indexes written before format 2). */
  readonly formatVersion?: 1 | 2;
  /** Items set aside when the file was read (keys its JSON gives twice). */
  readonly setAside?: number;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

export function summarizeData(data: unknown, status: SessionStatusResponse | null): DataSummary {
  const holders = new Set<string>();
  const banks = new Set<string>();
  const numbers = new Set<string>();
  const months = new Set<string>();
  // Either endpoint's shape, read as the report reads it (unreadable parts are skipped).
  const blocks = accountEntries(data, null).accounts.map((a) => a.block);
  const monthLabels = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
  for (const block of blocks) {
    const predictors = block['predictors'];
    const entries = detailsEntries(block['account_details'], [], null);
    // The holder as the report names it: account_details.name, else predictors.
    const holder =
      text(entries[0]?.['name']) ?? text(isRecord(predictors) ? predictors['customer_name'] : null);
    for (const details of entries) {
      const bank = text(details['bank']);
      if (bank) banks.add(bank);
      const number = text(details['account_number']);
      if (number) numbers.add(maskedNumber(number));
      for (const label of monthLabels(details['months'])) {
        const month = typeof label === 'string' ? toMonthKey(label) : null;
        if (month) months.add(month);
      }
    }
    if (holder) holders.add(holder);
    const eod = block['eod_balances'];
    for (const label of monthLabels(isRecord(eod) ? eod['Months_order'] : null)) {
      const month = typeof label === 'string' ? toMonthKey(label) : null;
      if (month) months.add(month);
    }
  }
  if (banks.size === 0) {
    for (const account of status?.accounts ?? []) {
      const bank = text(account.bank_name);
      if (bank) banks.add(bank);
    }
  }
  const sorted = [...months].sort();
  return {
    holderNames: [...holders],
    banks: [...banks],
    accountNumbers: [...numbers],
    accountCount: blocks.length,
    months: { first: sorted[0] ?? null, last: sorted.at(-1) ?? null, count: sorted.length },
  };
}
