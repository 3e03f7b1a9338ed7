// How a match is named to the user (the Library screen and `bcv library search`).
import type { MatchedBy, SeenRelation } from './types';

export const MATCHED_BY_LABELS: Readonly<Record<MatchedBy, string>> = {
  name: 'counterparty',
  upi: 'UPI handle',
  account: 'account number',
  ifsc: 'IFSC',
  narration: 'narration',
  details: 'ref/channel/category',
  amount: 'amount',
  date: 'date',
};

/** What a party seen in other cases is, here and there (the Summary's list, `bcv team seen`). */
export const SEEN_RELATION_LABELS: Readonly<Record<SeenRelation, string>> = {
  counterparty: 'a counterparty here and there',
  'applicant-here': 'this applicant’s own account, a counterparty there',
  'applicant-there': 'a counterparty here, the applicant’s own account there',
};
