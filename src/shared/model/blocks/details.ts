// `account_details` and its parts (missing ranges, months, limits), in the forms either
// endpoint sends.
import { jsonPath } from '../../api/json-path';
import { readApiDate, toMonthKey } from '../calendar';
import type { MonthKey } from '../calendar';
import { isRecord, readNumber } from '../read-values';
import type { Json } from '../read-values';
import type { MissingRange } from '../view-model';
import type { Path, BlockContext } from './context';

/** `account_details`: a list of one object (subscribed_data) or one object (insights). */
export function detailsEntries(value: unknown, path: Path, ctx: BlockContext | null): Json[] {
  if (value === null || value === undefined) return [];
  const list = Array.isArray(value) ? value : [value];
  const out: Json[] = [];
  list.forEach((entry, i) => {
    if (isRecord(entry)) out.push(entry);
    else
      ctx?.setAside.add(
        jsonPath(Array.isArray(value) ? [...path, i] : path),
        entry,
        'expected an object of account details',
      );
  });
  return out;
}

export function readMissing(value: unknown, path: Path, ctx: BlockContext): MissingRange[] {
  if (value === null || value === undefined) return [];
  if (!Array.isArray(value)) {
    ctx.setAside.add(jsonPath(path), value, 'expected a list of date ranges');
    return [];
  }
  const out: MissingRange[] = [];
  value.forEach((r, i) => {
    const from = isRecord(r) ? readApiDate(r['from_date'] as string) : null;
    const to = isRecord(r) ? readApiDate(r['to_date'] as string) : null;
    if (from && to) out.push({ from, to });
    else ctx.setAside.add(jsonPath([...path, i]), r, 'expected {from_date, to_date} dates');
  });
  return out;
}

export function readMonths(value: unknown, path: Path, ctx: BlockContext): MonthKey[] {
  if (value === null || value === undefined) return [];
  if (!Array.isArray(value)) {
    ctx.setAside.add(jsonPath(path), value, 'expected a list of months');
    return [];
  }
  const out = new Set<MonthKey>();
  value.forEach((m, i) => {
    const month = typeof m === 'string' ? toMonthKey(m) : null;
    if (month) out.add(month);
    else ctx.setAside.add(jsonPath([...path, i]), m, 'expected a month as YYYY-MM');
  });
  return [...out].sort();
}

export function readLimit(value: unknown, path: Path, ctx: BlockContext): number | null {
  const n = readNumber(value);
  if (n === undefined) {
    ctx.setAside.add(jsonPath(path), value, 'expected a number');
    return null;
  }
  return n;
}

export function readStringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
