// Readable labels and groups for FinBox's monthly_analysis metrics and predictors. Keys FinBox
// is known to send (finbox-keys.ts) get a label from patterns and the token rule set in
// key-words.ts, or from an override where the rule reads badly; any other key keeps its raw
// name and goes to "Other", so nothing is hidden or misnamed by a guess.
import { MONTHLY_ANALYSIS_KEYS, PREDICTOR_KEYS } from './finbox-keys';
import { KEY_LABEL_OVERRIDES } from './key-label-overrides';
import { keyWords, sentence } from './key-words';
import { perMonthPredictor } from '../model/predictor-keys';

export const KEY_GROUPS = [
  'Balances',
  'Credits',
  'Debits',
  'Cash',
  'Cheques',
  'Bounces and charges',
  'Loans and EMIs',
  'Salary and income',
  'Overdraft and limits',
  'Transactions',
  'Spending',
  'Fraud signals',
  'Account and period',
  'Other',
] as const;
export type KeyGroup = (typeof KEY_GROUPS)[number];

export interface KeyLabel {
  /** The key exactly as the API sent it. */
  readonly key: string;
  /** The readable name, or the raw key when the key is not one FinBox is known to send. */
  readonly label: string;
  readonly group: KeyGroup;
  readonly known: boolean;
}

const MEASURE: Readonly<Record<string, string>> = {
  amt: 'amount',
  cnt: 'count',
  avg_amt: 'average amount',
  max_amt: 'largest amount',
  min_amt: 'smallest amount',
};

/** `amt_upi_credit` -> `UPI credits: amount`; `max_amt_chq_debit` -> `Cheque debits: largest amount`. */
function patternLabel(key: string): string | null {
  const share = /^(amt_)?perc_([a-z0-9_]+)$/.exec(key);
  if (share) return `${sentence(keyWords(share[2]!))} (${share[1] ? '% by amount' : '%'})`;
  const days = /^(?:cnt|no_of)_days_(?!to_)([a-z0-9_]+)$/.exec(key);
  if (days) return `Days with ${keyWords(days[1]!)}`;
  const counted = /^cnt_of_([a-z0-9_]+)$/.exec(key);
  if (counted) return `Number of ${keyWords(counted[1]!)}`;
  const eod = /^eod_bal(?:ance)?_on_(\d{1,2})$/.exec(key);
  if (eod) return `EOD balance on day ${Number(eod[1])}`;
  const family = /^(amt|cnt|avg_amt|max_amt|min_amt)_([a-z0-9_]+?)_(credit|debit)$/.exec(key);
  if (family) {
    const [, measure, subject, side] = family as unknown as [string, string, string, string];
    return `${sentence(keyWords(subject))} ${side}s: ${MEASURE[measure]}`;
  }
  const plain = /^(amt|cnt|avg_amt|max_amt|min_amt)_([a-z0-9_]+)$/.exec(key);
  if (plain && !/^\d/.test(plain[2]!)) {
    const [, measure, subject] = plain as unknown as [string, string, string];
    return `${sentence(keyWords(subject))}: ${MEASURE[measure]}`;
  }
  return null;
}

const FRAUD = new Set([
  'author_fraud',
  'date_fraud',
  'transaction_fraud',
  'transaction_fraud_v2',
  'inconsistent_transaction',
  'more_cash_deposits_than_salary',
  'salary_remains_unchanged',
  'salary_1000_multiple',
  'mostly_cash_transactions',
  'equal_credit_debit',
  'negative_balance',
  'tax_100_multiple',
  'min_rtgs_amount',
  'cash_deposit_bank_holiday_transaction',
  'chq_bank_holiday_transaction',
  'outward_cheque_bounce_bank_holiday_transaction',
  'inward_cheque_bounce_bank_holiday_transaction',
  'more_than_15_days_credit',
]);

// First match wins: a bounce charge is a bounce before it is a debit, a loan credit a loan
// before a credit. Tested on whole tokens of the key.
const GROUP_RULES: readonly (readonly [KeyGroup, RegExp])[] = [
  [
    'Account and period',
    /^(accountnumber|bank_name|ifsc_code|customer_name|account_type|account_opening_date|dob|email|holder_type|account_status|pan_number|phone_number|bank_connect_status|employer_name|month_duration|year_month_count|total_number_of_months_with_data|is_current_month|is_complete_month)$|(^|_)(start_date|end_date|from_date|to_da(te)?)$|_date_and_|^days_diff|^transaction_gap/,
  ],
  ['Bounces and charges', /bounce|return|penal|chrg|charge|chanrges/],
  ['Loans and EMIs', /(^|_)(emi|loan|loans|obligation|ecs|ach|nach|masfin)(_|$)/],
  ['Salary and income', /salary|salaried|(^|_)(income|pension|dividend|employer)(_|$)/],
  ['Cash', /(^|_)cash(_|$)/],
  ['Overdraft and limits', /overdra|(^|_)(od|cc|ccod|limit|drawing|sanction)(_|$)|negative/],
  ['Cheques', /(^|_)(chq|cheque|cheques)(_|$)/],
  ['Balances', /(^|_)(bal|balance|balances|abb|eod|eom)(_|$)|abb|_bal_|^bal_/],
  [
    'Spending',
    /food|travel|fuel|shopping|entertainment|medical|groceries|gambling|alcohol|mobile_bill|discretionary|bill|expense|spend|spent|rent|percentile/,
  ],
  ['Credits', /credit|deposit|turnover|turn_over|inflow|income|business/],
  ['Debits', /debit|withdraw|payment|purchase|investment|outflow|tax/],
  ['Transactions', /transaction|txn|netting|revolving|self_transfer|round_figure/],
];

function groupOf(key: string): KeyGroup {
  if (FRAUD.has(key)) return 'Fraud signals';
  for (const [group, pattern] of GROUP_RULES) if (pattern.test(key)) return group;
  return 'Transactions';
}

function build(key: string, override?: string): KeyLabel {
  const label = override ?? patternLabel(key) ?? sentence(keyWords(key));
  return { key, label, group: groupOf(key), known: true };
}

// `avg_of_eod_bal_on_N` in the list stands for days 10 and 11 (the list collapsed every
// `_10`/`_11` ending); they are single values by day, as perMonthPredictor reads them.
const PREDICTOR_LIST = PREDICTOR_KEYS.flatMap((k) =>
  k.endsWith('_on_N') ? [`${k.slice(0, -1)}10`, `${k.slice(0, -1)}11`] : [k],
);
const predictorSplit = PREDICTOR_LIST.map((k) =>
  k.endsWith('_N') ? { field: k.slice(0, -2), month: 0 } : perMonthPredictor(k),
);

/** Per-month predictor fields (`expense` for `expense_0`..`expense_11`). */
export const PREDICTOR_SERIES_FIELDS: readonly string[] = [
  ...new Set(predictorSplit.flatMap((p) => (p ? [p.field] : []))),
];
/** Single-value predictors. */
export const PREDICTOR_SCALAR_KEYS: readonly string[] = PREDICTOR_LIST.filter(
  (_, i) => predictorSplit[i] === null,
);

function table(keys: readonly string[], overrides: Readonly<Record<string, string>>) {
  return new Map(keys.map((k) => [k, build(k, overrides[k])]));
}

const MONTHLY = table(
  [...new Set([...MONTHLY_ANALYSIS_KEYS, ...Object.keys(KEY_LABEL_OVERRIDES.monthly)])],
  KEY_LABEL_OVERRIDES.monthly,
);
const SCALARS = table(
  [...new Set([...PREDICTOR_SCALAR_KEYS, ...Object.keys(KEY_LABEL_OVERRIDES.predictor)])],
  KEY_LABEL_OVERRIDES.predictor,
);
const SERIES = table(
  [...new Set([...PREDICTOR_SERIES_FIELDS, ...Object.keys(KEY_LABEL_OVERRIDES.series)])],
  KEY_LABEL_OVERRIDES.series,
);

function unknown(key: string): KeyLabel {
  return { key, label: key, group: 'Other', known: false };
}

/** A monthly_analysis metric's label (the API may also send names with spaces or capitals). */
export function monthlyKeyLabel(key: string): KeyLabel {
  const hit = MONTHLY.get(key) ?? MONTHLY.get(key.trim().toLowerCase().replace(/\s+/g, '_'));
  if (hit) return hit.key === key ? hit : { ...hit, key };
  const pattern = patternLabel(key);
  return pattern ? { key, label: pattern, group: groupOf(key), known: true } : unknown(key);
}

/** A single-value predictor's label. */
export function predictorKeyLabel(key: string): KeyLabel {
  return SCALARS.get(key) ?? unknown(key);
}

/** A per-month predictor field's label (`expense` of `expense_N`). */
export function predictorFieldLabel(field: string): KeyLabel {
  return SERIES.get(field) ?? unknown(field);
}

/** Items ordered by group (in KEY_GROUPS order), keeping the API's order inside a group. */
export function groupByLabel<T>(
  items: readonly T[],
  labelOf: (item: T) => KeyLabel,
): { group: KeyGroup; items: { item: T; label: KeyLabel }[] }[] {
  const byGroup = new Map<KeyGroup, { item: T; label: KeyLabel }[]>();
  for (const item of items) {
    const label = labelOf(item);
    let list = byGroup.get(label.group);
    if (!list) byGroup.set(label.group, (list = []));
    list.push({ item, label });
  }
  return KEY_GROUPS.flatMap((group) => {
    const list = byGroup.get(group);
    return list ? [{ group, items: list }] : [];
  });
}
