// The team limits the app answers with its own figures, and those it leaves typed in, each
// saying why. The summary here is built by hand (its session figures only).
import { describe, expect, it } from 'vitest';
import type { SessionSummary } from '../../../src/shared/insights/summary-types';
import { limitFigures } from '../../../src/shared/team/limit-figures';

const summaryWith = (figures: { key: string; label: string; value: number | null }[]) =>
  ({ policy: 'Salaried 15%', figures }) as unknown as SessionSummary;

const limit = (rule: string, label: string, maxValue: string) => ({ rule, label, maxValue });

describe('limitFigures', () => {
  it('gives FOIR as a percentage and counts as they are, saying where each comes from', () => {
    const summary = summaryWith([
      // 12,500 / 40,000 = 0.3125: 31.25%.
      { key: 'foir', label: 'FOIR', value: 0.3125 },
      { key: 'emiBounced', label: 'EMIs bounced', value: 2 },
    ]);
    expect(
      limitFigures(
        [limit('foir_pct', 'FOIR %', '50'), limit('emi_bounced', 'EMI bounces', '0')],
        summary,
      ),
    ).toEqual([
      {
        ...limit('foir_pct', 'FOIR %', '50'),
        value: 31.25,
        source: 'Summary: FOIR, whole session, policy “Salaried 15%”',
        typed: null,
      },
      {
        ...limit('emi_bounced', 'EMI bounces', '0'),
        value: 2,
        source: 'Summary: EMIs bounced, whole session, policy “Salaried 15%”',
        typed: null,
      },
    ]);
  });

  it('keeps a FOIR just over the limit over it (50.004% is not rounded to 50)', () => {
    // 0.50004 x 100 = 50.004, kept to four decimals.
    const [f] = limitFigures(
      [limit('foir_pct', 'FOIR %', '50')],
      summaryWith([{ key: 'foir', label: 'FOIR', value: 0.50004 }]),
    );
    expect(f!.value).toBe(50.004);
  });

  it('leaves a limit typed in when the app has no figure for it, or the report has none', () => {
    const out = limitFigures(
      [limit('ltv_pct', 'LTV %', '80'), limit('foir_pct', 'FOIR %', '50')],
      summaryWith([{ key: 'foir', label: 'FOIR', value: null }]),
    );
    expect(out.map((x) => [x.rule, x.value, x.typed])).toEqual([
      ['ltv_pct', null, 'The app has no figure for this limit'],
      ['foir_pct', null, 'The report has no FOIR'],
    ]);
  });
});
