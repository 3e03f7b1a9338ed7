// The report's section and view names as the underwriter reads them, written out by hand:
// the e2e journeys walk them and the unit test of the tab layout expects them.
/** The report's sections (its top-level tabs), in order. */
export const SECTION_NAMES = [
  'Summary',
  'Transactions',
  'Analyses',
  'Fraud',
  'FinBox’s data',
  'Review',
] as const;
export const ANALYSES = 'Analyses';
export const FINBOX = 'FinBox’s data';

export const ANALYSIS_NAMES = [
  'Month by month',
  'Obligations',
  'Bounces',
  'Salary',
  'Eligible credits',
  'Counterparties',
  'Own-account transfers',
  'Balances and EOD',
  'Integrity',
  'Reconciliation',
  'All accounts',
] as const;
export const FINBOX_NAMES = [
  'Account details',
  'Monthly',
  'Predictors',
  'Top credits & debits',
  'More API data',
] as const;
