// The report's pure helpers: the coverage strip's geometry, the EOD chart's points and
// month ticks.
import { describe, expect, it } from 'vitest';
import type { AccountView } from '../../../src/shared/model/view-model';
import { epochDay } from '../../../src/shared/model/calendar';
import { coverageOf } from '../../../src/shared/transactions/coverage';
import { eodPoints, monthTicks } from '../../../src/shared/transactions/eod-series';

function account(over: {
  months: string[];
  missing?: { from: string; to: string }[];
  eod?: { month: string; balances: (number | null)[] }[];
}): AccountView {
  return {
    details: { months: over.months, missingData: over.missing ?? [] },
    eod: (over.eod ?? []).map((e) => ({ ...e, label: e.month, startDate: null })),
  } as unknown as AccountView;
}

describe('coverageOf', () => {
  it('spans whole months, marks months without statements, places the gaps', () => {
    const c = coverageOf(
      account({
        months: ['2023-10', '2023-11', '2024-01'],
        missing: [{ from: '2024-02-21', to: '2024-04-21' }],
      }),
    )!;
    expect(c.first).toBe('2023-10-01');
    expect(c.last).toBe('2024-04-30');
    expect(c.months.map((m) => [m.month, m.covered])).toEqual([
      ['2023-10', true],
      ['2023-11', true],
      ['2023-12', false],
      ['2024-01', true],
      ['2024-02', false],
      ['2024-03', false],
      ['2024-04', false],
    ]);
    const total = c.months.reduce((s, m) => s + m.width, 0);
    expect(total).toBeCloseTo(100, 6);
    expect(c.gaps).toHaveLength(1);
    expect(c.gaps[0]!.days).toBe(61);
    const span = epochDay('2024-04-30') - epochDay('2023-10-01') + 1;
    expect(c.gaps[0]!.left).toBeCloseTo(
      ((epochDay('2024-02-21') - epochDay('2023-10-01')) / span) * 100,
      6,
    );
    expect(c.gaps[0]!.width).toBeCloseTo((61 / span) * 100, 6);
  });

  it('is null when nothing says which months are covered', () => {
    expect(coverageOf(account({ months: [] }))).toBeNull();
  });
});

describe('eodPoints', () => {
  it('gives one point a day, null for days and months without a balance', () => {
    const points = eodPoints([
      { month: '2024-02', label: 'Feb-24', startDate: null, balances: [1, null, -3] },
      { month: '2024-04', label: 'Apr-24', startDate: null, balances: [7] },
    ]);
    expect(points).toHaveLength(29 + 31 + 30);
    expect(points[0]).toEqual({ x: epochDay('2024-02-01'), y: 1 });
    expect(points[1]!.y).toBeNull();
    expect(points[2]!.y).toBe(-3);
    expect(points[29]).toEqual({ x: epochDay('2024-03-01'), y: null });
    expect(points[60]).toEqual({ x: epochDay('2024-04-01'), y: 7 });
    expect(points.every((p, i) => i === 0 || p.x === points[i - 1]!.x + 1)).toBe(true);
  });

  it('labels at most about twelve month starts', () => {
    const months = Array.from(
      { length: 24 },
      (_, i) => `${2023 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
    );
    const ticks = monthTicks(epochDay('2023-01-01'), epochDay('2024-12-31'), months);
    expect(ticks.length).toBe(12);
    expect(ticks[0]).toBe(epochDay('2023-01-01'));
    expect(ticks[1]).toBe(epochDay('2023-03-01'));
  });
});
