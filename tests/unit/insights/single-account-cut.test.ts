// demo-business's accounts one at a time (a lender may be sent only one): FinBox's
// self_transfer mark keeps own money out of income even when the other account is not in
// the session. The expected amounts are summed from the raw response in the test.
import { describe, expect, it } from 'vitest';
import { parseSessionData } from '../../../src/shared/api/parse';
import { computeSessionInsights } from '../../../src/shared/insights';
import { normalizeSession } from '../../../src/shared/model/normalize';
import { generateSession } from '../../../src/sandbox/generator';
import { DEMO_BUSINESS_PLAN } from '../../../src/sandbox/sessions';

interface RawTx {
  transaction_type: string;
  amount: number;
  description?: string;
  transaction_channel?: string;
}

describe('demo-business, one account at a time', () => {
  const whole = generateSession(DEMO_BUSINESS_PLAN).subscribed as unknown as {
    session_id: string;
    accounts: Record<string, { transactions: RawTx[] }>;
  };

  for (const id of Object.keys(whole.accounts)) {
    it(`${id}: own-account credits FinBox marks are not income`, () => {
      const cut = { ...whole, accounts: { [id]: whole.accounts[id]! } };
      const view = normalizeSession(parseSessionData(cut));
      const [a] = computeSessionInsights(view).accounts;
      // Independently: the paise of credits marked self_transfer in the raw response.
      let own = 0;
      for (const t of whole.accounts[id]!.transactions)
        if (
          t.transaction_type === 'credit' &&
          (t.description === 'self_transfer' || t.transaction_channel === 'self_transfer')
        )
          own += Math.round(t.amount * 100);
      expect(own).toBeGreaterThan(0);
      const excluded = a!.eligible.exclusions.find((x) => x.reason === 'own_transfer')!;
      expect(Math.round(excluded.total.amount * 100)).toBe(own);
    });
  }
});
