// case-f, a saved session whose FOIR is worked out by hand: two full months (1 to 31 Oct,
// 1 to 30 Nov), each with salary 50,000, a trade credit 30,000, a Bajaj EMI of 50,000 and a
// 1,000 UPI spend. Under the default policy FOIR is over eligible credits:
// (50,000 + 30,000) x 2 / 2 months = 80,000 a month; the obligations are the EMI, 50,000 a
// month: 50,000 / 80,000 = 62.5%, over the retail team's FOIR limit of 50.
import type { SaveInput } from '../../../src/core/library/store';
import { rawOf } from '../../fakes/received';
import { accountBlock, type Tx } from '../../unit/insights/helpers';
import { statusFor } from '../../unit/library/helpers';

export const FOIR_CASE = 'case-f';
export const FOIR_CASE_PCT = 62.5;

/** One full month of salary 50,000, a trade credit 30,000, a Bajaj EMI of `emi` and a 1,000 UPI spend. */
export const salariedMonth = (m: string, last: string, emi: number): Tx[] => [
  {
    date: `2023-${m}-01`,
    type: 'credit',
    amount: 50000,
    note: 'NEFT-INFOSYS LIMITED-SALARY',
    channel: 'salary',
  },
  { date: `2023-${m}-05`, type: 'debit', amount: emi, note: 'ACH D- BAJAJ FINANCE LTD-1' },
  { date: `2023-${m}-15`, type: 'credit', amount: 30000, note: 'NEFT-ACME TRADERS-INV 1' },
  { date: `2023-${m}-${last}`, type: 'debit', amount: 1000, note: 'UPI-GROCER-g@ybl-1' },
];

export function foirCaseInput(): SaveInput {
  const status = statusFor(FOIR_CASE);
  const account = status.accounts[0]!.account_id;
  return {
    raw: rawOf(status, {
      session_id: FOIR_CASE,
      accounts: {
        [account]: accountBlock(
          account,
          [...salariedMonth('10', '31', 50000), ...salariedMonth('11', '30', 50000)],
          {
            opening: 5000,
            months: ['2023-10', '2023-11'],
          },
        ),
      },
    }),
    fetchedAt: '2026-11-20T10:00:00.000Z',
    source: { kind: 'live', profileName: 'Sandbox', host: '127.0.0.1:4010', sandbox: true },
  };
}
