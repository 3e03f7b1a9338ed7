// The borrower's obligations: each loan EMI, credit-card or BNPL repayment stream by
// lender, from every place the response says one is (FinBox's `lender_transactions`, its
// `recurring_transactions` sets, `monthly_analysis.loan_emi`, and our own detection),
// with the monthly amount, months paid, returns and the last payment. Pure: it reads the
// account and its insights, never the network or the disk.
import type { CalendarDate, MonthKey } from '../model/calendar';
import { monthOf, toMonthKey, readApiDate } from '../model/calendar';
import { fromPaise, toPaise } from '../model/money';
import type { AccountView, TransactionView } from '../model/view-model';
import { counterpartyKey, counterpartyOf } from './counterparty';
import { EMI_PATTERN, EMI_VALUES, LENDER_PATTERN } from './rules';
import type { AccountInsights } from './types';

/** Where a stream was found; a stream found in several places lists each. */
export type ObligationSource =
  'lender_transactions' | 'recurring_transactions' | 'loan_emi' | 'detected';

export const OBLIGATION_SOURCE_LABEL: Readonly<Record<ObligationSource, string>> = {
  lender_transactions: 'FinBox lender transactions',
  recurring_transactions: 'FinBox recurring debits',
  loan_emi: 'FinBox monthly loan EMIs',
  detected: 'our detection',
};

export type RepaymentKind = 'loan' | 'credit_card' | 'bnpl';

export const REPAYMENT_KIND_LABEL: Readonly<Record<RepaymentKind, string>> = {
  loan: 'Loan EMI',
  credit_card: 'Credit card',
  bnpl: 'Buy now, pay later',
};

/** One presentment of a repayment: a debit in the statement, or a FinBox entry without one. */
export interface ObligationPayment {
  /** The transaction's position in the account; null for a FinBox entry no transaction matches. */
  readonly index: number | null;
  readonly date: CalendarDate;
  readonly amount: number;
  /** The debit came back (a bounce): presented, not paid. */
  readonly returned: boolean;
}

export interface ObligationStream {
  readonly key: string;
  readonly lender: string;
  readonly kind: RepaymentKind;
  /** Median over the months with a payment of what was paid that month (rupees). */
  readonly monthlyAmount: number;
  /** Months with at least one payment that stood. */
  readonly monthsPaid: number;
  /** Presentments that came back. */
  readonly returned: number;
  readonly lastPaid: CalendarDate | null;
  /** Presented in the account's last two months: counted in the monthly total. */
  readonly active: boolean;
  readonly sources: readonly ObligationSource[];
  /** Date order. */
  readonly payments: readonly ObligationPayment[];
}

export interface ObligationSchedule {
  readonly streams: readonly ObligationStream[];
  /** Sum of the active streams' monthly amounts (rupees). */
  readonly monthlyTotal: number;
  /** The payments behind the total (active streams' paid debits). */
  readonly trace: readonly number[];
}

/** Credit-card bill payments: FinBox's `credit_card_bill` values and narration words. */
const CREDIT_CARD_VALUES: ReadonlySet<string> = new Set([
  'credit_card_bill',
  'credit_card_payment',
  'credit_card',
]);
const CREDIT_CARD_PATTERN = /\b(CREDIT\s*CARD|CC\s*(BILL|PAYMENT|PMT)|CARD\s*(BILL|DUES)\s*PAY)/i;
/** Buy-now-pay-later providers, by the names they debit under. */
const BNPL_PATTERN =
  /\b(LAZYPAY|SIMPL|ZESTMONEY|POSTPE|PAY\s*LATER|PAYLATER|SLICE\s*CARD|UNI\s*CARDS?|KREDITBEE)\b/i;
/** Every narration either pattern can match has one of these: most debits skip both. */
const CARD_WORDS = /CARD|CC|PAY|SIMPL|ZEST|KREDIT/i;

function lowered(s: string): string {
  return s.trim().toLowerCase();
}

function cardValue(v: string): boolean {
  if (v === '') return false;
  const l = lowered(v);
  return CREDIT_CARD_VALUES.has(l) || l.includes('credit card');
}

function cardKind(t: TransactionView): RepaymentKind | null {
  const words = CARD_WORDS.test(t.narration);
  if (words && BNPL_PATTERN.test(t.narration)) return 'bnpl';
  if (cardValue(t.channel) || cardValue(t.description) || cardValue(t.category))
    return 'credit_card';
  return words && CREDIT_CARD_PATTERN.test(t.narration) ? 'credit_card' : null;
}

function kindOfName(name: string, fallback: RepaymentKind): RepaymentKind {
  return BNPL_PATTERN.test(name) ? 'bnpl' : fallback;
}

interface Draft {
  key: string;
  lender: string;
  kind: RepaymentKind;
  sources: Set<ObligationSource>;
  payments: Map<string, ObligationPayment>;
}

/** A loan_emi lender's name against a stream's: one key contains the other's first word. */
function sameLender(a: string, b: string): boolean {
  if (a === b) return true;
  const first = (k: string) => k.split(' ')[0] ?? k;
  return (
    (a.startsWith(first(b)) && first(b).length >= 3) ||
    (b.startsWith(first(a)) && first(a).length >= 3)
  );
}

/** `monthly_analysis.loan_emi` entries: `{lender: [{date, amount}]}` per month, kept in `other`. */
export function loanEmiEntries(
  account: AccountView,
): { lender: string; date: CalendarDate; amount: number }[] {
  const out: { lender: string; date: CalendarDate; amount: number }[] = [];
  for (const item of account.other) {
    if (!/\.monthly_analysis\.loan_emi\[/.test(item.path)) continue;
    const month = toMonthKey(item.key);
    const value = item.value;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) continue;
    for (const [lender, list] of Object.entries(value as Record<string, unknown>)) {
      if (!Array.isArray(list)) continue;
      for (const entry of list as unknown[]) {
        if (entry === null || typeof entry !== 'object') continue;
        const e = entry as Record<string, unknown>;
        const amount = typeof e['amount'] === 'number' ? e['amount'] : Number(e['amount']);
        const date = typeof e['date'] === 'string' ? readApiDate(e['date']) : null;
        if (!Number.isFinite(amount) || amount <= 0 || !date) continue;
        if (month && monthOf(date) !== month) continue;
        out.push({ lender, date, amount });
      }
    }
  }
  return out;
}

/** Main-list positions of the hashes FinBox's lender and recurring lists name. */
function mainIndexOf(account: AccountView): Map<string, number> {
  const wanted = new Set<string>();
  for (const set of account.transactionSets)
    if (set.key === 'lender_transactions') for (const t of set.transactions) wanted.add(t.hash);
  for (const set of account.recurring.debit) for (const t of set.transactions) wanted.add(t.hash);
  const found = new Map<string, number>();
  if (wanted.size === 0) return found;
  for (const t of account.transactions)
    if (!t.hashDerived && wanted.has(t.hash) && !found.has(t.hash)) found.set(t.hash, t.index);
  return found;
}

function median(values: number[]): number {
  values.sort((a, b) => a - b);
  const mid = values.length >> 1;
  return values.length % 2 === 1 ? values[mid]! : Math.round((values[mid - 1]! + values[mid]!) / 2);
}

function finish(d: Draft, lastMonths: ReadonlySet<MonthKey>): ObligationStream {
  const payments = [...d.payments.values()].sort((a, b) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : (a.index ?? 0) - (b.index ?? 0),
  );
  const paidByMonth = new Map<MonthKey, number>();
  const presentedByMonth = new Map<MonthKey, number>();
  let lastPaid: CalendarDate | null = null;
  let returned = 0;
  for (const p of payments) {
    const m = monthOf(p.date);
    presentedByMonth.set(m, (presentedByMonth.get(m) ?? 0) + toPaise(p.amount));
    if (p.returned) returned++;
    else {
      paidByMonth.set(m, (paidByMonth.get(m) ?? 0) + toPaise(p.amount));
      lastPaid = p.date;
    }
  }
  // What the lender expects a month: from the months it was paid; a stream never paid
  // (every presentment returned) still owes what it presented.
  const months = paidByMonth.size > 0 ? paidByMonth : presentedByMonth;
  const monthlyAmount = months.size > 0 ? fromPaise(median([...months.values()])) : 0;
  return {
    key: d.key,
    lender: d.lender,
    kind: d.kind,
    monthlyAmount,
    monthsPaid: paidByMonth.size,
    returned,
    lastPaid,
    active: lastMonths.size === 0 || payments.some((p) => lastMonths.has(monthOf(p.date))),
    sources: (
      ['lender_transactions', 'recurring_transactions', 'loan_emi', 'detected'] as const
    ).filter((s) => d.sources.has(s)),
    payments,
  };
}

/**
 * The obligations schedule of one account. A debit is one lender's payment once, however
 * many places name it; a debit that came back is presented, not paid.
 */
export function obligationSchedule(account: AccountView, a: AccountInsights): ObligationSchedule {
  const txs = account.transactions;
  const returnedIndex = new Set<number>();
  for (const b of a.bounces.items) if (b.original !== null) returnedIndex.add(b.original);
  for (const o of a.obligations.items) if (o.returnedBy !== null) returnedIndex.add(o.index);
  const bounceIndex = new Set(a.bounces.items.map((b) => b.index));

  const drafts = new Map<string, Draft>();
  const streamOf = new Map<number, Draft>();
  const draft = (name: string, kind: RepaymentKind): Draft => {
    const key = counterpartyKey(name) || name;
    let d = drafts.get(key);
    if (!d) {
      d = {
        key,
        lender: name,
        kind: kindOfName(name, kind),
        sources: new Set(),
        payments: new Map(),
      };
      drafts.set(key, d);
    }
    return d;
  };
  const addIndex = (d: Draft, index: number, source: ObligationSource) => {
    d.sources.add(source);
    const known = streamOf.get(index);
    if (known) {
      known.sources.add(source);
      return;
    }
    const t = txs[index]!;
    streamOf.set(index, d);
    d.payments.set(`#${index}`, {
      index,
      date: t.date,
      amount: t.amount,
      returned: returnedIndex.has(index),
    });
  };
  const lenderOf = (t: TransactionView) => counterpartyOf(t)?.name ?? 'Lender not named';
  // FinBox's lists name the main list's transactions by hash (derived ids never match).
  const mainIndex = mainIndexOf(account);
  const inMainList = (t: TransactionView): number | undefined =>
    t.hashDerived ? undefined : mainIndex.get(t.hash);

  // Our own detection: EMI and loan debits, then card and BNPL repayments.
  for (const o of a.obligations.items)
    if (o.kind === 'emi')
      addIndex(draft(o.counterparty ?? 'Lender not named', 'loan'), o.index, 'detected');
  for (const t of txs) {
    if (t.type !== 'debit' || streamOf.has(t.index) || bounceIndex.has(t.index)) continue;
    const kind = cardKind(t);
    if (kind) addIndex(draft(lenderOf(t), kind), t.index, 'detected');
  }

  // FinBox's lender transactions: its debits are repayments, whoever the lender is. An
  // entry points at the main list only when its hash is there.
  for (const set of account.transactionSets) {
    if (set.key !== 'lender_transactions') continue;
    for (const t of set.transactions) {
      if (t.type !== 'debit') continue;
      const i = inMainList(t);
      if (i !== undefined) {
        addIndex(streamOf.get(i) ?? draft(lenderOf(txs[i]!), 'loan'), i, 'lender_transactions');
      } else {
        const d = draft(lenderOf(t), 'loan');
        d.sources.add('lender_transactions');
        d.payments.set(`lt:${t.date}:${toPaise(t.amount)}:${d.payments.size}`, {
          index: null,
          date: t.date,
          amount: t.amount,
          returned: false,
        });
      }
    }
  }

  // FinBox's recurring debit sets: a set is a repayment stream when one of its debits is
  // one already, or its channel or name says loan.
  for (const set of account.recurring.debit) {
    const inMain = set.transactions.flatMap((t) => {
      const i = inMainList(t);
      return i === undefined ? [] : [i];
    });
    const known = inMain.map((i) => streamOf.get(i)).find((d) => d !== undefined);
    const first = inMain[0] !== undefined ? txs[inMain[0]]! : set.transactions[0];
    const named = `${set.counterparty} ${first?.narration ?? ''}`.toUpperCase();
    const loanLike =
      EMI_VALUES.has(lowered(set.channel)) || EMI_PATTERN.test(named) || LENDER_PATTERN.test(named);
    if (!known && !loanLike) continue;
    if (!first) continue;
    const d = known ?? draft(set.counterparty || lenderOf(first), 'loan');
    d.sources.add('recurring_transactions');
    for (const i of inMain)
      if (!bounceIndex.has(i)) addIndex(streamOf.get(i) ?? d, i, 'recurring_transactions');
  }

  // FinBox's monthly loan_emi: each entry is matched to a debit of its date and amount;
  // one no debit matches still counts (FinBox saw it), listed without a transaction.
  const entries = loanEmiEntries(account);
  if (entries.length > 0) {
    const debitsAt = new Map<string, number[]>();
    for (const t of txs)
      if (t.type === 'debit') {
        const k = `${t.date}|${toPaise(t.amount)}`;
        const list = debitsAt.get(k);
        if (list) list.push(t.index);
        else debitsAt.set(k, [t.index]);
      }
    for (const e of entries) {
      const key = counterpartyKey(e.lender);
      const candidates = debitsAt.get(`${e.date}|${toPaise(e.amount)}`) ?? [];
      const match = candidates.find((i) => streamOf.has(i)) ?? candidates[0];
      if (match !== undefined) {
        addIndex(streamOf.get(match) ?? draft(e.lender, 'loan'), match, 'loan_emi');
        continue;
      }
      const d = [...drafts.values()].find((x) => sameLender(x.key, key)) ?? draft(e.lender, 'loan');
      d.sources.add('loan_emi');
      d.payments.set(`le:${e.date}:${toPaise(e.amount)}`, {
        index: null,
        date: e.date,
        amount: e.amount,
        returned: false,
      });
    }
  }

  const lastMonths = new Set(a.months.slice(-2));
  const streams = [...drafts.values()]
    .filter((d) => d.payments.size > 0)
    .map((d) => finish(d, lastMonths))
    .sort((x, y) => y.monthlyAmount - x.monthlyAmount || (x.lender < y.lender ? -1 : 1));
  let total = 0;
  const trace: number[] = [];
  for (const s of streams) {
    if (!s.active) continue;
    total += toPaise(s.monthlyAmount);
    for (const p of s.payments) if (p.index !== null && !p.returned) trace.push(p.index);
  }
  return { streams, monthlyTotal: fromPaise(total), trace: trace.sort((x, y) => x - y) };
}
