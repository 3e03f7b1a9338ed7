// `Accounts`: every `account_details` field, one row per field (its name in words and as
// the API spells it) and one column per entry (one per account in practice). Strings stay
// strings, so ids keep their digits; account numbers are masked unless asked for in full.
import { bankName } from '@shared/format/bank-names';
import { fieldLabel } from '@shared/format/field-labels';
import { typed, type Value } from '../cells';
import { maskAccountNumber } from '../labels';
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

/** A field's value for the reader: account numbers masked unless asked, limits as numbers. */
function shownValue(context: ExportContext, key: string, value: unknown): Value {
  if (typeof value === 'string' && /^account_?number$/.test(key)) {
    return typed.id(context.unmasked ? value : maskAccountNumber(value));
  }
  if (typeof value === 'string' && key === 'bank') return bankName(value) ?? value;
  // FinBox sends limits and balances as text ("0"): a number the reader can add.
  if (
    typeof value === 'string' &&
    /(_limit|_balance|limit)$/.test(key) &&
    /^-?\d+(\.\d+)?$/.test(value.trim())
  ) {
    return typed.money(Number(value));
  }
  const plain = fieldValue(key, value);
  return ID_FIELDS.has(key) && typeof plain === 'string' ? typed.id(plain) : plain;
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
  const entries = context.accounts.flatMap((a) =>
    a.details.raw.map((entry) => ({ id: a.accountId, entry })),
  );
  // One row per field (its name in words, then as the API spells it), one column per account.
  const columns: ColumnSpec[] = [
    { header: 'Field', kind: 'text', maxWidth: 36 },
    { header: 'API field', kind: 'text', maxWidth: 30 },
    ...entries.map(({ id }): ColumnSpec => ({
      header: labelOf(context, id),
      kind: 'text',
      maxWidth: 60,
    })),
  ];
  return {
    name: 'Accounts',
    columns,
    tabular: true,
    rowCount: keys.length,
    rows: () =>
      keys.map((key) => [
        fieldLabel(key),
        key,
        ...entries.map(({ entry }) => shownValue(context, key, entry[key])),
      ]),
    emptyNote: 'No account details in this response.',
  };
}
