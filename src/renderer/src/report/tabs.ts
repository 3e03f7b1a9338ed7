// The per-account tabs, in order; Insights last (its component is a chunk of its own,
// see ReportView).
export type TabId =
  | 'summary'
  | 'overview'
  | 'transactions'
  | 'eod'
  | 'monthly'
  | 'top'
  | 'fraud'
  | 'predictors'
  | 'salary'
  | 'more'
  | 'insights'
  | 'review';

export interface TabInfo {
  readonly id: TabId;
  readonly label: string;
}

export const BASE_TABS: readonly TabInfo[] = [
  { id: 'summary', label: 'Summary' },
  { id: 'overview', label: 'Overview' },
  { id: 'transactions', label: 'Transactions' },
  { id: 'eod', label: 'EOD Balances' },
  { id: 'monthly', label: 'Monthly' },
  { id: 'top', label: 'Top Credits & Debits' },
  { id: 'fraud', label: 'Fraud' },
  { id: 'predictors', label: 'Predictors' },
  { id: 'salary', label: 'Salary' },
  { id: 'more', label: 'More API data' },
];

export const INSIGHTS_TAB: TabInfo = { id: 'insights', label: 'Insights' };

/** The reviewer's flags, notes and verdict (issue 16): last, after the data. */
export const REVIEW_TAB: TabInfo = { id: 'review', label: 'Review' };

const IDS = new Set<string>([...BASE_TABS.map((t) => t.id), INSIGHTS_TAB.id, REVIEW_TAB.id]);

export function isTabId(value: unknown): value is TabId {
  return typeof value === 'string' && IDS.has(value);
}
