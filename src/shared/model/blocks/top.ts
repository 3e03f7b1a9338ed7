// `top_credits_debits`: the top five credits and debits by narration, month by month.
import { jsonPath } from '../../api/json-path';
import { readApiDate, toMonthKey } from '../calendar';
import type { MonthKey } from '../calendar';
import { isRecord, readNumber, text } from '../read-values';
import type { TopEntryView, TransactionType } from '../view-model';
import { keepOther } from './context';
import type { Path, BlockContext } from './context';

const TOP_TYPES: Readonly<Record<string, TransactionType>> = {
  top_5_debit: 'debit',
  top_5_credit: 'credit',
};

function sortTop(out: TopEntryView[]): TopEntryView[] {
  return out.sort((a, b) =>
    a.month !== b.month
      ? a.month < b.month
        ? -1
        : 1
      : a.type !== b.type
        ? a.type === 'credit'
          ? -1
          : 1
        : a.rank - b.rank,
  );
}

/**
 * `{top_5_debit: {"Oct-23": {narration: amount}}}` (subscribed_data) or
 * `[{type: "top_5_debit", data: [{month: "Oct-23", data: [transaction, ...]}]}]` (insights).
 */
export function readTop(value: unknown, path: Path, ctx: BlockContext): TopEntryView[] {
  const out: TopEntryView[] = [];
  if (value === null || value === undefined) return out;
  const month = (label: unknown, at: Path): MonthKey | null => {
    const m = typeof label === 'string' ? toMonthKey(label) : null;
    if (!m) ctx.setAside.add(jsonPath(at), label, 'expected a month as Mon-YY');
    return m;
  };
  if (isRecord(value)) {
    for (const [key, byMonth] of Object.entries(value)) {
      const type = TOP_TYPES[key];
      if (!type) {
        keepOther(ctx, [...path, key], byMonth);
        continue;
      }
      if (!isRecord(byMonth)) {
        if (byMonth !== null)
          ctx.setAside.add(jsonPath([...path, key]), byMonth, 'expected months');
        continue;
      }
      for (const [label, entries] of Object.entries(byMonth)) {
        const m = month(label, [...path, key, label]);
        if (!m) continue;
        if (!isRecord(entries)) {
          ctx.setAside.add(
            jsonPath([...path, key, label]),
            entries,
            'expected {narration: amount}',
          );
          continue;
        }
        const ranked: [string, number | null][] = [];
        for (const [narration, amount] of Object.entries(entries)) {
          const n = readNumber(amount);
          if (n === undefined) {
            ctx.setAside.add(
              jsonPath([...path, key, label, narration]),
              amount,
              'expected an amount',
            );
            continue;
          }
          ranked.push([narration, n]);
        }
        ranked.sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0));
        ranked.forEach(([narration, amount], i) =>
          out.push({ month: m, type, rank: i + 1, narration, amount, date: null }),
        );
      }
    }
    return sortTop(out);
  }
  if (!Array.isArray(value)) {
    ctx.setAside.add(jsonPath(path), value, 'expected top credits and debits');
    return out;
  }
  value.forEach((group, g) => {
    const type = isRecord(group) ? TOP_TYPES[String(group['type'])] : undefined;
    if (!isRecord(group) || !type || !Array.isArray(group['data'])) {
      ctx.setAside.add(
        jsonPath([...path, g]),
        group,
        'expected {type: top_5_debit|top_5_credit, data: [...]}',
      );
      return;
    }
    (group['data'] as unknown[]).forEach((entry, e) => {
      const at: Path = [...path, g, 'data', e];
      if (!isRecord(entry) || !Array.isArray(entry['data'])) {
        ctx.setAside.add(jsonPath(at), entry, 'expected {month, data: [transactions]}');
        return;
      }
      const m = month(entry['month'], [...at, 'month']);
      if (!m) return;
      let rank = 0;
      (entry['data'] as unknown[]).forEach((t, k) => {
        const amount = isRecord(t) ? readNumber(t['amount']) : undefined;
        if (!isRecord(t) || amount === undefined || amount === null) {
          ctx.setAside.add(
            jsonPath([...at, 'data', k]),
            t,
            'expected a transaction with an amount',
          );
          return;
        }
        const date = typeof t['date'] === 'string' ? readApiDate(t['date']) : null;
        out.push({
          month: m,
          type,
          rank: ++rank,
          narration: text(t['transaction_note']),
          amount,
          date,
        });
      });
    });
  });
  return sortTop(out);
}
