// Blocks the newer endpoint sends: statement statistics, expense categories, a score, a link.
import { jsonPath } from '../../api/json-path';
import { isRecord, nullableText, readBoolean, readNumber } from '../read-values';
import type { ExpenseCategoryView, StatementStatView } from '../view-model';
import { keepOther } from './context';
import type { Path, BlockContext } from './context';

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
