// The report's navigation, in the order an underwriter reads a case: the credit answer,
// the statement, the analyses behind the answer (each its own view), fraud, then FinBox's
// own blocks, then the reviewer's work. A section with more than one view has its own
// sub-navigation; a view id names one screen, whichever section holds it.
export type SectionId = 'summary' | 'transactions' | 'analyses' | 'fraud' | 'finbox' | 'review';

export type ViewId =
  | 'summary'
  | 'transactions'
  // Analyses: computed on this computer (@shared/insights).
  | 'months'
  | 'obligations'
  | 'bounces'
  | 'salary'
  | 'eligible'
  | 'counterparties'
  | 'transfers'
  | 'eod'
  | 'integrity'
  | 'reconciliation'
  | 'session'
  | 'fraud'
  // FinBox's data: the API's own blocks, as it sent them.
  | 'overview'
  | 'monthly'
  | 'predictors'
  | 'top'
  | 'more'
  | 'review';

export interface ViewInfo {
  readonly id: ViewId;
  readonly label: string;
}

export interface SectionInfo {
  readonly id: SectionId;
  readonly label: string;
  /** The section's views; the first is where the section opens. */
  readonly views: readonly ViewInfo[];
}

const single = (id: SectionId & ViewId, label: string): SectionInfo => ({
  id,
  label,
  views: [{ id, label }],
});

export const SECTIONS: readonly SectionInfo[] = [
  single('summary', 'Summary'),
  single('transactions', 'Transactions'),
  {
    id: 'analyses',
    label: 'Analyses',
    views: [
      { id: 'months', label: 'Month by month' },
      { id: 'obligations', label: 'Obligations' },
      { id: 'bounces', label: 'Bounces' },
      { id: 'salary', label: 'Salary' },
      { id: 'eligible', label: 'Eligible credits' },
      { id: 'counterparties', label: 'Counterparties' },
      { id: 'transfers', label: 'Own-account transfers' },
      { id: 'eod', label: 'Balances and EOD' },
      { id: 'integrity', label: 'Integrity' },
      { id: 'reconciliation', label: 'Reconciliation' },
      { id: 'session', label: 'All accounts' },
    ],
  },
  single('fraud', 'Fraud'),
  {
    id: 'finbox',
    label: 'FinBox’s data',
    views: [
      { id: 'overview', label: 'Account details' },
      { id: 'monthly', label: 'Monthly' },
      { id: 'predictors', label: 'Predictors' },
      { id: 'top', label: 'Top credits & debits' },
      { id: 'more', label: 'More API data' },
    ],
  },
  single('review', 'Review'),
];

const SECTION_OF = new Map<string, SectionInfo>(
  SECTIONS.flatMap((s) => s.views.map((v) => [v.id, s] as const)),
);

/** Views the report once had as tabs of their own, and where each now lives. */
const RENAMED: Readonly<Record<string, ViewId>> = { insights: 'months' };

export function sectionOf(view: ViewId): SectionInfo {
  return SECTION_OF.get(view) ?? SECTIONS[0]!;
}

export function viewLabel(view: ViewId): string {
  return sectionOf(view).views.find((v) => v.id === view)?.label ?? '';
}

/** A view id from storage: today's ids, or an old tab's id read as the view that replaced it. */
export function readViewId(value: unknown): ViewId | null {
  if (typeof value !== 'string') return null;
  const id = RENAMED[value] ?? value;
  return SECTION_OF.get(id)?.views.find((v) => v.id === id)?.id ?? null;
}
