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
