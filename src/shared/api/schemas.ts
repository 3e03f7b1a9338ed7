// Runtime schemas for the BankConnect responses: as the reference page documents them and
// in the variants real responses carry (bankconnect-real-responses.md). Objects are loose: fields we do not know are kept, not dropped. No
// schema transforms or defaults anything, so a validated value is the received JSON
// itself and callers need not keep a second copy.
import { z } from 'zod';
import { readApiDate } from '../model/calendar';

const nullableString = z.string().nullable();
const optionalNullableString = nullableString.optional();

/**
 * A number as FinBox may send it in text (`"59.0"`, `"-404202.41"`, `"0"`): plain decimal
 * digits, exact to the paisa (digits past the second decimal may only be zeros).
 */
export const NUMBER_TEXT = /^\s*[+-]?\d+(?:\.\d{1,2}0*)?\s*$/;

/** An amount or balance: a JSON number, or a number in text. */
export const amountSchema = z.union([z.number(), z.string().regex(NUMBER_TEXT, 'a number')]);

const DATE_FORMATS =
  'a date as YYYY-MM-DD HH:MM:SS (or YYYY-MM-DD, ISO 8601, DD-Mon-YY, DD/MM/YYYY)';

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

export const missingDataSchema = z.looseObject({
  from_date: z.string(),
  to_date: z.string(),
});

export const accountDetailsSchema = z.looseObject({
  account_category: optionalNullableString,
  account_id: z.string(),
  account_number: optionalNullableString,
  account_opening_date: optionalNullableString,
  bank: optionalNullableString,
  // Strings in the API, although they hold numbers.
  credit_limit: z.union([z.string(), z.number()]).nullable().optional(),
  od_limit: z.union([z.string(), z.number()]).nullable().optional(),
  ifsc: optionalNullableString,
  micr: optionalNullableString,
  missing_data: z.array(missingDataSchema).nullable().optional(),
  salary_confidence: z.union([z.number(), z.string()]).nullable().optional(),
  statements: z.array(z.string()).nullable().optional(),
  months: z.array(z.string()).nullable().optional(),
  country_code: optionalNullableString,
  currency_code: optionalNullableString,
});

/** A transaction's optional text fields, the same on the reference page and in real answers. */
const transactionTextFields = {
  transaction_channel: optionalNullableString,
  merchant_category: optionalNullableString,
  description: optionalNullableString,
  category: optionalNullableString,
  statement_id: optionalNullableString,
  account_id: optionalNullableString,
  // The API's own spelling, kept as is.
  reciever_account_number: optionalNullableString,
};

/** A transaction exactly as the reference page shows one (what the sandbox generates). */
export const documentedTransactionSchema = z.looseObject({
  transaction_type: z.enum(['debit', 'credit']),
  transaction_note: z.string().nullable(),
  chq_num: optionalNullableString,
  amount: z.number(),
  balance: z.number().nullable(),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}:\d{2})?$/, 'a date as YYYY-MM-DD HH:MM:SS'),
  hash: z.string(),
  ...transactionTextFields,
});

const transactionMetadataSchema = z.looseObject({
  transaction_channel: optionalNullableString,
  description: optionalNullableString,
  unclean_merchant: optionalNullableString,
});

/**
 * A transaction in every form FinBox sends one: amounts and balances as numbers or numeric
 * text, a missing balance, any FinBox date format, `chq_num` as text or a whole number,
 * the channel flat or inside `metadata`, no hash (a derived id stands in). A transaction
 * this schema refuses cannot be read with one meaning and is set aside.
 */
export const transactionSchema = z.looseObject({
  transaction_type: z.string().regex(/^(debit|credit)$/i, 'debit or credit'),
  transaction_note: optionalNullableString,
  chq_num: z.union([z.string(), z.int()]).nullable().optional(),
  amount: amountSchema,
  balance: amountSchema.nullable().optional(),
  date: z.string().refine((d) => readApiDate(d) !== null, DATE_FORMATS),
  hash: optionalNullableString,
  ...transactionTextFields,
  metadata: transactionMetadataSchema.nullable().optional(),
});

export const fraudItemSchema = z.looseObject({
  statement_id: optionalNullableString,
  fraud_type: z.string(),
  account_id: optionalNullableString,
  transaction_hash: optionalNullableString,
  fraud_category: optionalNullableString,
});

export const fraudSchema = z.looseObject({
  fraudulent_statements: z.array(z.string()).nullable().optional(),
  fraud_type: z.array(fraudItemSchema).nullable().optional(),
});

const narrationAmounts = z.record(z.string(), z.number().nullable());

export const topCreditsDebitsSchema = z.looseObject({
  top_5_debit: z.record(z.string(), narrationAmounts).optional(),
  top_5_credit: z.record(z.string(), narrationAmounts).optional(),
});

/** `{metric: {"Oct-2023": value}}` */
export const monthlyAnalysisSchema = z.record(
  z.string(),
  z.record(z.string(), z.union([z.number(), z.string(), z.null()])),
);

export const predictorValueSchema = z.union([z.number(), z.string(), z.boolean(), z.null()]);
export const predictorsSchema = z.record(z.string(), predictorValueSchema);

/** `Months_order`, `start_date`, then one array of daily balances per month label. */
export const eodBalancesSchema = z
  .object({
    Months_order: z.array(z.string()),
    start_date: z.array(z.string().nullable()).nullable().optional(),
  })
  .catchall(z.array(z.number().nullable()));

export const accountBlockSchema = z.looseObject({
  account_details: z.array(accountDetailsSchema),
  fraud: fraudSchema.nullable().optional(),
  transactions: z.array(documentedTransactionSchema).nullable().optional(),
  salary_transactions: z.array(documentedTransactionSchema).nullable().optional(),
  top_credits_debits: topCreditsDebitsSchema.nullable().optional(),
  monthly_analysis: monthlyAnalysisSchema.nullable().optional(),
  predictors: predictorsSchema.nullable().optional(),
  eod_balances: eodBalancesSchema.nullable().optional(),
});

export const subscribedDataSchema = z.looseObject({
  session_id: z.string(),
  accounts: z.record(z.string(), accountBlockSchema),
});

// ---- the fast path for large responses ------------------------------------------------
// zod checks an object in microseconds, which is seconds for 200,000 transactions.
// isApiTransaction is transactionSchema written out as one plain function, with exactly its
// verdict (a unit test compares the two on every field swapped for every kind of value).
// Only a transaction it refuses is checked again by the schema, to name the place and the
// reason it is set aside.

function isOptionalNullableString(value: unknown): boolean {
  return value === undefined || value === null || typeof value === 'string';
}

function isAmount(value: unknown): boolean {
  return (
    (typeof value === 'number' && Number.isFinite(value)) ||
    (typeof value === 'string' && NUMBER_TEXT.test(value))
  );
}

const TYPE = /^(debit|credit)$/i;

/** Exactly transactionSchema's test. */
export function isApiTransaction(value: unknown): value is ReadableTransaction {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const t = value as Record<string, unknown>;
  const type = t['transaction_type'];
  const balance = t['balance'];
  const date = t['date'];
  const chq = t['chq_num'];
  const metadata = t['metadata'];
  return (
    typeof type === 'string' &&
    TYPE.test(type) &&
    isOptionalNullableString(t['transaction_note']) &&
    isAmount(t['amount']) &&
    (balance === undefined || balance === null || isAmount(balance)) &&
    typeof date === 'string' &&
    readApiDate(date) !== null &&
    isOptionalNullableString(t['hash']) &&
    (isOptionalNullableString(chq) || Number.isSafeInteger(chq)) &&
    isOptionalNullableString(t['transaction_channel']) &&
    isOptionalNullableString(t['merchant_category']) &&
    isOptionalNullableString(t['description']) &&
    isOptionalNullableString(t['category']) &&
    isOptionalNullableString(t['statement_id']) &&
    isOptionalNullableString(t['account_id']) &&
    isOptionalNullableString(t['reciever_account_number']) &&
    (metadata === undefined || metadata === null || isMetadata(metadata))
  );
}

function isMetadata(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const m = value as Record<string, unknown>;
  return (
    isOptionalNullableString(m['transaction_channel']) &&
    isOptionalNullableString(m['description']) &&
    isOptionalNullableString(m['unclean_merchant'])
  );
}

export type SessionStatusResponse = z.infer<typeof sessionStatusSchema>;
/** The documented form (the sandbox's). */
export type ApiTransaction = z.infer<typeof documentedTransactionSchema>;
/** Any form a transaction is read in. */
export type ReadableTransaction = z.infer<typeof transactionSchema>;
export type Predictors = z.infer<typeof predictorsSchema>;
export type AccountBlock = z.infer<typeof accountBlockSchema>;
export type SubscribedDataResponse = z.infer<typeof subscribedDataSchema>;
