// Readable names for `monthly_analysis` metrics. Known names and the documented families
// (`amt_<channel>_<credit|debit>`, `cnt_...`, `eod_bal_on_NN`) get a label; anything else is
// shown by its raw key, so nothing the API sends is hidden or misnamed.

const KNOWN: Readonly<Record<string, string>> = {
  opening_balance: 'Opening balance',
  closing_balance: 'Closing balance',
  avg_bal: 'Average balance',
  avg_balance: 'Average balance',
  max_bal: 'Maximum balance',
  min_bal: 'Minimum balance',
  median_bal: 'Median balance',
  median_balance: 'Median balance',
  abb: 'Average bank balance (ABB)',
  adjusted_abb: 'Adjusted ABB',
  avg_eod_balance: 'Average EOD balance',
  min_eod_balance: 'Minimum EOD balance',
  max_eod_balance: 'Maximum EOD balance',
  amt_credit: 'Credits: amount',
  amt_debit: 'Debits: amount',
  cnt_credit: 'Credits: count',
  cnt_debit: 'Debits: count',
  cnt_transactions: 'Transactions: count',
  total_credit: 'Credits: amount',
  total_debit: 'Debits: amount',
  cash_deposits: 'Cash deposits',
  cash_withdrawals: 'Cash withdrawals',
  total_emi_ecs_loan: 'EMI, ECS and loan debits',
  total_salary: 'Salary: amount',
  cnt_inward_cheque_bounce_insuff_funds: 'Inward cheque bounces (insufficient funds): count',
  cnt_outward_cheque_bounce_insuff_funds: 'Outward cheque bounces (insufficient funds): count',
  cnt_auto_debit_payment_bounce: 'Auto-debit bounces: count',
  amt_auto_debit_payment_bounce: 'Auto-debit bounces: amount',
  net_cash_inflow: 'Net cash inflow',
  net_cash_flow: 'Net cash flow',
  avg_credit_transaction_size: 'Average credit size',
  avg_debit_transaction_size: 'Average debit size',
  max_credit_transaction_size: 'Largest credit',
  max_debit_transaction_size: 'Largest debit',
  total_amount_of_salary: 'Salary: amount',
  cnt_days_overdrawn: 'Overdrawn days',
  overdrawn_days: 'Overdrawn days',
  cnt_overdrawn_days: 'Overdrawn days',
  cnt_negative_balance_days: 'Days with a negative balance',
  negative_balance_days: 'Days with a negative balance',
  cnt_inward_cheque_bounce: 'Inward cheque bounces: count',
  cnt_outward_cheque_bounce: 'Outward cheque bounces: count',
  amt_inward_cheque_bounce: 'Inward cheque bounces: amount',
  amt_outward_cheque_bounce: 'Outward cheque bounces: amount',
  total_inward_chq_bounces_insuff_fund: 'Inward cheque bounces (insufficient funds)',
  total_outward_chq_bounces_insuff_fund: 'Outward cheque bounces (insufficient funds)',
  emi: 'EMI debits',
  amt_emi: 'EMI debits: amount',
  cnt_emi: 'EMI debits: count',
};

/** Words of a channel name as underwriters write them. */
const WORDS: Readonly<Record<string, string>> = {
  upi: 'UPI',
  emi: 'EMI',
  ecs: 'ECS',
  ach: 'ACH',
  nach: 'NACH',
  neft: 'NEFT',
  rtgs: 'RTGS',
  imps: 'IMPS',
  atm: 'ATM',
  pos: 'POS',
  chq: 'cheque',
  withdrawl: 'withdrawal',
  insuff: 'insufficient',
  bal: 'balance',
  amt: 'amount',
  cnt: 'count',
  avg: 'average',
};

function words(key: string): string {
  const text = key
    .split('_')
    .filter(Boolean)
    .map((w) => WORDS[w.toLowerCase()] ?? w.toLowerCase())
    .join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The label for a metric, or null when the name is not one we know. */
export function knownMetricLabel(key: string): string | null {
  const known = KNOWN[key];
  if (known) return known;
  const eod = /^eod_bal(?:ance)?_on_(\d{1,2})$/.exec(key);
  if (eod) return `EOD balance on day ${Number(eod[1])}`;
  const family = /^(amt|cnt)_([a-z0-9_]+)_(credit|debit)$/.exec(key);
  if (family) {
    const [, measure, channel, side] = family as unknown as [string, string, string, string];
    return `${words(channel)} ${side}s: ${measure === 'amt' ? 'amount' : 'count'}`;
  }
  return null;
}

/** The label to show: the known label, else the raw key itself. */
export function metricLabel(key: string): string {
  return knownMetricLabel(key) ?? key;
}

/** Counts are shown without decimals and never with a rupee sign. */
export function isCountMetric(key: string): boolean {
  return /^(cnt|count|num|no_of)_|_(cnt|count|days)$|days|bounces/.test(key) && !/^amt_/.test(key);
}
