// FinBox's own figures named as FinBox's, and the caveat beside FinBox's EMI figures when
// an EMI came back. Expected texts written out by hand.
import { describe, expect, it } from 'vitest';
import { predictorFieldLabel, predictorKeyLabel } from '../../../src/shared/format/key-labels';
import { computeAccountInsights } from '../../../src/shared/insights';
import { finboxCaveats, returnedEmiCaveat } from '../../../src/shared/insights/finbox-caveats';
import { accountOf, type Tx } from './helpers';

describe("FinBox's figures", () => {
  it("are named as FinBox's where ours share the name", () => {
    expect(predictorKeyLabel('income').label).toBe("FinBox's income estimate");
    expect(predictorFieldLabel('income').label).toBe("FinBox's income estimate");
    expect(predictorKeyLabel('fixed_obligation_to_income_ratio').label).toMatch(/^FinBox's FOIR/);
  });

  it('say which EMIs FinBox counts that came back', () => {
    const emi: Tx = {
      date: '2024-03-05',
      type: 'debit',
      amount: 45000,
      channel: 'auto_debit_payment',
      description: 'lender_transaction',
      note: 'ACH D- ZX FINANCE-1',
    };
    const a = computeAccountInsights(
      accountOf(
        [
          emi,
          {
            date: '2024-03-06',
            type: 'credit',
            amount: 45000,
            channel: 'auto_debit_payment_bounce',
            note: 'ACH RTN ZX FINANCE',
          },
          { ...emi, date: '2024-04-05' },
        ],
        { opening: 100000 },
      ),
    );
    expect(returnedEmiCaveat(a)).toBe(
      "FinBox's EMI figures count EMIs presented: ₹45,000.00 in Mar 2024 came back (returned) and was not paid.",
    );
    expect(finboxCaveats(a)).toHaveLength(2);
  });
});
