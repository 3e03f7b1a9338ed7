// The sandbox's built-in sessions, by id. Generated sessions are made on first use and
// kept (a few at a time: a 200,000-transaction session is large).
import type { ApiErrorCode } from '@shared/api/error-codes';
import type { SessionStatusResponse, SubscribedDataResponse } from '@shared/api/schemas';
import reference from './data/reference-subscribed-data.json';
import {
  generateServedSession,
  generateSession,
  type GeneratedSession,
  type ServedSession,
} from './generator';
import { failedSession } from './failed-session';
import type { AccountPlan, SessionPlan } from './plan';

export const REFERENCE_SESSION_ID = 'fdf6fe90-c1a0-41f7-964f-bb2425975309';
export const LARGE_SESSION_MAX = 200_000;

export type BuiltInSession =
  | { readonly kind: 'data'; readonly session: GeneratedSession }
  /** Answers PROCESSING_NOT_COMPLETED for the first `polls` requests, then the data. */
  | { readonly kind: 'processing'; readonly polls: number; readonly session: GeneratedSession }
  /**
   * Uploads done, enrichment not: session_status already says completed while both data
   * endpoints answer PROCESSING_NOT_COMPLETED for the first `polls` data requests.
   */
  | { readonly kind: 'enriching'; readonly polls: number; readonly session: GeneratedSession }
  | { readonly kind: 'error'; readonly code: ApiErrorCode };

export const DEMO_RETAIL_PLAN: SessionPlan = {
  seed: 'demo-retail',
  sessionId: 'demo-retail',
  accounts: [
    {
      holder: 'PRIYA VENKATESH',
      category: 'individual',
      bank: 'hdfc',
      accountNumber: '50100234567891',
      ifsc: 'HDFC0001234',
      micr: '560240012',
      kind: 'salaried',
      firstDate: '2024-04-01',
      lastDate: '2024-09-30',
      everyday: 420,
      openingBalance: 48_250.75,
      salary: { employer: 'INFOSYS LIMITED', amount: 86_450, day: 1 },
      emis: [{ lender: 'BAJAJ FINANCE LTD', loanNo: '4040CD12345678', amount: 12_450, day: 5 }],
      autoDebitBounces: 1,
      statements: 2,
    },
  ],
};

const BUSINESS_CURRENT: AccountPlan = {
  holder: 'R K ENTERPRISES',
  category: 'corporate',
  bank: 'icici',
  accountNumber: '034105001234',
  ifsc: 'ICIC0000341',
  micr: '110229004',
  kind: 'business',
  firstDate: '2023-10-05',
  lastDate: '2024-09-30',
  everyday: 2_400,
  openingBalance: 325_000,
  odLimit: 1_000_000,
  emis: [{ lender: 'TATA CAPITAL LTD', loanNo: 'TCFBL0634521', amount: 45_000, day: 7 }],
  chequeBounces: 2,
  autoDebitBounces: 1,
  loanDisbursal: { lender: 'TATA CAPITAL LTD', loanNo: 'TCFBL0634521', amount: 1_500_000 },
  missingGap: { from: '2024-02-12', to: '2024-02-21' },
  fraud: true,
  statements: 3,
};

const BUSINESS_SAVINGS: AccountPlan = {
  holder: 'RAJESH KUMAR',
  category: 'individual',
  bank: 'sbi',
  accountNumber: '30558703442',
  ifsc: 'SBIN0004321',
  micr: null,
  kind: 'salaried',
  firstDate: '2023-10-01',
  lastDate: '2024-09-30',
  everyday: 650,
  openingBalance: 112_400.5,
  // The proprietor also draws a salary as a director of a family company.
  salary: { employer: 'KUMAR AUTO COMPONENTS PVT LTD', amount: 64_800, day: 28 },
  emis: [{ lender: 'HDFC BANK HOME LOAN', loanNo: 'HL00981234', amount: 23_800, day: 10 }],
  statements: 2,
};

export const DEMO_BUSINESS_PLAN: SessionPlan = {
  seed: 'demo-business',
  sessionId: 'demo-business',
  accounts: [BUSINESS_CURRENT, BUSINESS_SAVINGS],
  ownTransfers: [
    { from: 0, to: 1, count: 4 },
    { from: 1, to: 0, count: 2 },
  ],
};

export function largePlan(
  transactions: number,
  sessionId = `demo-large-${transactions}`,
): SessionPlan {
  return {
    seed: sessionId,
    sessionId,
    accounts: [
      {
        holder: 'SHREE GANESH TRADING CO',
        category: 'corporate',
        bank: 'axis',
        accountNumber: '917020045678123',
        ifsc: 'UTIB0000917',
        micr: '400211002',
        kind: 'business',
        firstDate: '2022-10-01',
        lastDate: '2024-09-30',
        everyday: transactions,
        openingBalance: 1_250_000,
        odLimit: 5_000_000,
        statements: 8,
      },
    ],
  };
}

function referenceSession(): GeneratedSession {
  const subscribed = structuredClone(reference) as unknown as SubscribedDataResponse;
  const accounts = Object.entries(subscribed.accounts).map(([accountId, block]) => {
    const details = block.account_details[0];
    return {
      bank_name: details?.bank ?? null,
      account_number: details?.account_number ?? null,
      account_id: accountId,
      account_status: 'completed',
      error_code: null,
      error_message: null,
      created_at: '2024-04-22 10:12:05',
      last_updated_at: '2024-04-22 10:14:41',
      statements: (details?.statements ?? []).map((statementId) => ({
        statement_id: statementId,
        statement_status: 'completed',
        error_code: null,
        error_message: null,
        source: 'pdf',
        created_at: '2024-04-22 10:12:05',
      })),
    };
  });
  const status: SessionStatusResponse = { session_id: REFERENCE_SESSION_ID, accounts };
  return { status, subscribed, planted: { accounts: [], ownTransfers: [] } };
}

/**
 * demo-retail with items no one can read with one meaning: an amount of "n/a" and an entry
 * that is not a transaction. The session still opens; the two are set aside and listed.
 */
function unreadableSession(): GeneratedSession {
  const made = generateSession({ ...DEMO_RETAIL_PLAN, sessionId: 'demo-unreadable' });
  const subscribed = structuredClone(made.subscribed);
  const block = Object.values(subscribed.accounts)[0]!;
  const list = block.transactions as unknown[];
  (list[2] as Record<string, unknown>)['amount'] = 'n/a';
  list.splice(5, 0, 'TOTAL CARRIED FORWARD');
  return { ...made, subscribed };
}

/** A data answer with no readable account at all: refused (SCHEMA_MISMATCH), kept as received. */
function unreadableAllSession(): GeneratedSession {
  const made = generateSession({ ...DEMO_RETAIL_PLAN, sessionId: 'demo-unreadable-all' });
  const subscribed = { session_id: 'demo-unreadable-all', accounts: { x: 'not an account' } };
  return { ...made, subscribed: subscribed as unknown as SubscribedDataResponse };
}

const MAKERS: Readonly<Record<string, () => BuiltInSession>> = {
  'demo-unreadable': () => ({ kind: 'data', session: unreadableSession() }),
  'demo-unreadable-all': () => ({ kind: 'data', session: unreadableAllSession() }),
  [REFERENCE_SESSION_ID]: () => ({ kind: 'data', session: referenceSession() }),
  'demo-retail': () => ({ kind: 'data', session: generateSession(DEMO_RETAIL_PLAN) }),
  'demo-business': () => ({ kind: 'data', session: generateSession(DEMO_BUSINESS_PLAN) }),
  'demo-failed': () => ({ kind: 'data', session: failedSession() }),
  'demo-processing': () => ({
    kind: 'processing',
    polls: 3,
    session: generateSession({ ...DEMO_RETAIL_PLAN, sessionId: 'demo-processing' }),
  }),
  'demo-enriching': () => ({
    kind: 'enriching',
    polls: 2,
    session: generateSession({ ...DEMO_RETAIL_PLAN, sessionId: 'demo-enriching' }),
  }),
  'demo-not-requested': () => ({ kind: 'error', code: 'PROCESSING_NOT_REQUESTED' }),
  'demo-deleted': () => ({ kind: 'error', code: 'SESSION_DELETED' }),
};

/** The ids a person can try, for help texts and the app's sandbox hint. */
export const BUILT_IN_SESSION_IDS = [...Object.keys(MAKERS), 'demo-large-<N>'] as const;

/** `demo-large-<N>` with 1 <= N <= 200000, else null. */
export function largeSessionSize(sessionId: string): number | null {
  const match = /^demo-large-([1-9]\d{0,5})$/.exec(sessionId);
  if (!match) return null;
  const n = Number(match[1]);
  return n <= LARGE_SESSION_MAX ? n : null;
}

// A served session holds its blocks and no transactions (a few MB): a few are kept.
const SERVED_LIMIT = 3;
const served = new Map<string, ServedSession>();

/**
 * `demo-large-<N>` as the server sends its statuses and subscribed_data (the transactions
 * made as they are written), or null for any other id. The Insights shape and FinBox's
 * report are built from builtInSession's objects.
 */
export function servedLargeSession(sessionId: string): ServedSession | null {
  const size = largeSessionSize(sessionId);
  if (size === null) return null;
  let session = served.get(sessionId);
  if (!session) {
    session = generateServedSession(largePlan(size));
    if (served.size >= SERVED_LIMIT) served.delete(served.keys().next().value!);
    served.set(sessionId, session);
  }
  return session;
}

const CACHE_LIMIT = 6;
const cache = new Map<string, BuiltInSession>();

/** The built-in session with this id, or null (the server answers SESSION_NOT_FOUND). */
export function builtInSession(sessionId: string): BuiltInSession | null {
  const cached = cache.get(sessionId);
  if (cached) return cached;
  const size = largeSessionSize(sessionId);
  const make = MAKERS[sessionId];
  let made: BuiltInSession | null = null;
  if (make) made = make();
  else if (size !== null) made = { kind: 'data', session: generateSession(largePlan(size)) };
  if (!made) return null;
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(sessionId, made);
  return made;
}
