// The per-account blocks other than transactions, read in the forms either endpoint sends
// (list or object; numbers or numeric text; FinBox's date formats). A value that cannot be
// read with one meaning is set aside with its path; structured values no screen shows
// (loan_emi objects, starting_balance, ...) go to "Other API data".
import { jsonPath } from '../api/json-path';
import { dayMonthYearToDate, monthOf, readApiDate, toMonthKey } from './calendar';
import type { MonthKey } from './calendar';
import { isRecord, nullableText, readBoolean, readNumber, text } from './read-values';
import type { Json } from './read-values';
import type { SetAside } from './unreadable';
import { perMonthPredictor } from './predictor-keys';
import type {
  EodMonthView,
  ExpenseCategoryView,
  MissingRange,
  MonthlyAnalysisView,
  OtherDataItem,
  PredictorsView,
  StatementStatView,
  TopEntryView,
  TransactionType,
  TransactionView,
} from './view-model';

export type Path = readonly PropertyKey[];

export interface BlockContext {
  readonly setAside: SetAside;
  readonly other: OtherDataItem[];
}

export function keepOther(ctx: BlockContext, path: Path, value: unknown): void {
  ctx.other.push({ path: jsonPath(path), key: String(path.at(-1) ?? ''), value });
}

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

// ---- fraud ----------------------------------------------------------------------------

export interface FraudRead {
  readonly statements: string[];
  readonly items: Json[];
  readonly itemPaths: Path[];
}

/** `{fraudulent_statements, fraud_type: [...]}` (subscribed_data) or a list of items (insights). */
export function readFraud(value: unknown, path: Path, ctx: BlockContext): FraudRead {
  const out: FraudRead = { statements: [], items: [], itemPaths: [] };
  if (value === null || value === undefined) return out;
  let list: unknown = value;
  let listPath: Path = path;
  if (isRecord(value)) {
    const flagged = value['fraudulent_statements'];
    if (Array.isArray(flagged)) {
      flagged.forEach((s, i) => {
        if (typeof s === 'string') out.statements.push(s);
        else
          ctx.setAside.add(
            jsonPath([...path, 'fraudulent_statements', i]),
            s,
            'expected a statement id',
          );
      });
    } else if (flagged !== null && flagged !== undefined) {
      ctx.setAside.add(
        jsonPath([...path, 'fraudulent_statements']),
        flagged,
        'expected a list of statement ids',
      );
    }
    list = value['fraud_type'] ?? [];
    listPath = [...path, 'fraud_type'];
    for (const key of Object.keys(value)) {
      if (key !== 'fraudulent_statements' && key !== 'fraud_type')
        keepOther(ctx, [...path, key], value[key]);
    }
  }
  if (!Array.isArray(list)) {
    ctx.setAside.add(jsonPath(listPath), list, 'expected a list of fraud items');
    return out;
  }
  list.forEach((item, i) => {
    if (isRecord(item) && typeof item['fraud_type'] === 'string' && item['fraud_type'] !== '') {
      out.items.push(item);
      out.itemPaths.push([...listPath, i]);
    } else {
      ctx.setAside.add(jsonPath([...listPath, i]), item, 'expected a fraud item with a fraud_type');
    }
  });
  return out;
}

// ---- top credits and debits -------------------------------------------------------------

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

// ---- monthly analysis -----------------------------------------------------------------

export function readMonthly(value: unknown, path: Path, ctx: BlockContext): MonthlyAnalysisView {
  const empty: MonthlyAnalysisView = { months: [], metrics: [], values: {} };
  if (value === null || value === undefined) return empty;
  if (!isRecord(value)) {
    ctx.setAside.add(jsonPath(path), value, 'expected {metric: {month: value}}');
    return empty;
  }
  const monthSet = new Set<MonthKey>();
  const metrics: string[] = [];
  const values: Record<string, Record<MonthKey, number | string | null>> = {};
  for (const [metric, byMonth] of Object.entries(value)) {
    if (!isRecord(byMonth)) {
      ctx.setAside.add(jsonPath([...path, metric]), byMonth, 'expected {month: value}');
      continue;
    }
    const row: Record<MonthKey, number | string | null> = {};
    for (const [label, v] of Object.entries(byMonth)) {
      const month = toMonthKey(label);
      if (!month) {
        ctx.setAside.add(
          jsonPath([...path, metric, label]),
          v,
          'expected a month label as Mon-YYYY',
        );
        continue;
      }
      monthSet.add(month);
      if (v === null || typeof v === 'number' || typeof v === 'string') row[month] = v;
      else if (typeof v === 'boolean') row[month] = v ? 'true' : 'false';
      // loan_emi and the like: {lender: [{date, amount}]}; kept whole, shown as a tree.
      else keepOther(ctx, [...path, metric, label], v);
    }
    metrics.push(metric);
    values[metric] = row;
  }
  return { months: [...monthSet].sort(), metrics, values };
}

// ---- EOD balances ----------------------------------------------------------------------

export function readEod(value: unknown, path: Path, ctx: BlockContext): EodMonthView[] {
  if (value === null || value === undefined) return [];
  if (!isRecord(value) || !Array.isArray(value['Months_order'])) {
    ctx.setAside.add(jsonPath(path), value, 'expected {Months_order, start_date, <month>: [...]}');
    return [];
  }
  // start_date can have fewer entries than Months_order (a month without transactions):
  // each start date goes to the month it falls in, never by position.
  const startByMonth = new Map<MonthKey, string>();
  const starts = value['start_date'];
  if (Array.isArray(starts)) {
    starts.forEach((s, i) => {
      if (s === null) return;
      const date = typeof s === 'string' ? dayMonthYearToDate(s) : null;
      if (date) startByMonth.set(monthOf(date), date);
      else
        ctx.setAside.add(jsonPath([...path, 'start_date', i]), s, 'expected a date as DD-Mon-YY');
    });
  }
  const out: EodMonthView[] = [];
  const labels = value['Months_order'] as unknown[];
  const listed = new Set<string>();
  labels.forEach((label, i) => {
    const month = typeof label === 'string' ? toMonthKey(label) : null;
    if (!month) {
      ctx.setAside.add(jsonPath([...path, 'Months_order', i]), label, 'expected a month as Mon-YY');
      return;
    }
    listed.add(label as string);
    const series = value[label as string];
    const balances: (number | null)[] = [];
    if (Array.isArray(series)) {
      series.forEach((b, d) => {
        const n = readNumber(b);
        if (n === undefined) {
          ctx.setAside.add(jsonPath([...path, label as string, d]), b, 'expected a balance');
          balances.push(null);
        } else balances.push(n);
      });
    } else if (series !== undefined && series !== null) {
      ctx.setAside.add(
        jsonPath([...path, label as string]),
        series,
        'expected a list of daily balances',
      );
    }
    out.push({
      month,
      label: label as string,
      startDate: startByMonth.get(month) ?? null,
      balances,
    });
  });
  for (const key of Object.keys(value)) {
    if (key === 'Months_order' || key === 'start_date' || listed.has(key)) continue;
    keepOther(ctx, [...path, key], value[key]);
  }
  return out.sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
}

// ---- predictors ------------------------------------------------------------------------

export function readPredictors(value: unknown, path: Path, ctx: BlockContext): PredictorsView {
  const scalars: { key: string; value: unknown }[] = [];
  const monthLabels: (string | null)[] = [];
  const seriesByField = new Map<string, unknown[]>();
  if (value !== null && value !== undefined && !isRecord(value)) {
    ctx.setAside.add(jsonPath(path), value, 'expected {predictor: value}');
  }
  for (const [key, v] of Object.entries(isRecord(value) ? value : {})) {
    if (v !== null && typeof v === 'object') {
      keepOther(ctx, [...path, key], v);
      continue;
    }
    const perMonth = perMonthPredictor(key);
    if (!perMonth) {
      scalars.push({ key, value: v });
      continue;
    }
    const { field, month: i } = perMonth;
    if (field === 'month') {
      monthLabels[i] = typeof v === 'string' ? v : null;
      continue;
    }
    let values = seriesByField.get(field);
    if (!values) seriesByField.set(field, (values = []));
    values[i] = v;
  }
  const width = Math.max(
    monthLabels.length,
    ...[...seriesByField.values()].map((v) => v.length),
    0,
  );
  const months = Array.from({ length: width }, (_, i) => monthLabels[i] ?? null);
  const series = [...seriesByField].map(([field, values]) => ({
    field,
    values: Array.from({ length: width }, (_, i) => values[i] ?? null),
  }));
  return { scalars, months, series };
}

export function normalizePredictors(value: unknown): PredictorsView {
  return readPredictors(value, ['predictors'], {
    setAside: { add() {} } as unknown as SetAside,
    other: [],
  });
}

// ---- newer blocks ------------------------------------------------------------------------

function readCount(value: unknown): number | null {
  const n = readNumber(value);
  return n === undefined ? null : n;
}

/** `statement_stats`: per statement, keyed by statement id or as a list. */
export function readStatementStats(
  value: unknown,
  path: Path,
  ctx: BlockContext,
): StatementStatView[] {
  if (value === null || value === undefined) return [];
  const entries: [string | null, unknown, Path][] = Array.isArray(value)
    ? value.map((v, i) => [null, v, [...path, i]])
    : isRecord(value)
      ? Object.entries(value).map(([k, v]) => [k, v, [...path, k]])
      : [];
  if (!Array.isArray(value) && !isRecord(value)) {
    ctx.setAside.add(jsonPath(path), value, 'expected statement statistics');
  }
  const out: StatementStatView[] = [];
  for (const [key, stat, at] of entries) {
    if (!isRecord(stat)) {
      ctx.setAside.add(jsonPath(at), stat, 'expected an object of statement statistics');
      continue;
    }
    const scanned = readBoolean(stat['is_scanned_pdf']);
    out.push({
      statementId: nullableText(stat['statement_id']) ?? key,
      source: nullableText(stat['source']),
      pageCount: readCount(stat['page_count']),
      transactionCount: readCount(stat['transaction_count']),
      scannedPdf: scanned === undefined ? null : scanned,
    });
  }
  return out;
}

/** `expense_categories`: `{category: percent}` or a list of `{category, percentage}`. */
export function readExpenseCategories(
  value: unknown,
  path: Path,
  ctx: BlockContext,
): ExpenseCategoryView[] {
  if (value === null || value === undefined) return [];
  const out: ExpenseCategoryView[] = [];
  const add = (category: unknown, percent: unknown, at: Path, whole: unknown) => {
    const n = readNumber(percent);
    if (typeof category !== 'string' || n === undefined || n === null) {
      ctx.setAside.add(jsonPath(at), whole, 'expected a category and a percentage');
      return;
    }
    out.push({ category, percent: n });
  };
  if (isRecord(value)) {
    for (const [k, v] of Object.entries(value)) add(k, v, [...path, k], v);
  } else if (Array.isArray(value)) {
    value.forEach((e, i) => {
      const r = isRecord(e) ? e : {};
      const category = r['category'] ?? r['name'];
      const percent = r['percentage'] ?? r['percent'] ?? r['value'];
      add(category, percent, [...path, i], e);
    });
  } else {
    ctx.setAside.add(jsonPath(path), value, 'expected expense categories');
  }
  return out.sort((a, b) => b.percent - a.percent);
}

export function readScore(value: unknown, path: Path, ctx: BlockContext): number | null {
  const n = readNumber(value);
  if (n === undefined) {
    ctx.setAside.add(jsonPath(path), value, 'expected a score (a number)');
    return null;
  }
  return n;
}

export function readUrl(value: unknown, path: Path, ctx: BlockContext): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'string' && /^https?:\/\//i.test(value)) return value;
  // A placeholder (FinBox's own example says "s3_presigned_url") is no link: kept, not used.
  keepOther(ctx, path, value);
  return null;
}

export type { TransactionView };
