// The BankConnect responses: as the reference page documents them and in the variants real
// responses carry (bankconnect-real-responses.md). The session_status response and an
// error body are checked whole by their zod schemas (parse.ts, the client); the data
// response is read part by part, and its types below are the definition. Objects are
// loose: fields we do not know are kept, not dropped. No schema transforms or defaults
// anything, so a validated value is the received JSON itself.
import { z } from 'zod';

const nullableString = z.string().nullable();
const optionalNullableString = nullableString.optional();

/**
 * A number as FinBox may send it in text (`"59.0"`, `"-404202.41"`, `"0"`): plain decimal
 * digits, exact to the paisa (digits past the second decimal may only be zeros).
 */
export const NUMBER_TEXT = /^\s*[+-]?\d+(?:\.\d{1,2}0*)?\s*$/;

export const statementStatusSchema = z.looseObject({
  statement_id: z.string(),
  statement_status: nullableString,
  error_code: optionalNullableString,
  error_message: optionalNullableString,
  source: optionalNullableString,
  created_at: optionalNullableString,
});

export const accountStatusSchema = z.looseObject({
  bank_name: optionalNullableString,
  account_number: optionalNullableString,
  account_id: z.string(),
  account_status: nullableString,
  error_code: optionalNullableString,
  error_message: optionalNullableString,
  created_at: optionalNullableString,
  last_updated_at: optionalNullableString,
  statements: z.array(statementStatusSchema).nullable().optional(),
});

export const sessionStatusSchema = z.looseObject({
  session_id: z.string(),
  accounts: z.array(accountStatusSchema),
});

export const apiErrorBodySchema = z.object({
  error: z.looseObject({ code: z.string(), message: z.string().nullable().optional() }),
});

// ---- the data response: its types are the definition --------------------------------
// normalizeSession (model/blocks/*, model/read-transactions.ts) reads it part by part
// and sets aside what it cannot read; these types say what it reads. Fields we do not know
// are kept (every object is read loosely).

type Loose = { [key: string]: unknown };
type Text = string | null | undefined;

export interface MissingData extends Loose {
  from_date: string;
  to_date: string;
}

export interface AccountDetails extends Loose {
  account_category?: Text;
  account_id: string;
  account_number?: Text;
  account_opening_date?: Text;
  bank?: Text;
  // Strings in the API, although they hold numbers.
  credit_limit?: string | number | null | undefined;
  od_limit?: string | number | null | undefined;
  ifsc?: Text;
  micr?: Text;
  missing_data?: MissingData[] | null | undefined;
  salary_confidence?: number | string | null | undefined;
  statements?: string[] | null | undefined;
  months?: string[] | null | undefined;
  country_code?: Text;
  currency_code?: Text;
}

/** A transaction's optional text fields, the same on the reference page and in real answers. */
interface TransactionTextFields {
  transaction_channel?: Text;
  merchant_category?: Text;
  description?: Text;
  category?: Text;
  statement_id?: Text;
  account_id?: Text;
  // The API's own spelling, kept as is.
  reciever_account_number?: Text;
}

/** A transaction exactly as the reference page shows one (what the sandbox generates). */
export interface ApiTransaction extends Loose, TransactionTextFields {
  transaction_type: 'debit' | 'credit';
  transaction_note: string | null;
  chq_num?: Text;
  amount: number;
  balance: number | null;
  /** YYYY-MM-DD HH:MM:SS */
  date: string;
  hash: string;
}

/**
 * A transaction in every form FinBox sends one (model/read-transactions.ts checks each):
 * amounts and balances as numbers or numeric text, a missing balance, any FinBox date
 * format, `chq_num` as text or a whole number, the channel flat or inside `metadata`, no
 * hash (a derived id stands in).
 */
export interface ReadableTransaction extends Loose, TransactionTextFields {
  transaction_type: string;
  transaction_note?: Text;
  chq_num?: string | number | null | undefined;
  amount: number | string;
  balance?: number | string | null | undefined;
  date: string;
  hash?: Text;
  metadata?:
    | (Loose & { transaction_channel?: Text; description?: Text; unclean_merchant?: Text })
    | null
    | undefined;
}

export interface FraudItem extends Loose {
  statement_id?: Text;
  fraud_type: string;
  account_id?: Text;
  transaction_hash?: Text;
  fraud_category?: Text;
}

export interface Fraud extends Loose {
  fraudulent_statements?: string[] | null | undefined;
  fraud_type?: FraudItem[] | null | undefined;
}

type NarrationAmounts = Record<string, number | null>;
export interface TopCreditsDebits extends Loose {
  top_5_debit?: Record<string, NarrationAmounts> | undefined;
  top_5_credit?: Record<string, NarrationAmounts> | undefined;
}

/** `{metric: {"Oct-2023": value}}` */
export type MonthlyAnalysis = Record<string, Record<string, number | string | null>>;

export type PredictorValue = number | string | boolean | null;
export type Predictors = Record<string, PredictorValue>;

/** `Months_order`, `start_date`, then one array of daily balances per month label. */
export type EodBalances = {
  Months_order: string[];
  start_date?: (string | null)[] | null | undefined;
} & { [month: string]: (number | null)[] };

export interface AccountBlock extends Loose {
  account_details: AccountDetails[];
  fraud?: Fraud | null | undefined;
  transactions?: ApiTransaction[] | null | undefined;
  salary_transactions?: ApiTransaction[] | null | undefined;
  top_credits_debits?: TopCreditsDebits | null | undefined;
  monthly_analysis?: MonthlyAnalysis | null | undefined;
  predictors?: Predictors | null | undefined;
  eod_balances?: EodBalances | null | undefined;
}

/** The subscribed_data response as the reference page documents it. */
export interface SubscribedDataResponse extends Loose {
  session_id: string;
  accounts: Record<string, AccountBlock>;
}

export type SessionStatusResponse = z.infer<typeof sessionStatusSchema>;
