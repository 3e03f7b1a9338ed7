// Small hand-made accounts for the insight tests, built as API responses and normalised
// the way the app does, so the tests go through the real view model; and the sandbox
// generator's sessions, with what it planted in them.
import { parseSessionData } from '../../../src/shared/api/parse';
import { computeSessionInsights } from '../../../src/shared/insights';
import { normalizeSession } from '../../../src/shared/model/normalize';
import type { SessionView } from '../../../src/shared/model/view-model';
import { generateSession } from '../../../src/sandbox/generator';
import type { SessionPlan } from '../../../src/sandbox/plan';

export interface Tx {
  date: string;
  type: 'credit' | 'debit';
  amount: number;
  /** Running balance; computed from `opening` when left out. */
  balance?: number | null;
  note?: string;
  channel?: string;
  description?: string;
  category?: string;
  hash?: string;
  extra?: Record<string, unknown>;
}

export interface AccountOptions {
  opening?: number;
  accountNumber?: string;
  holder?: string;
  category?: string;
  months?: string[];
  missing?: { from_date: string; to_date: string }[];
  odLimit?: string;
  /** Label (`Nov-23`) -> daily balances. */
  eod?: Record<string, (number | null)[]>;
  /** FinBox's monthly_analysis: figures by month, or its `loan_emi` lists. */
  monthly?: Record<string, Record<string, unknown>>;
  /** Hashes of transactions to list in `salary_transactions`, with extra fields. */
  salary?: { hash: string; extra?: Record<string, unknown> }[];
  /** Hashes of transactions FinBox lists in `lender_transactions`. */
  lenderTransactions?: string[];
  /** Hashes of transactions FinBox lists in `self_and_sister_transactions`. */
  sisterTransactions?: string[];
}

let counter = 0;

export function accountBlock(id: string, txs: Tx[], options: AccountOptions = {}) {
  let balance = options.opening ?? 0;
  const transactions = txs.map((t) => {
    if (t.balance === undefined)
      balance = Math.round((balance + (t.type === 'credit' ? t.amount : -t.amount)) * 100) / 100;
    else if (t.balance !== null) balance = t.balance;
    return {
      transaction_type: t.type,
      transaction_note: t.note ?? '',
      chq_num: '',
      amount: t.amount,
      balance: t.balance === undefined ? balance : t.balance,
      date: `${t.date} 00:00:00`,
      transaction_channel: t.channel ?? 'Other',
      hash: t.hash ?? `h${++counter}`,
      description: t.description ?? '',
      category: t.category ?? 'Others',
      account_id: id,
      ...t.extra,
    };
  });
  const byHash = new Map(transactions.map((t) => [t.hash, t]));
  const eod = options.eod
    ? { Months_order: Object.keys(options.eod), start_date: null, ...options.eod }
    : null;
  return {
    account_details: [
      {
        account_id: id,
        account_number: options.accountNumber ?? null,
        account_category: options.category ?? null,
        months: options.months ?? [],
        missing_data: options.missing ?? [],
        od_limit: options.odLimit ?? '0',
      },
    ],
    transactions,
    salary_transactions: (options.salary ?? []).map((s) => ({
      ...byHash.get(s.hash)!,
      ...s.extra,
    })),
    ...(options.lenderTransactions && {
      lender_transactions: options.lenderTransactions.map((hash) => byHash.get(hash)!),
    }),
    ...(options.sisterTransactions && {
      self_and_sister_transactions: options.sisterTransactions.map((hash) => byHash.get(hash)!),
    }),
    monthly_analysis: options.monthly ?? {},
    eod_balances: eod,
    predictors: options.holder ? { customer_name: options.holder } : {},
    fraud: { fraudulent_statements: [], fraud_type: [] },
  };
}

export function sessionOf(accounts: Record<string, ReturnType<typeof accountBlock>>): SessionView {
  return normalizeSession(parseSessionData({ session_id: 'test-session', accounts }));
}

export function accountOf(txs: Tx[], options: AccountOptions = {}) {
  return sessionOf({ acc: accountBlock('acc', txs, options) }).accounts[0]!;
}

/** A generated session (with what was planted in it), as the app reads it, and its insights. */
export function generatedSession(plan: SessionPlan) {
  const generated = generateSession(plan);
  const view = normalizeSession(parseSessionData(generated.subscribed));
  return { generated, view, insights: computeSessionInsights(view) };
}
