// The shapes the insights produce. Every figure carries the transactions behind it:
// `indices` are positions in the account's `transactions` (TransactionView.index), and
// session-level figures name the account too (TxRef), so a click can list them.
import type { CalendarDate, MonthKey } from '../model/calendar';
import type { MissingRange, TransactionType } from '../model/view-model';
import type { MonthCoverage, MonthlyAverage } from './coverage';
import type { AbbDaySet, CreditPolicy } from './policy';

/** An amount summed in paise, with how many transactions make it and which. */
export interface Tally {
  readonly amount: number;
  readonly count: number;
  readonly indices: readonly number[];
}

/** One transaction singled out (largest credit, the transaction that set a balance). */
export interface TxPick {
  readonly index: number;
  readonly date: CalendarDate;
  readonly amount: number;
}

/** A transaction in another account of the session. */
export interface TxRef {
  readonly accountId: string;
  readonly index: number;
}

// --- Credits and debits -----------------------------------------------------------------

export interface FlowFigures {
  readonly credits: Tally;
  readonly debits: Tally;
  /** Credits minus debits. */
  readonly netFlow: number;
  readonly largestCredit: TxPick | null;
  readonly largestDebit: TxPick | null;
  readonly cashDeposits: Tally;
  readonly cashWithdrawals: Tally;
  /** Cash deposits / credits by amount (0..1); null without credits. */
  readonly cashDepositShare: number | null;
  readonly cashWithdrawalShare: number | null;
}

export interface MonthFlow extends FlowFigures {
  readonly month: MonthKey;
}

export interface FlowInsights {
  readonly months: readonly MonthFlow[];
  readonly period: FlowFigures;
}

// --- Balances ---------------------------------------------------------------------------

/** An end-of-day balance and the transaction whose running balance it is (null: before any). */
export interface DayBalance {
  readonly date: CalendarDate;
  readonly balance: number;
  readonly index: number | null;
}

export interface BalanceStats {
  /** Days with a balance. */
  readonly days: number;
  readonly average: number | null;
  readonly median: number | null;
  readonly min: DayBalance | null;
  readonly max: DayBalance | null;
  /** Days ending below zero. */
  readonly negativeDays: readonly DayBalance[];
  /** Days ending beyond the overdraft limit (below zero when the account has none). */
  readonly overdrawnDays: readonly DayBalance[];
  /** The transactions that set the balances counted (each once). */
  readonly indices: readonly number[];
}

export interface AbbPoint {
  /** Day of month; `last` is the month's last day. */
  readonly day: number | 'last';
  readonly date: CalendarDate;
  readonly balance: DayBalance | null;
}

export interface MonthBalances extends BalanceStats {
  readonly month: MonthKey;
  /** `eod` from the API's EOD series; `transactions` rebuilt from running balances. */
  readonly source: 'eod' | 'transactions' | 'none';
  /** The end-of-day balance of each day (`daily[d - 1]` is day d); null without one. */
  readonly daily: readonly (number | null)[];
  /** The policy's ABB days (5th, 10th, 15th, 20th, 25th and last day by default). */
  readonly abbPoints: readonly AbbPoint[];
  /** Average over the policy's ABB days (days without a balance left out). */
  readonly abb: number | null;
  /** Average over the 5th, 15th and 25th. */
  readonly abbThree: number | null;
}

export interface BalanceInsights {
  readonly months: readonly MonthBalances[];
  readonly period: BalanceStats & {
    /** The months' ABBs averaged as the policy says (see coverage.ts meanOfMonths). */
    readonly abb: number | null;
    readonly abbThree: number | null;
  };
  /** Overdraft limit used for overdrawn days (0 when none). */
  readonly odLimit: number;
  /** Which days made `abb`. */
  readonly abbDays: AbbDaySet;
}

// --- Bounces and penalties --------------------------------------------------------------

export type BounceKind = 'cheque_return' | 'auto_debit_return' | 'bounce_charge' | 'penalty_charge';

export interface BounceItem {
  readonly index: number;
  readonly date: CalendarDate;
  readonly month: MonthKey;
  readonly type: TransactionType;
  readonly amount: number;
  readonly kind: BounceKind;
  /**
   * Inward: the holder's own cheque or mandate came back (the serious kind); outward: a
   * cheque the holder deposited came back. Null when the statement does not say.
   */
  readonly direction: 'inward' | 'outward' | null;
  /** What recognised it: `channel:…`, `description:…` or `narration`. */
  readonly rule: string;
  readonly narration: string;
  /**
   * For a return: the transaction it gives back (the EMI or cheque debit that failed, or
   * the deposited cheque's credit); null when none was found or this is a charge.
   */
  readonly original: number | null;
}

export interface BounceFigures {
  readonly inwardReturns: Tally;
  readonly outwardReturns: Tally;
  /** Returns whose direction the statement does not tell. */
  readonly otherReturns: Tally;
  readonly charges: Tally;
  readonly penalties: Tally;
}

/** Items found in an account, and their figures month by month and over the period. */
export interface ItemsByMonth<Item, Figures> {
  readonly items: readonly Item[];
  readonly months: readonly (Figures & { readonly month: MonthKey })[];
  readonly period: Figures;
}

export type BounceInsights = ItemsByMonth<BounceItem, BounceFigures>;

// --- Obligations ------------------------------------------------------------------------

export type ObligationKind = 'emi' | 'mandate_debit' | 'loan_disbursal';

export interface ObligationItem {
  readonly index: number;
  readonly date: CalendarDate;
  readonly month: MonthKey;
  readonly amount: number;
  readonly kind: ObligationKind;
  readonly counterparty: string | null;
  readonly rule: string;
  readonly narration: string;
  /** For a debit that came back: the return's index (a bounce, not a payment). */
  readonly returnedBy: number | null;
}

export interface ObligationFigures {
  /** EMI and loan debits honoured: presented and not returned. */
  readonly emi: Tally;
  /** EMI and loan debits presented and returned (bounced): the debits, linked to returns. */
  readonly emiBounced: Tally;
  readonly mandateDebits: Tally;
  /** Other mandate debits presented and returned. */
  readonly mandateBounced: Tally;
  readonly loanDisbursals: Tally;
}

export type ObligationInsights = ItemsByMonth<ObligationItem, ObligationFigures>;

export type Cadence = 'weekly' | 'fortnightly' | 'monthly' | 'quarterly';

export interface RecurringSeries {
  readonly counterparty: string;
  readonly type: TransactionType;
  readonly cadence: Cadence;
  /** Median days between payments. */
  readonly intervalDays: number;
  /** Median amount. */
  readonly typicalAmount: number;
  readonly first: CalendarDate;
  readonly last: CalendarDate;
  readonly total: Tally;
}

// --- Salary -----------------------------------------------------------------------------

export interface SalaryMonth {
  readonly month: MonthKey;
  readonly total: Tally;
}

export interface SalaryInsights {
  /**
   * `salary_transactions`: the API's list; `marked`: credits whose channel, description
   * or narration says salary; `recurring`: a regular monthly credit (probable salary);
   * `none`.
   */
  readonly source: 'salary_transactions' | 'marked' | 'recurring' | 'none';
  readonly employers: readonly { readonly name: string; readonly total: Tally }[];
  readonly months: readonly SalaryMonth[];
  readonly total: Tally;
  /** Covered months without salary. */
  readonly missingMonths: readonly MonthKey[];
  readonly averageMonthly: number | null;
  readonly medianMonthly: number | null;
  /** Largest distance of a month's total from the median, as a share of the median. */
  readonly amountVariation: number | null;
  /** Latest minus earliest day of month on which salary arrived. */
  readonly daySpread: number | null;
  readonly regular: boolean;
  /** `salary_transactions` entries whose hash is not among the transactions (not counted). */
  readonly untraced: number;
  /**
   * Credits FinBox's `salary_month` puts in another month than the one they were credited
   * in (counted in the month credited; FinBox's month shown beside).
   */
  readonly finboxMonths: readonly {
    readonly index: number;
    readonly month: MonthKey;
    readonly finboxMonth: MonthKey;
  }[];
}

// --- Counterparties ---------------------------------------------------------------------

/** A payer or payee and what went through them, in one account or across the session. */
export interface CounterpartyShare<Total> {
  readonly name: string;
  readonly key: string;
  readonly total: Total;
  /**
   * Share by amount of the account's credits (payers) or debits (payees); across the
   * session, of its external credits or debits.
   */
  readonly share: number;
}

export type CounterpartyTotal = CounterpartyShare<Tally>;

export interface CounterpartyInsights {
  readonly payers: readonly CounterpartyTotal[];
  readonly payees: readonly CounterpartyTotal[];
  /** Transactions no counterparty could be read from. */
  readonly unnamed: Tally;
}

// --- Integrity --------------------------------------------------------------------------

export interface BalanceBreak {
  readonly index: number;
  readonly previousIndex: number;
  readonly date: CalendarDate;
  /** Previous balance plus this credit or minus this debit. */
  readonly expected: number;
  readonly found: number;
  readonly difference: number;
}

export interface DuplicateGroup {
  readonly indices: readonly number[];
  readonly date: CalendarDate;
  readonly type: TransactionType;
  readonly amount: number;
  readonly narration: string;
  /**
   * Entries of one day and amount that are the same: `hash`, by their hash; `details`, by
   * type, narration, reference and balance.
   */
  readonly reason: 'hash' | 'details';
}

export interface DateGap {
  /** Last date with a transaction before the gap and first after it. */
  readonly from: CalendarDate;
  readonly to: CalendarDate;
  /** Days without transactions in between. */
  readonly days: number;
  readonly beforeIndex: number;
  readonly afterIndex: number;
  /** The `missing_data` range that explains it, if any overlaps. */
  readonly declared: MissingRange | null;
}

export interface MissingRangeCheck {
  readonly range: MissingRange;
  /** Transactions dated inside a range the API says has no coverage. */
  readonly transactionsInside: readonly number[];
}

export interface MonthlyCheck {
  readonly month: MonthKey;
  readonly apiOpening: number | null;
  /** Balance before the month's first transaction. */
  readonly computedOpening: number | null;
  readonly openingIndex: number | null;
  readonly apiClosing: number | null;
  /** Balance after the month's last transaction. */
  readonly computedClosing: number | null;
  readonly closingIndex: number | null;
  /** null when either side is missing. */
  readonly openingMatches: boolean | null;
  readonly closingMatches: boolean | null;
}

export interface IntegrityInsights {
  /** How the API ordered the transactions; the chain is checked in date order. */
  readonly order: 'ascending' | 'descending' | 'mixed' | 'empty';
  /** Consecutive pairs whose balances were compared. */
  readonly checkedLinks: number;
  readonly balanceBreaks: readonly BalanceBreak[];
  readonly duplicates: readonly DuplicateGroup[];
  readonly gaps: readonly DateGap[];
  readonly missingRanges: readonly MissingRangeCheck[];
  /** Covered months (`account_details.months`) without a single transaction. */
  readonly monthsWithoutTransactions: readonly MonthKey[];
  readonly monthly: readonly MonthlyCheck[];
}

// --- Eligible credits -------------------------------------------------------------------

/**
 * Why a credit is not counted as the applicant's income: money moved from the applicant's
 * own account, a loan paid in, a failed debit given back (returns and reversals), a refund,
 * a cash deposit when the credit policy does not count cash, or a reviewer's decision (keys
 * passed in).
 */
export type CreditExclusionReason =
  'own_transfer' | 'loan_disbursal' | 'reversal' | 'refund' | 'cash_deposit' | 'reviewer';

export interface CreditExclusion {
  readonly reason: CreditExclusionReason;
  readonly total: Tally;
}

export interface ExcludedCredit {
  readonly index: number;
  readonly date: CalendarDate;
  readonly amount: number;
  readonly reason: CreditExclusionReason;
  readonly narration: string;
  /** For a reversal: the transaction it gives back, when found. */
  readonly pairedWith: number | null;
}

export interface EligibleMonth {
  readonly month: MonthKey;
  readonly credits: Tally;
  readonly eligible: Tally;
  readonly excluded: Tally;
}

export interface EligibleCredits {
  /** Every credit. */
  readonly credits: Tally;
  /** Credits less every exclusion. */
  readonly eligible: Tally;
  /** One line per reason, in the order of CreditExclusionReason (empty ones included). */
  readonly exclusions: readonly CreditExclusion[];
  /** Each excluded credit with its reason, in date order. */
  readonly items: readonly ExcludedCredit[];
  readonly months: readonly EligibleMonth[];
  /** Eligible credits a month over the months the statements cover; null without any. */
  readonly averageMonthly: number | null;
  /** How `averageMonthly` was divided: months counted and months left out. */
  readonly average: MonthlyAverage;
}

// --- Account and session ----------------------------------------------------------------

export interface AccountInsights {
  readonly accountId: string;
  /** Every month from the first to the last with data, oldest first. */
  readonly months: readonly MonthKey[];
  /** Days of each of `months` the statements cover. */
  readonly coverage: readonly MonthCoverage[];
  /** The credit policy the figures follow. */
  readonly policy: CreditPolicy;
  readonly flows: FlowInsights;
  readonly balances: BalanceInsights;
  readonly bounces: BounceInsights;
  readonly obligations: ObligationInsights;
  readonly recurring: readonly RecurringSeries[];
  readonly salary: SalaryInsights;
  readonly counterparties: CounterpartyInsights;
  readonly integrity: IntegrityInsights;
  readonly eligible: EligibleCredits;
}

export interface OwnTransfer {
  readonly from: TxRef;
  readonly to: TxRef;
  readonly amount: number;
  readonly fromDate: CalendarDate;
  readonly toDate: CalendarDate;
  readonly dayGap: number;
  /** What supports it beyond amount and date: `self-words`, `account-number`, `holder-name`. */
  readonly evidence: readonly string[];
}

export interface CircularFlow {
  /** The earlier leg: money out to the party (or in from it) ... */
  readonly first: TxRef;
  /** ... and the later leg in the other direction. */
  readonly second: TxRef;
  readonly firstType: TransactionType;
  readonly counterparty: string;
  readonly firstAmount: number;
  readonly secondAmount: number;
  readonly days: number;
  /** `counterparty`: out to a party and back from it; `own-accounts`: A to B and back to A. */
  readonly via: 'counterparty' | 'own-accounts';
}

/** A session-level amount: transactions from several accounts, listed per account. */
export interface SessionTally {
  readonly amount: number;
  readonly count: number;
  readonly byAccount: readonly {
    readonly accountId: string;
    readonly indices: readonly number[];
  }[];
}

export interface SessionMonthFlow {
  readonly month: MonthKey;
  readonly credits: SessionTally;
  readonly debits: SessionTally;
  /** Credits and debits that are legs of own-account transfers. */
  readonly ownTransferCredits: SessionTally;
  readonly ownTransferDebits: SessionTally;
  /** Credits and debits with the own-account transfers taken out. */
  readonly externalCredits: SessionTally;
  readonly externalDebits: SessionTally;
}

export type SessionCounterparty = CounterpartyShare<SessionTally>;

export interface SessionInsights {
  readonly sessionId: string;
  readonly accounts: readonly AccountInsights[];
  readonly ownTransfers: readonly OwnTransfer[];
  readonly circularFlows: readonly CircularFlow[];
  /** Months across all accounts, oldest first. */
  readonly months: readonly SessionMonthFlow[];
  /** Over all accounts, own-account transfers left out. */
  readonly topPayers: readonly SessionCounterparty[];
  readonly topPayees: readonly SessionCounterparty[];
}
