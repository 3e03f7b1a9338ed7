// `Predictors`: per account, the scalar predictors as key/value rows, then the per-month
// ones (`expense_N`...) pivoted to a row per field with the months (`month_N`, where 0 is
// the latest) as columns, oldest first like the other sheets. Each is grouped as the
// Predictors tab groups it, with its readable label beside the raw key.
import {
  groupByLabel,
  predictorFieldLabel,
  predictorKeyLabel,
  type KeyLabel,
} from '@shared/format/key-labels';
import { formatMonth, toMonthKey } from '@shared/model/calendar';
import type { AccountView } from '@shared/model/view-model';
import { typed, type SheetRow, type Value } from '../cells';
import { bankName } from '@shared/format/bank-names';
import { fieldLabel } from '@shared/format/field-labels';
import { maskAccountNumber } from '../labels';
import { finboxCaveats } from '@shared/insights/finbox-caveats';
import { labelOf, type ExportContext } from '../context';
import { insightsFor } from './insights';
import { metricKind } from '../metric-kind';
import type { ColumnSpec, SheetPlan } from '../sheet-writer';

const ID_KEYS = /account|number|ifsc|micr|_id$|^id$/;

/** A value as the reader wants it: the bank by name, an account number masked unless asked. */
function predictorValue(key: string, value: unknown, context: ExportContext): Value {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number') return { kind: metricKind(key), value };
  if (typeof value === 'string' && /^account_?number$/i.test(key))
    return typed.id(context.unmasked ? value : maskAccountNumber(value));
  if (typeof value === 'string' && key === 'bank_name') return bankName(value) ?? value;
  if (typeof value === 'string') return ID_KEYS.test(key) ? { kind: 'id', value } : value;
  if (typeof value === 'boolean') return value;
  return JSON.stringify(value);
}

function groupRow(group: KeyLabel['group']): SheetRow {
  return { style: 'total', cells: [group] }; // bold, as a heading
}

function accountRows(account: AccountView, label: string, context: ExportContext): SheetRow[] {
  const { scalars, months, series } = account.predictors;
  const rows: SheetRow[] = [{ style: 'title', cells: [`${label} — predictors`] }];
  if (scalars.length === 0 && series.length === 0) {
    rows.push({ style: 'note', cells: ['No predictors for this account.'] });
    return rows;
  }
  const insights = insightsFor(context.view, context.policy).accounts.find(
    (a) => a.accountId === account.accountId,
  );
  for (const line of finboxCaveats(insights)) rows.push({ style: 'note', cells: [line] });
  if (scalars.length > 0) {
    rows.push({ style: 'header', cells: ['Predictor', 'API field', 'Value'] });
    for (const { group, items } of groupByLabel(scalars, (s) => predictorKeyLabel(s.key))) {
      rows.push(groupRow(group));
      for (const { item, label } of items)
        rows.push([
          label.known ? label.label : fieldLabel(item.key),
          item.key,
          predictorValue(item.key, item.value, context),
        ]);
    }
  }
  // Oldest first; months with no label and no value anywhere are left out.
  const order = months
    .map((label, i) => ({ label, i }))
    .filter(({ label, i }) => label !== null || series.some((s) => s.values[i] != null))
    .reverse();
  if (series.length > 0 && order.length > 0) {
    if (scalars.length > 0) rows.push([]);
    rows.push({
      style: 'header',
      cells: [
        'Per month',
        'API field',
        ...order.map(({ label, i }) => {
          const month = toMonthKey(label);
          return month ? formatMonth(month) : (label ?? `Month ${i}`);
        }),
      ],
    });
    for (const { group, items } of groupByLabel(series, (s) => predictorFieldLabel(s.field))) {
      rows.push(groupRow(group));
      for (const { item, label } of items) {
        const { field, values } = item;
        rows.push([
          label.known ? label.label : fieldLabel(field),
          field,
          ...order.map(({ i }) => predictorValue(field, values[i], context)),
        ]);
      }
    }
  }
  return rows;
}

export function predictorsPlan(context: ExportContext): SheetPlan {
  const any = context.accounts.some(
    (a) => a.predictors.scalars.length > 0 || a.predictors.series.length > 0,
  );
  const rows: SheetRow[] = [];
  if (any) {
    context.accounts.forEach((account, i) => {
      if (i > 0) rows.push([]);
      rows.push(...accountRows(account, labelOf(context, account.accountId), context));
    });
  }
  const widest = Math.max(2, ...context.accounts.map((a) => a.predictors.months.length));
  const columns: ColumnSpec[] = [
    { header: '', kind: 'text', minWidth: 24, maxWidth: 60 },
    { header: '', kind: 'text', minWidth: 16, maxWidth: 45 },
    ...Array.from({ length: widest }, (): ColumnSpec => ({
      header: '',
      kind: 'text',
      minWidth: 13,
      maxWidth: 40,
    })),
  ];
  return {
    name: 'Predictors',
    columns,
    tabular: false,
    rowCount: rows.length,
    rows: () => rows,
    emptyNote: 'No predictors in this response.',
    freeze: { rows: 0, columns: 1 },
  };
}
