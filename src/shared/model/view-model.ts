// The one shape the UI, the exporter and the insights read: the two API responses
// normalised into accounts with typed details, calendar dates, `YYYY-MM` months, EOD
// series by day number and fraud items linked to their transactions.
import type { DataEndpoint } from '../api/endpoints';
import type { CalendarDate, MonthKey } from './calendar';
import type { UnreadableItem } from './unreadable';

export type { UnreadableItem };

export type TransactionType = 'debit' | 'credit';

export interface TransactionView {
  /** Position in the account's transaction list as the API ordered it. */
  readonly index: number;
  readonly accountId: string;
  readonly date: CalendarDate;
  readonly type: TransactionType;
  /** Positive, as the API gives it. */
  readonly amount: number;
  /** Running balance after the transaction; null when the API sent none. */
  readonly balance: number | null;
  readonly narration: string;
  /** `chq_num`: cheque number or UPI/IMPS reference. */
  readonly ref: string;
  readonly channel: string;
  readonly category: string;
  readonly description: string;
  /** FinBox's `hash`, or a derived id when the API sent none (see transaction-id.ts). */
  readonly hash: string;
  /** True when `hash` is derived, not FinBox's. */
  readonly hashDerived: boolean;
  readonly statementId: string | null;
  /** Fraud types of the fraud items naming this transaction's hash. */
  readonly fraudTypes: readonly string[];
  /** Every other non-null field the API sent, under the API's own names. */
  readonly extra: Readonly<Record<string, unknown>>;
}

export interface MissingRange {
  readonly from: CalendarDate;
  readonly to: CalendarDate;
}

export interface AccountDetailsView {
  readonly accountId: string;
  readonly accountNumber: string | null;
  readonly bank: string | null;
  readonly category: string | null;
  readonly ifsc: string | null;
  readonly micr: string | null;
  readonly openingDate: CalendarDate | null;
  /** Parsed from the API's strings; null when absent or not a number. */
  readonly creditLimit: number | null;
  readonly odLimit: number | null;
  readonly currency: string | null;
  readonly countryCode: string | null;
  readonly salaryConfidence: number | string | null;
  readonly statements: readonly string[];
  readonly months: readonly MonthKey[];
  readonly missingData: readonly MissingRange[];
  /** Holder name: `account_details.name`, else predictors' `customer_name`. */
  readonly holderName: string | null;
  readonly address: string | null;
  /** Personal data: shown masked until asked. */
  readonly pan: string | null;
  readonly phone: string | null;
  readonly email: string | null;
  readonly dob: string | null;
  readonly accountStatus: string | null;
  readonly holderType: string | null;
  /** Every `account_details` entry exactly as sent (the API sends an array). */
  readonly raw: readonly Readonly<Record<string, unknown>>[];
}

export interface MonthlyAnalysisView {
  /** Oldest to newest. */
  readonly months: readonly MonthKey[];
  /** Metric names in the order the API sent them. */
  readonly metrics: readonly string[];
  /** metric -> month -> value (number, or text when the API sent text). */
  readonly values: Readonly<Record<string, Readonly<Record<MonthKey, number | string | null>>>>;
}

export interface EodMonthView {
  readonly month: MonthKey;
  /** The API's label, e.g. `Oct-23`. */
  readonly label: string;
  readonly startDate: CalendarDate | null;
  /** balances[d - 1] is the end-of-day balance on day d; null where the API has none. */
  readonly balances: readonly (number | null)[];
}

export interface TopEntryView {
  readonly month: MonthKey;
  readonly type: TransactionType;
  /** 1 = largest. */
  readonly rank: number;
  readonly narration: string;
  readonly amount: number | null;
  /** Sent by the Insights list form (its entries are transactions); null otherwise. */
  readonly date: CalendarDate | null;
}

export interface FraudItemView {
  readonly fraudType: string;
  readonly category: string | null;
  readonly statementId: string | null;
  readonly accountId: string | null;
  /** `statement` when a statement id is given, else `account`. */
  readonly scope: 'statement' | 'account';
  readonly transactionHash: string | null;
  /** Index into the account's transactions, or null when not implicated / not found. */
  readonly transactionIndex: number | null;
  /** True when a hash is given but no transaction in this response carries it. */
  readonly unresolved: boolean;
  /** Extra fields such as `previous_date`, `current_date`. */
  readonly extra: Readonly<Record<string, unknown>>;
}

export interface PredictorsView {
  /** Keys that are not per-month, in API order. */
  readonly scalars: readonly { readonly key: string; readonly value: unknown }[];
  /** `month_0`, `month_1`, ... labels as sent (null where the API has null). */
  readonly months: readonly (string | null)[];
  /** Per-month fields (`expense_N` -> `expense`), values indexed like `months`. */
  readonly series: readonly { readonly field: string; readonly values: readonly unknown[] }[];
}

export type StatusTone = 'completed' | 'failed' | 'processing' | 'unknown';

export interface StatementStatusView {
  readonly statementId: string;
  readonly status: string | null;
  readonly tone: StatusTone;
  readonly errorCode: string | null;
  /** The API's message, else the documented one for the code. */
  readonly message: string | null;
  readonly source: string | null;
  readonly createdAt: string | null;
  readonly uploadFileName: string | null;
  /** `statement_date_range` (`DD/MM/YYYY`), read into dates where it can be. */
  readonly dateRange: {
    readonly from: CalendarDate | null;
    readonly to: CalendarDate | null;
  } | null;
}

export interface AccountStatusView {
  readonly accountId: string;
  readonly bankName: string | null;
  readonly accountNumber: string | null;
  readonly status: string | null;
  readonly tone: StatusTone;
  readonly errorCode: string | null;
  readonly message: string | null;
  readonly createdAt: string | null;
  readonly lastUpdatedAt: string | null;
  readonly statements: readonly StatementStatusView[];
  /** session_status extras (newer API): holder name, category, type, full bank name. */
  readonly name: string | null;
  readonly accountCategory: string | null;
  readonly accountType: string | null;
  readonly fullBankName: string | null;
  /** `attempt_types`: how the data came, e.g. ["PDF"], ["AA"]. */
  readonly attemptTypes: readonly string[];
}

export interface SessionStatusView {
  readonly sessionId: string;
  readonly accounts: readonly AccountStatusView[];
  /** False when an account was rejected; null when not sent. */
  readonly insightsAvailable: boolean | null;
}

export interface AccountTotals {
  readonly credits: number;
  readonly debits: number;
  readonly creditCount: number;
  readonly debitCount: number;
}

export interface AccountView {
  readonly accountId: string;
  readonly details: AccountDetailsView;
  readonly transactions: readonly TransactionView[];
  readonly salaryTransactions: readonly TransactionView[];
  readonly monthly: MonthlyAnalysisView;
  /** Oldest to newest, following `Months_order`. */
  readonly eod: readonly EodMonthView[];
  readonly topCreditsDebits: readonly TopEntryView[];
  readonly fraudulentStatements: readonly string[];
  readonly fraudItems: readonly FraudItemView[];
  readonly predictors: PredictorsView;
  readonly totals: AccountTotals;
  /** This account's entry in `session_status`, when that response was given. */
  readonly status: AccountStatusView | null;
  readonly recurring: RecurringView;
  readonly statementStats: readonly StatementStatView[];
  readonly expenseCategories: readonly ExpenseCategoryView[];
  /** BankConnect score (300-900), when sent. */
  readonly score: number | null;
  /** Other flat transaction lists FinBox sends (`lender_transactions`, ...), by their key. */
  readonly transactionSets: readonly TransactionSetView[];
  /** Presigned links to FinBox's own report (valid one hour), when sent. */
  readonly reportUrls: { readonly xlsx: string | null; readonly xml: string | null };
  /** Everything else the account block held, under its JSON path: nothing is dropped. */
  readonly other: readonly OtherDataItem[];
}

export interface RecurringSetView {
  readonly counterparty: string;
  readonly channel: string;
  readonly median: number | null;
  readonly startDate: CalendarDate | null;
  readonly endDate: CalendarDate | null;
  readonly transactions: readonly TransactionView[];
}

export interface RecurringView {
  readonly debit: readonly RecurringSetView[];
  readonly credit: readonly RecurringSetView[];
}

export interface StatementStatView {
  readonly statementId: string | null;
  /** `PDF` or `AA`. */
  readonly source: string | null;
  readonly pageCount: number | null;
  readonly transactionCount: number | null;
  readonly scannedPdf: boolean | null;
}

export interface ExpenseCategoryView {
  readonly category: string;
  /** Whole percent, as sent. */
  readonly percent: number;
}

export interface TransactionSetView {
  readonly key: string;
  readonly transactions: readonly TransactionView[];
}

/** A part of the response no screen has a place for, kept under its JSON path. */
export interface OtherDataItem {
  readonly path: string;
  readonly key: string;
  readonly value: unknown;
}

export interface SessionView {
  readonly sessionId: string;
  readonly accounts: readonly AccountView[];
  /** Null when only the data response was given. */
  readonly status: SessionStatusView | null;
  /** Which endpoint's shape the data response had; null when there was no data. */
  readonly dataShape: DataEndpoint | null;
  /** Contract 2: items that could not be read with one meaning, set aside. */
  readonly unreadable: readonly UnreadableItem[];
  /** Top-level parts of the data response no screen has a place for. */
  readonly other: readonly OtherDataItem[];
  /** `aggregate_xlsx_report_url`, when sent. */
  readonly aggregateReportUrl: string | null;
}
