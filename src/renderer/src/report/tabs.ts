// The per-account tabs, in order. `insights` appears only when this build has the
// Insights tab (see ReportView).
export type TabId =
  | 'overview'
  | 'transactions'
  | 'eod'
  | 'monthly'
  | 'top'
  | 'fraud'
  | 'predictors'
  | 'salary'
  | 'insights';

export interface TabInfo {
  readonly id: TabId;
  readonly label: string;
}

export const BASE_TABS: readonly TabInfo[] = [
  { id: 'overview', label: 'Overview' },
  { id: 'transactions', label: 'Transactions' },
  { id: 'eod', label: 'EOD Balances' },
  { id: 'monthly', label: 'Monthly' },
  { id: 'top', label: 'Top Credits & Debits' },
  { id: 'fraud', label: 'Fraud' },
  { id: 'predictors', label: 'Predictors' },
  { id: 'salary', label: 'Salary' },
];

export const INSIGHTS_TAB: TabInfo = { id: 'insights', label: 'Insights' };

const IDS = new Set<string>([...BASE_TABS.map((t) => t.id), INSIGHTS_TAB.id]);

export function isTabId(value: unknown): value is TabId {
  return typeof value === 'string' && IDS.has(value);
}
