// Number formats and sheet names, by themselves.
import { describe, expect, it } from 'vitest';
import { toCell } from '../../../src/core/export/cells';
import { MONEY_FORMAT, moneyFormatFor } from '../../../src/core/export/number-formats';
import { SheetNames } from '../../../src/core/export/sheet-names';
import { metricKind } from '../../../src/core/export/metric-kind';

describe('money formats', () => {
  it('use the three-digit format below one lakh either way', () => {
    for (const v of [0, 12.5, 99_999.98, -5, -99_999.98]) {
      expect(moneyFormatFor(v)).toBe(MONEY_FORMAT);
    }
  });

  it('spell out lakh and crore groups for large negative amounts', () => {
    expect(moneyFormatFor(-1_00_000)).toBe('##\\,##\\,##0.00');
    expect(moneyFormatFor(-4_04_187.89)).toBe('##\\,##\\,##0.00');
    expect(moneyFormatFor(-99_99_999.99)).toBe('##\\,##\\,##0.00');
    expect(moneyFormatFor(-1_00_00_000)).toBe('##\\,##\\,##\\,##0.00');
    expect(moneyFormatFor(-12_34_56_78_901)).toBe('##\\,##\\,##\\,##\\,##0.00');
  });

  it('are applied to amounts, which stay numbers', () => {
    const cell = toCell({ kind: 'money', value: -404187.89 }, 'text');
    expect(cell).toMatchObject({ value: -404187.89, style: { numFmt: '##\\,##\\,##0.00' } });
    expect(toCell(1234.5, 'money')).toMatchObject({
      value: 1234.5,
      style: { numFmt: MONEY_FORMAT },
    });
  });

  it('keep account numbers sent as numbers as text', () => {
    expect(toCell(50100199733559, 'id')).toMatchObject({ value: '50100199733559' });
  });
});

describe('dates', () => {
  it('are midnight UTC of the calendar day, whatever the time zone', () => {
    expect(toCell('2024-02-29', 'date')?.value).toEqual(new Date(Date.UTC(2024, 1, 29)));
    expect(toCell('2023-12-31 23:59:59', 'date')?.value).toEqual(new Date(Date.UTC(2023, 11, 31)));
    // Not a real day: kept as the text the API sent.
    expect(toCell('2023-02-30', 'date')?.value).toBe('2023-02-30');
  });
});

describe('metric kinds', () => {
  it('tell counts from amounts by name', () => {
    expect(metricKind('cnt_upi_credit')).toBe('count');
    expect(metricKind('total_inward_chq_bounces_insuff_fund')).toBe('count');
    expect(metricKind('overdrawn_days')).toBe('count');
    expect(metricKind('amt_upi_credit')).toBe('money');
    expect(metricKind('opening_balance')).toBe('money');
    expect(metricKind('abb_isto_emi')).toBe('number');
  });
});

describe('sheet names', () => {
  it('are valid and unique ignoring case', () => {
    const names = new SheetNames();
    expect(names.claim('Transactions')).toBe('Transactions');
    expect(names.claim('transactions')).toBe('transactions (2)');
    expect(names.claim('a/b\\c?d*e:f[g]h')).toBe('a-b-c-d-e-f-g-h');
    expect(names.claim("'quoted'")).toBe('quoted');
    expect(names.claim('History')).toBe('History (2)');
    expect(names.claim('')).toBe('Sheet');
    const long = names.claim('x'.repeat(40));
    expect(long).toHaveLength(31);
    expect(names.claim('x'.repeat(40))).toBe(`${'x'.repeat(27)} (2)`);
  });

  it('name continuation sheets within 31 characters', () => {
    expect(SheetNames.continuation('Transactions', 2)).toBe('Transactions (2)');
    expect(SheetNames.continuation('Transactions (all fields)', 12)).toBe(
      'Transactions (all fields) (12)',
    );
  });
});
