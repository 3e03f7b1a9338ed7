// `demo-failed`: every account and statement error code of the reference page's tables,
// spread over six accounts. Two accounts still carry data (as the live service sends what
// it could extract); the others failed before any data existed.
import { ACCOUNT_ERRORS, STATEMENT_ERRORS } from '@shared/api/error-codes';
import type { SessionStatusResponse } from '@shared/api/schemas';
import { generateSession, type GeneratedSession } from './generator';
import type { SessionPlan } from './plan';
import { Random } from './random';

const PLAN: SessionPlan = {
  seed: 'demo-failed',
  sessionId: 'demo-failed',
  accounts: [
    {
      holder: 'MEENA TRADERS',
      category: 'corporate',
      bank: 'kotak',
      accountNumber: '8012345678',
      ifsc: 'KKBK0000801',
      micr: null,
      kind: 'business',
      firstDate: '2024-04-01',
      lastDate: '2024-06-30',
      everyday: 120,
      openingBalance: 85_000,
      odLimit: 0,
      statements: 3,
    },
    {
      holder: 'SUNIL MEENA',
      category: 'individual',
      bank: 'axis',
      accountNumber: '921010012345678',
      ifsc: 'UTIB0000921',
      micr: null,
      kind: 'salaried',
      firstDate: '2024-03-01',
      lastDate: '2024-08-31',
      everyday: 90,
      openingBalance: 12_000,
      statements: 2,
    },
  ],
};

interface StatementSpec {
  readonly code: string | null;
  /** False: send error_message null, as the service sometimes does. */
  readonly withMessage?: boolean;
}

interface FailedAccountSpec {
  readonly bank: string;
  readonly accountNumber: string | null;
  readonly code: string;
  readonly message?: string;
  readonly statements: readonly StatementSpec[];
}

const NO_DATA_ACCOUNTS: readonly FailedAccountSpec[] = [
  {
    bank: 'sbi',
    accountNumber: null,
    code: 'NULL_ACCOUNT_NUMBER',
    statements: [
      { code: 'NULL_ACCOUNT_NUMBER' },
      { code: 'PDF_IS_IMAGE' },
      { code: 'EXTRACTION_FAILED', withMessage: false },
    ],
  },
  {
    bank: 'hdfc',
    accountNumber: '50100998877665',
    code: 'MISSING_TRANSACTIONS',
    statements: [
      { code: 'STATEMENT_UNSUPPORTED_FORMAT' },
      { code: 'STATEMENT_TOO_MANY_PAGES' },
      { code: 'OUT_OF_DATE_RANGE' },
    ],
  },
  {
    bank: 'icici',
    accountNumber: '002301556677',
    code: 'INCOMPLETE_MONTHS_UPLOAD',
    message:
      'Statement(s) uploaded contain incomplete months. Missing data present for May 2024, Jun 2024',
    statements: [{ code: 'NO_TRANSACTIONS_FROM_AA' }, { code: 'STATEMENT_NO_TRANSACTIONS' }],
  },
  {
    bank: 'yes',
    accountNumber: '001190100004455',
    code: 'INCOMPLETE_DATES_UPLOAD',
    message:
      'Statement(s) uploaded contain incomplete dates. Missing dates present for 2024-05-10 to 2024-05-14',
    statements: [{ code: 'BANK_NAME_UNDETECTED' }],
  },
];

function statementRow(
  random: Random,
  spec: StatementSpec,
  createdAt: string,
): Record<string, unknown> {
  const failed = spec.code !== null;
  return {
    statement_id: random.uuid(),
    statement_status: failed ? 'failed' : 'completed',
    error_code: spec.code,
    error_message:
      failed && spec.withMessage !== false
        ? (STATEMENT_ERRORS[spec.code] ?? ACCOUNT_ERRORS[spec.code] ?? null)
        : null,
    source: 'pdf',
    created_at: createdAt,
  };
}

export function failedSession(): GeneratedSession {
  const generated = generateSession(PLAN);
  const random = new Random('demo-failed-status');
  const createdAt = '2024-09-02 11:20:45';
  const status = structuredClone(generated.status) as SessionStatusResponse & {
    accounts: Record<string, unknown>[];
  };
  const [withData1, withData2] = status.accounts;
  Object.assign(withData1!, {
    account_status: 'failed',
    error_code: 'INCOMPLETE_MONTHS',
    error_message:
      'Insufficient data to generate report. There are no transactions for Jul 2024, Aug 2024',
  });
  (withData1!.statements as Record<string, unknown>[]).splice(
    1,
    2,
    statementRow(random, { code: 'PASSWORD_INCORRECT' }, createdAt),
    statementRow(random, { code: 'STATEMENT_DUPLICATE' }, createdAt),
  );
  Object.assign(withData2!, {
    account_status: 'failed',
    error_code: 'BALANCE_MISMATCH',
    error_message: ACCOUNT_ERRORS.BALANCE_MISMATCH,
  });
  (withData2!.statements as Record<string, unknown>[]).push(
    statementRow(random, { code: 'BANK_NAME_MISMATCH' }, createdAt),
  );
  for (const spec of NO_DATA_ACCOUNTS) {
    status.accounts.push({
      bank_name: spec.bank,
      account_number: spec.accountNumber,
      account_id: random.uuid(),
      account_status: 'failed',
      error_code: spec.code,
      error_message: spec.message ?? ACCOUNT_ERRORS[spec.code] ?? null,
      created_at: createdAt,
      last_updated_at: createdAt,
      statements: spec.statements.map((s) => statementRow(random, s, createdAt)),
    });
  }
  return { ...generated, status };
}
