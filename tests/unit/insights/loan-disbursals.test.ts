// Loan disbursals have one value wherever they are shown: the Summary's figure is every
// loan credit, as the Analyses count it, even one left out of income as an own transfer.
import { describe, expect, it } from 'vitest';
import { computeAccountInsights, summarizeAccount } from '../../../src/shared/insights';
import { accountOf } from './helpers';

describe('loan disbursals', () => {
  it('are every loan credit on the Summary, one FinBox also marks self_transfer included', () => {
    const account = accountOf(
      [
        // FinBox lists it among the lender's dealings and marks it a self transfer.
        {
          date: '2024-05-02',
          type: 'credit',
          amount: 500000,
          note: 'NEFT-BAJAJ FINANCE LTD',
          channel: 'self_transfer',
          hash: 'loan-1',
        },
        { date: '2024-05-10', type: 'credit', amount: 40000, note: 'NEFT-ACME TRADERS' },
      ],
      { lenderTransactions: ['loan-1'] },
    );
    const insights = computeAccountInsights(account);
    const summary = summarizeAccount(account, insights);
    const shown = summary.sections
      .flatMap((s) => s.figures)
      .find((f) => f.key === 'loanDisbursals')!;
    // The one loan credit: 5,00,000, on the Summary as in the Analyses.
    expect(insights.obligations.period.loanDisbursals.amount).toBe(500000);
    expect(shown.value).toBe(500000);
    expect(shown.trace).toEqual([0]);
    // Left out of income once (as an own transfer): 5,40,000 - 5,00,000 = 40,000.
    expect(insights.eligible.eligible.amount).toBe(40000);
  });
});
