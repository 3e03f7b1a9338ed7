// How a match is named to the user (the Library screen and `bcv library search`).
import type { MatchedBy } from './types';

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
