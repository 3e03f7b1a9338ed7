// The documented codes and messages of the "Fetching Data" page, in one place so the
// client, the sandbox, the CLI, the exporter and the UI all say the same thing.

export interface ApiErrorSpec {
  readonly message: string;
  readonly httpStatus: number;
}

export const API_ERRORS = {
  SESSION_NOT_FOUND: { message: 'The provided session ID is invalid', httpStatus: 404 },
  PROCESSING_NOT_REQUESTED: {
    message: 'Cannot proceed as the processing has not been requested yet',
    httpStatus: 400,
  },
  SESSION_DELETED: { message: 'The provided session ID has been deleted', httpStatus: 410 },
  ACCESS_DENIED: { message: 'Authentication credentials were not provided', httpStatus: 403 },
  PROCESSING_NOT_COMPLETED: {
    message: 'The processing for this session is currently in progress',
    httpStatus: 400,
  },
} as const satisfies Record<string, ApiErrorSpec>;

export type ApiErrorCode = keyof typeof API_ERRORS;

export const ACCOUNT_ERRORS: Readonly<Record<string, string>> = {
  MISSING_TRANSACTIONS: 'One or more transactions are missing in the specified date range',
  INCOMPLETE_MONTHS:
    'Insufficient data to generate report. There are no transactions for Nov 2023, Dec 2023',
  NULL_ACCOUNT_NUMBER: 'Account number is unavailable or unidentified',
  BALANCE_MISMATCH: 'Calculated transaction balance does not match',
  INCOMPLETE_MONTHS_UPLOAD:
    'Statement(s) uploaded contain incomplete months. Missing data present for Nov 2023, Dec 2023',
  INCOMPLETE_DATES_UPLOAD:
    'Statement(s) uploaded contain incomplete dates. Missing dates present for {}',
};

export const STATEMENT_ERRORS: Readonly<Record<string, string>> = {
  PASSWORD_INCORRECT: 'The provided password is incorrect',
  BANK_NAME_MISMATCH: "The bank name in the statement doesn't match the selected bank",
  STATEMENT_UNSUPPORTED_FORMAT: 'The statement format is not supported',
  STATEMENT_DUPLICATE: 'A duplicate statement has been detected',
  NULL_ACCOUNT_NUMBER: 'Account number is unavailable or unidentified',
  STATEMENT_TOO_MANY_PAGES: 'The statement exceeds the allowed page limit',
  NO_TRANSACTIONS_FROM_AA: 'Not able to fetch transactions from Account Aggregator',
  PDF_IS_IMAGE: 'Scanned images are not supported',
  EXTRACTION_FAILED: 'Failed to extract information from the statement',
  OUT_OF_DATE_RANGE: 'The statement uploaded is beyond the specified date range',
  STATEMENT_NO_TRANSACTIONS: 'No transactions were identified in the uploaded statement',
  BANK_NAME_UNDETECTED: 'Bank name could not be identified',
};

export function isApiErrorCode(code: string): code is ApiErrorCode {
  return Object.hasOwn(API_ERRORS, code);
}

/**
 * The message to show for an account or statement code: the API's own message when it
 * sent one (it may carry specifics such as the months), else the documented one, else
 * the code itself so an unknown code is still visible.
 */
export function describeStatusCode(
  scope: 'account' | 'statement',
  code: string | null | undefined,
  apiMessage: string | null | undefined,
): string | null {
  if (apiMessage) return apiMessage;
  if (!code) return null;
  const table = scope === 'account' ? ACCOUNT_ERRORS : STATEMENT_ERRORS;
  return table[code] ?? ACCOUNT_ERRORS[code] ?? STATEMENT_ERRORS[code] ?? code;
}
