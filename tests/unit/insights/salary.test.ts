import { describe, expect, it } from 'vitest';
import { computeAccountInsights } from '../../../src/shared/insights';
import { accountOf, type Tx } from './helpers';

const months = ['2023-10', '2023-11', '2023-12', '2024-01'];

describe('salary', () => {
  it('uses salary_transactions when the API sends them, with employer and salary month', () => {
    const txs: Tx[] = [
      {
        date: '2023-10-31',
        type: 'credit',
        amount: 50000,
        note: 'NEFT-CITI0000001-ACME-1',
        hash: 's1',
      },
      { date: '2023-11-05', type: 'debit', amount: 1000, note: 'UPI-A-a@ybl-1' },
      {
        date: '2023-11-30',
        type: 'credit',
        amount: 50000,
        note: 'NEFT-CITI0000001-ACME-2',
        hash: 's2',
      },
      {
        date: '2024-01-01',
        type: 'credit',
        amount: 52000,
        note: 'NEFT-CITI0000001-ACME-3',
        hash: 's3',
      },
    ];
    const { salary } = computeAccountInsights(
      accountOf(txs, {
        months,
        salary: [
          { hash: 's1', extra: { employer_name: 'ACME PVT LTD' } },
          { hash: 's2', extra: { employer_name: 'ACME PVT LTD' } },
          // Paid on 1 Jan for December.
          { hash: 's3', extra: { employer_name: 'ACME PVT LTD', salary_month: 'Dec-2023' } },
        ],
      }),
    );
    expect(salary.source).toBe('salary_transactions');
    expect(salary.employers).toEqual([
      { name: 'ACME PVT LTD', total: { amount: 152000, count: 3, indices: [0, 2, 3] } },
    ]);
    // Counted in the month credited: the 1 Jan credit is January's, FinBox's salary_month
    // (December) shown beside it; December had no salary credited.
    expect(salary.months.map((m) => [m.month, m.total.amount])).toEqual([
      ['2023-10', 50000],
      ['2023-11', 50000],
      ['2024-01', 52000],
    ]);
    expect(salary.missingMonths).toEqual(['2023-12']);
    expect(salary.finboxMonths).toEqual([{ index: 3, month: '2024-01', finboxMonth: '2023-12' }]);
    expect(salary.medianMonthly).toBe(50000);
    expect(salary.averageMonthly).toBe(50666.67);
    expect(salary.amountVariation).toBe(0.04);
    // Paid on the 31st, 30th and 1st: two days apart around the month's turn.
    expect(salary.daySpread).toBe(2);
    expect(salary.regular).toBe(true);
    expect(salary.untraced).toBe(0);
  });

  it('else takes credits the statement marks as salary', () => {
    const txs: Tx[] = [
      { date: '2023-10-01', type: 'credit', amount: 40000, note: 'SALARY OCT23 GLOBEX' },
      { date: '2023-11-01', type: 'credit', amount: 40000, channel: 'salary', note: 'NEFT GLOBEX' },
      { date: '2023-11-02', type: 'credit', amount: 100, note: 'SALE PROCEEDS' },
      { date: '2024-01-15', type: 'credit', amount: 20000, note: 'SAL CR GLOBEX' },
    ];
    const { salary } = computeAccountInsights(accountOf(txs, { months }));
    expect(salary.source).toBe('marked');
    expect(salary.total).toEqual({ amount: 100000, count: 3, indices: [0, 1, 3] });
    expect(salary.missingMonths).toEqual(['2023-12']);
    expect(salary.amountVariation).toBe(0.5);
    expect(salary.regular).toBe(false);
  });

  it('else, for an individual, takes the largest regular monthly credit as probable salary', () => {
    const txs: Tx[] = months.map((m, i) => ({
      date: `${m}-0${i + 1}`,
      type: 'credit' as const,
      amount: 35000,
      note: `NEFT-HDFC0000001-INITECH SOLUTIONS-${i}`,
    }));
    const individual = computeAccountInsights(accountOf(txs, { months, category: 'individual' }));
    expect(individual.salary.source).toBe('recurring');
    expect(individual.salary.employers[0]!.name).toBe('INITECH SOLUTIONS');
    expect(individual.salary.total.indices).toEqual([0, 1, 2, 3]);
    expect(individual.salary.regular).toBe(true);
    const business = computeAccountInsights(accountOf(txs, { months, category: 'corporate' }));
    expect(business.salary.source).toBe('none');
    expect(business.salary.total.count).toBe(0);
    expect(business.salary.regular).toBe(false);
  });

  it('never names a payment rail or cash as the employer', () => {
    const txs: Tx[] = [
      { date: '2023-10-31', type: 'credit', amount: 30000, note: 'IMP/123456/SALARY', hash: 'a' },
      { date: '2023-11-30', type: 'credit', amount: 30000, note: 'BY CASH SALARY', hash: 'b' },
      {
        date: '2023-12-29',
        type: 'credit',
        amount: 30000,
        note: 'NEFT/N1/ACME PVT LTD/SAL',
        hash: 'c',
      },
    ];
    const { salary } = computeAccountInsights(
      accountOf(txs, {
        months,
        salary: [{ hash: 'a' }, { hash: 'b' }, { hash: 'c', extra: { employer_name: 'IMPS' } }],
      }),
    );
    // 'IMP' (the IMPS prefix), 'Cash' and an employer_name of 'IMPS' are no employers; the
    // third credit's narration names ACME PVT LTD.
    expect(salary.employers.map((e) => [e.name, e.total.count])).toEqual([
      ['Unknown', 2],
      ['ACME PVT LTD', 1],
    ]);
  });
});
