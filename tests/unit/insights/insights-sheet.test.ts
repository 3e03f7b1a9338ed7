// The Insights sheet of the Excel export, read back: right after Summary, and the same
// figures the Insights tab shows (both lay out @shared/insights/figures), per account,
// month by month, with the session's own-account transfers listed.
import { describe, expect, it } from 'vitest';
import { MONTH_COLUMNS, monthRows, periodFigures, type Figure } from '../../../src/shared/insights';
import { formatMonth } from '../../../src/shared/model/calendar';
import { DEMO_BUSINESS_PLAN } from '../../../src/sandbox/sessions';
import { exportTo, rowsOf, sheet } from '../export/helpers';
import { generatedSession } from './helpers';

/** What a figure's cell reads back as: numbers as numbers (shares as percentages). */
function expected(f: Figure): unknown {
  if (f.value === null) return null;
  if (typeof f.value === 'number' && f.kind === 'share') return Math.round(f.value * 10_000) / 100;
  return f.value;
}

describe('the Insights sheet', async () => {
  const { generated, view, insights } = generatedSession(DEMO_BUSINESS_PLAN);
  const { workbook } = await exportTo(view);
  const rows = rowsOf(sheet(workbook, 'Insights'));
  const text = (r: unknown[]) => (typeof r[0] === 'string' ? r[0] : '');

  it('comes right after Summary, before the Reconciliation', () => {
    expect(workbook.worksheets.map((s) => s.name).slice(0, 4)).toEqual([
      'Summary',
      'Insights',
      'Reconciliation',
      'Status',
    ]);
  });

  insights.accounts.forEach((account, k) => {
    // Each account's block starts at its title; its sections follow in order.
    const starts = rows.map((r, i) => (text(r) === 'Whole period' ? i : -1)).filter((i) => i >= 0);
    const start = starts[k]!;

    it(`account ${k + 1}: the whole-period figures`, () => {
      const figures = periodFigures(account);
      expect(rows[start + 1]!.slice(0, 3)).toEqual(['Figure', 'Value', 'How it is computed']);
      const block = rows.slice(start + 2, start + 2 + figures.length);
      expect(block.map((r) => [r[0], r[1] ?? null, r[2] ?? null])).toEqual(
        figures.map((f) => [f.label, expected(f), f.definition ?? null]),
      );
    });

    it(`account ${k + 1}: month by month`, () => {
      const at = rows.findIndex((r, i) => i > start && text(r) === 'Month by month');
      const months = monthRows(account);
      expect(rows[at + 1]).toEqual(['Figure', ...months.map((m) => formatMonth(m.month))]);
      MONTH_COLUMNS.forEach((column, c) => {
        const row = rows[at + 2 + c]!;
        expect(row[0]).toBe(column.label);
        expect(months.map((_, j) => row[j + 1] ?? null)).toEqual(
          months.map((m) => expected(m.cells[c]!)),
        );
      });
    });
  });

  it('lists the own-account transfers of the session', () => {
    const at = rows.findIndex((r) => text(r).startsWith('Transfers between the session'));
    expect(rows[at]![0]).toBe(
      `Transfers between the session’s own accounts (${generated.planted.ownTransfers.length})`,
    );
    const amounts = rows.slice(at + 2, at + 2 + insights.ownTransfers.length).map((r) => r[3]);
    expect(amounts).toEqual(insights.ownTransfers.map((t) => t.amount));
  });
});
