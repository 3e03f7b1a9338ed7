// One pass over an account's transactions that every insight then reads: day numbers,
// paise, date order and each transaction's classification and counterparty. Everything
// after this is linear or sorts once, so 200,000 transactions stay well under a second.
import { monthOf, monthRange } from '../model/calendar';
import type { MonthKey } from '../model/calendar';
import * as money from '../model/money';
import type { AccountView, TransactionView } from '../model/view-model';
import * as classifier from './classify';
import type { BounceMatch, CashKind, ObligationMatch } from './classify';
import * as parties from './counterparty';
import type { Counterparty } from './counterparty';
import { statementPeriods } from './coverage';
import { InsightsMemo } from './memo';
import { loanEmiEntries } from './obligation-schedule';

// Imported bindings are read once into locals: run from source (the tests, `npm run bench`
// under tsx) each use of an imported binding is a getter call, too slow for the
// per-transaction loops.
const { CASH_COUNTERPARTY, counterpartyFromFields, counterpartyFromNarration } = parties;
const { classify } = classifier;
const { toPaise } = money;

export interface AccountContext {
  readonly account: AccountView;
  readonly txs: readonly TransactionView[];
  /** Days since 1970-01-01 per transaction. */
  readonly day: Int32Array;
  readonly paise: Float64Array;
  /** 1 for a credit, 0 for a debit: read in the hot loops instead of the objects. */
  readonly credit: Uint8Array;
  readonly month: readonly MonthKey[];
  /** Transaction indices in date order (API order within a day). */
  readonly byDate: Int32Array;
  readonly apiOrder: 'ascending' | 'descending' | 'mixed' | 'empty';
  readonly cash: readonly (CashKind | null)[];
  readonly bounce: readonly (BounceMatch | null)[];
  readonly obligation: readonly (ObligationMatch | null)[];
  readonly salaryRule: readonly (string | null)[];
  readonly party: readonly (Counterparty | null)[];
  /** A small number per distinct counterparty key (-1: none), for grouping without strings. */
  readonly partyId: Int32Array;
  readonly partyCount: number;
  /** Counterparty key -> its number in partyId. */
  readonly partyIndex: ReadonlyMap<string, number>;
  /** The counterparty of each number (first spelling seen). */
  readonly parties: readonly Counterparty[];
  /**
   * Transactions grouped by counterparty, each group in date order: the group of party p is
   * byParty[partyStart[p] .. partyStart[p + 1]). Transactions without one are left out.
   */
  readonly byParty: Int32Array;
  readonly partyStart: Int32Array;
  readonly selfWords: Uint8Array;
  /** Every month from the first to the last the account has data for. */
  readonly months: readonly MonthKey[];
}

function orderOf(day: Int32Array): AccountContext['apiOrder'] {
  if (day.length === 0) return 'empty';
  let up = true;
  let down = true;
  for (let i = 1; i < day.length; i++) {
    if (day[i]! < day[i - 1]!) up = false;
    else if (day[i]! > day[i - 1]!) down = false;
  }
  return up ? 'ascending' : down ? 'descending' : 'mixed';
}

function dateOrder(day: Int32Array, apiOrder: AccountContext['apiOrder']): Int32Array {
  const n = day.length;
  const order = new Int32Array(n);
  // Newest first: reversed, so each day's entries keep their running order.
  if (apiOrder === 'descending') for (let i = 0; i < n; i++) order[i] = n - 1 - i;
  else for (let i = 0; i < n; i++) order[i] = i;
  if (apiOrder === 'mixed') order.sort((a, b) => day[a]! - day[b]! || a - b);
  return order;
}

/** A counting sort of the date order by counterparty: linear, and no array per group. */
function partyOrder(
  byDate: Int32Array,
  partyId: Int32Array,
  count: number,
): { byParty: Int32Array; partyStart: Int32Array } {
  const partyStart = new Int32Array(count + 1);
  for (const i of byDate) {
    const p = partyId[i]!;
    if (p >= 0) partyStart[p + 1] = partyStart[p + 1]! + 1;
  }
  for (let p = 0; p < count; p++) partyStart[p + 1] = partyStart[p + 1]! + partyStart[p]!;
  const next = partyStart.slice(0, count);
  const byParty = new Int32Array(partyStart[count]!);
  for (const i of byDate) {
    const p = partyId[i]!;
    if (p >= 0) byParty[next[p]!] = i;
    if (p >= 0) next[p] = next[p]! + 1;
  }
  return { byParty, partyStart };
}

function monthsOf(account: AccountView, txMonths: readonly MonthKey[]): MonthKey[] {
  let first: MonthKey | null = null;
  let last: MonthKey | null = null;
  const see = (m: MonthKey) => {
    if (first === null || m < first) first = m;
    if (last === null || m > last) last = m;
  };
  for (const m of account.details.months) see(m);
  for (const e of account.eod) see(e.month);
  for (const m of account.monthly.months) see(m);
  for (const m of txMonths) see(m);
  for (const { from, to } of statementPeriods(account)) {
    see(monthOf(from));
    see(monthOf(to));
  }
  return first && last ? monthRange(first, last) : [];
}

/**
 * FinBox's `lender_transactions` list names dealings with lenders whoever the lender is:
 * a debit there is a repayment (EMI) and a credit a disbursal, unless it is a return.
 * Entries are matched to the main list by FinBox's hash only.
 */
function markLenderTransactions(
  account: AccountView,
  obligation: (ObligationMatch | null)[],
  bounce: readonly (BounceMatch | null)[],
): void {
  const txs = account.transactions;
  for (const i of classifier.listedByFinBox(account, 'lender_transactions')) {
    const t = txs[i]!;
    if (bounce[i]) continue;
    const kind = t.type === 'debit' ? 'emi' : 'loan_disbursal';
    if (obligation[i]?.kind !== kind) obligation[i] = { kind, rule: 'finbox:lender_transactions' };
  }
  // FinBox's monthly `loan_emi` names EMIs by lender, date and amount: the debit of that
  // date and amount (to the paisa) is an EMI.
  const entries = loanEmiEntries(account);
  if (entries.length === 0) return;
  const wanted = new Set(entries.map((e) => `${e.date}|${toPaise(e.amount)}`));
  const dates = new Set(entries.map((e) => e.date));
  for (const t of txs) {
    if (t.type !== 'debit' || !dates.has(t.date) || bounce[t.index]) continue;
    if (obligation[t.index]?.kind === 'emi') continue;
    if (wanted.has(`${t.date}|${toPaise(t.amount)}`))
      obligation[t.index] = { kind: 'emi', rule: 'finbox:loan_emi' };
  }
}

export function prepareAccount(
  account: AccountView,
  memo: InsightsMemo = new InsightsMemo(),
): AccountContext {
  const txs = account.transactions;
  const n = txs.length;
  const day = new Int32Array(n);
  const paise = new Float64Array(n);
  const credit = new Uint8Array(n);
  const month: MonthKey[] = new Array<MonthKey>(n);
  const cash: (CashKind | null)[] = new Array<CashKind | null>(n);
  const bounce: (BounceMatch | null)[] = new Array<BounceMatch | null>(n);
  const obligation: (ObligationMatch | null)[] = new Array<ObligationMatch | null>(n);
  const salaryRule: (string | null)[] = new Array<string | null>(n);
  const party: (Counterparty | null)[] = new Array<Counterparty | null>(n);
  const partyId = new Int32Array(n);
  const partyIds = new Map<string, number>();
  const parties: Counterparty[] = [];
  const selfWords = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const t = txs[i]!;
    const dated = memo.entry(t.date);
    day[i] = dated.day;
    paise[i] = toPaise(t.amount);
    credit[i] = t.type === 'credit' ? 1 : 0;
    month[i] = dated.month;
    const upper = t.narration.toUpperCase();
    const c = classify(t, upper);
    cash[i] = c.cash;
    bounce[i] = c.bounce;
    obligation[i] = c.obligation;
    salaryRule[i] = c.salaryRule;
    selfWords[i] = c.selfWords ? 1 : 0;
    const p = c.cash
      ? CASH_COUNTERPARTY
      : (counterpartyFromFields(t) ?? counterpartyFromNarration(upper, true));
    if (p) {
      let id = partyIds.get(p.key);
      if (id === undefined) {
        id = parties.length;
        partyIds.set(p.key, id);
        parties.push(p);
      }
      partyId[i] = id;
      // One object per counterparty: the first spelling names it.
      party[i] = parties[id]!;
    } else {
      partyId[i] = -1;
      party[i] = null;
    }
  }
  markLenderTransactions(account, obligation, bounce);
  const apiOrder = orderOf(day);
  const byDate = dateOrder(day, apiOrder);
  const { byParty, partyStart } = partyOrder(byDate, partyId, parties.length);
  const edgeMonths = n > 0 ? [month[byDate[0]!]!, month[byDate[n - 1]!]!] : [];
  return {
    account,
    txs,
    day,
    paise,
    credit,
    month,
    byDate,
    apiOrder,
    cash,
    bounce,
    obligation,
    salaryRule,
    party,
    partyId,
    partyCount: parties.length,
    partyIndex: partyIds,
    parties,
    byParty,
    partyStart,
    selfWords,
    months: monthsOf(account, edgeMonths),
  };
}
