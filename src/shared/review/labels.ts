// The reviewer's vocabulary: a small fixed set of transaction labels, the two adjustments a
// flag can carry and the three verdicts. Fixed so that every reviewer's flags mean the same
// thing in every copy of the review, the workbook and the memo.

export const FLAG_LABELS = [
  'related-party',
  'not-business-income',
  'one-off',
  'own-transfer',
  'loan',
  'cash-before-emi',
  'suspicious',
  'verified',
] as const;
export type FlagLabel = (typeof FLAG_LABELS)[number];

export const FLAG_LABEL_TEXT: Readonly<Record<FlagLabel, string>> = {
  'related-party': 'Related party',
  'not-business-income': 'Not business income',
  'one-off': 'One-off',
  'own-transfer': 'Own transfer',
  loan: 'Loan',
  'cash-before-emi': 'Cash before EMI',
  suspicious: 'Suspicious',
  verified: 'Verified',
};

/** What an adjustment takes the transaction out of. */
export const ADJUSTMENTS = ['eligible', 'abb'] as const;
export type Adjustment = (typeof ADJUSTMENTS)[number];

export const ADJUSTMENT_TEXT: Readonly<Record<Adjustment, string>> = {
  eligible: 'Excluded from eligible credits',
  abb: 'Excluded from ABB',
};

/** The same within a sentence ("Loan; excluded from ABB"): ABB keeps its capitals. */
export const ADJUSTMENT_PHRASE: Readonly<Record<Adjustment, string>> = {
  eligible: 'excluded from eligible credits',
  abb: 'excluded from ABB',
};

export const VERDICTS = ['approve', 'refer', 'decline'] as const;
export type Verdict = (typeof VERDICTS)[number];

export const VERDICT_TEXT: Readonly<Record<Verdict, string>> = {
  approve: 'Approve',
  refer: 'Refer',
  decline: 'Decline',
};

function squash(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
}

/** `related party`, `Related-Party`, `related_party` -> `related-party`; null when unknown. */
export function parseFlagLabel(text: string): FlagLabel | null {
  const wanted = squash(text);
  return FLAG_LABELS.find((l) => l === wanted) ?? null;
}

export function parseAdjustment(text: string): Adjustment | null {
  const wanted = squash(text);
  if (wanted === 'eligible' || wanted === 'eligible-credits') return 'eligible';
  if (wanted === 'abb') return 'abb';
  return null;
}

export function parseVerdict(text: string): Verdict | null {
  const wanted = squash(text);
  return VERDICTS.find((v) => v === wanted) ?? null;
}
