// Runtime schemas for the two BankConnect responses, exactly as the reference page
// documents them. Objects are loose: fields we do not know are kept, not dropped. No
// schema transforms or defaults anything, so a validated value is the received JSON
// itself and callers need not keep a second copy.
import { z } from 'zod';

const nullableString = z.string().nullable();
const optionalNullableString = nullableString.optional();

/** `YYYY-MM-DD HH:MM:SS`, as the API sends transaction dates. */
export const API_DATE_TIME = /^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}:\d{2})?$/;

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

export const transactionSchema = z.looseObject({
  transaction_type: z.enum(['debit', 'credit']),
  transaction_note: z.string().nullable(),
  chq_num: optionalNullableString,
  amount: z.number(),
  balance: z.number().nullable(),
  date: z.string().regex(API_DATE_TIME, 'a date as YYYY-MM-DD HH:MM:SS'),
  transaction_channel: optionalNullableString,
  hash: z.string(),
  merchant_category: optionalNullableString,
  description: optionalNullableString,
  category: optionalNullableString,
  statement_id: optionalNullableString,
  account_id: optionalNullableString,
  // The API's own spelling, kept as is.
  reciever_account_number: optionalNullableString,
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
  transactions: z.array(transactionSchema).nullable().optional(),
  salary_transactions: z.array(transactionSchema).nullable().optional(),
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
// zod checks an object in microseconds, which is seconds for 200,000 transactions. The
// document around them is small and still checked by zod (the "shell" schemas below);
// the transactions are checked by isApiTransaction, transactionSchema written out as one
// plain function. It may only be stricter than the schema, never looser (a unit test
// compares the two): whatever it refuses is checked again by the full schema, which then
// decides and names the place.

const unknownList = z.array(z.unknown()).nullable().optional();

export const accountBlockShellSchema = accountBlockSchema.extend({
  transactions: unknownList,
  salary_transactions: unknownList,
});

export const subscribedDataShellSchema = z.looseObject({
  session_id: z.string(),
  accounts: z.record(z.string(), accountBlockShellSchema),
});

function isOptionalNullableString(value: unknown): boolean {
  return value === undefined || value === null || typeof value === 'string';
}

/** Exactly transactionSchema's test, or stricter. */
export function isApiTransaction(value: unknown): value is ApiTransaction {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const t = value as Record<string, unknown>;
  const note = t['transaction_note'];
  const balance = t['balance'];
  const date = t['date'];
  const amount = t['amount'];
  return (
    (t['transaction_type'] === 'debit' || t['transaction_type'] === 'credit') &&
    (typeof note === 'string' || note === null) &&
    typeof amount === 'number' &&
    Number.isFinite(amount) &&
    (balance === null || (typeof balance === 'number' && Number.isFinite(balance))) &&
    typeof date === 'string' &&
    API_DATE_TIME.test(date) &&
    typeof t['hash'] === 'string' &&
    isOptionalNullableString(t['chq_num']) &&
    isOptionalNullableString(t['transaction_channel']) &&
    isOptionalNullableString(t['merchant_category']) &&
    isOptionalNullableString(t['description']) &&
    isOptionalNullableString(t['category']) &&
    isOptionalNullableString(t['statement_id']) &&
    isOptionalNullableString(t['account_id']) &&
    isOptionalNullableString(t['reciever_account_number'])
  );
}

function listIsValid(list: unknown): boolean {
  if (!Array.isArray(list)) return true; // null or absent: the shell schema checked it
  for (let i = 0; i < list.length; i++) if (!isApiTransaction(list[i])) return false;
  return true;
}

/**
 * True when `value` is certainly a valid subscribed_data response, checked in a fraction
 * of the full schema's time; false means "ask the full schema", not "invalid".
 */
export function isSubscribedDataFast(value: unknown): value is SubscribedDataResponse {
  if (!subscribedDataShellSchema.safeParse(value).success) return false;
  const accounts = (value as { accounts: Record<string, Record<string, unknown>> }).accounts;
  for (const id in accounts) {
    const block = accounts[id]!;
    if (!listIsValid(block['transactions']) || !listIsValid(block['salary_transactions'])) {
      return false;
    }
  }
  return true;
}

export type StatementStatus = z.infer<typeof statementStatusSchema>;
export type AccountStatus = z.infer<typeof accountStatusSchema>;
export type SessionStatusResponse = z.infer<typeof sessionStatusSchema>;
export type ApiErrorBody = z.infer<typeof apiErrorBodySchema>;
export type AccountDetails = z.infer<typeof accountDetailsSchema>;
export type ApiTransaction = z.infer<typeof transactionSchema>;
export type FraudItem = z.infer<typeof fraudItemSchema>;
export type FraudBlock = z.infer<typeof fraudSchema>;
export type TopCreditsDebits = z.infer<typeof topCreditsDebitsSchema>;
export type MonthlyAnalysis = z.infer<typeof monthlyAnalysisSchema>;
export type Predictors = z.infer<typeof predictorsSchema>;
export type PredictorValue = z.infer<typeof predictorValueSchema>;
export type EodBalances = z.infer<typeof eodBalancesSchema>;
export type AccountBlock = z.infer<typeof accountBlockSchema>;
export type SubscribedDataResponse = z.infer<typeof subscribedDataSchema>;
