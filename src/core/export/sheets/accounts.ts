// `Accounts`: every `account_details` field exactly as the API sent it, one row per entry
// (one per account in practice). Strings stay strings, so account numbers keep their digits.
import type { Value } from '../cells';
import { labelOf, type ExportContext } from '../context';
import type { ColumnSpec, SheetPlan } from '../sheet-writer';

const ID_FIELDS = new Set(['account_id', 'account_number', 'ifsc', 'micr', 'statements']);

function fieldValue(key: string, value: unknown): Value {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string') return key.endsWith('_date') ? { kind: 'date', value } : value;
  if (Array.isArray(value)) {
    return value
      .map((item) => {
        if (item && typeof item === 'object' && 'from_date' in item && 'to_date' in item) {
          const r = item as { from_date: unknown; to_date: unknown };
          return `${String(r.from_date)} to ${String(r.to_date)}`;
        }
        return typeof item === 'string' ? item : JSON.stringify(item);
      })
      .join(', ');
  }
  return JSON.stringify(value);
}

export function accountsPlan(context: ExportContext): SheetPlan {
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const a of context.accounts) {
    for (const entry of a.details.raw) {
      for (const key of Object.keys(entry)) {
        if (!seen.has(key)) {
          seen.add(key);
          keys.push(key);
        }
      }
    }
  }
  const columns: ColumnSpec[] = [
    { header: 'Account', kind: 'text', maxWidth: 30 },
    ...keys.map((key): ColumnSpec => ({
      header: key,
      kind: ID_FIELDS.has(key) ? 'id' : key.endsWith('_date') ? 'date' : 'text',
      maxWidth: 60,
    })),
  ];
  const entries = context.accounts.flatMap((a) =>
    a.details.raw.map((entry) => ({ id: a.accountId, entry })),
  );
  return {
    name: 'Accounts',
    columns,
    tabular: true,
    rowCount: entries.length,
    rows: () =>
      entries.map(({ id, entry }) => [
        labelOf(context, id),
        ...keys.map((key) => fieldValue(key, entry[key])),
      ]),
    emptyNote: 'No account details in this response.',
  };
}
