// A seeded, deterministic session generator: plans become both API responses, internally
// consistent (balance chain, EOD, monthly figures, top 5, predictors and fraud items all
// follow from the transactions), plus the list of what was planted.
import type { SessionStatusResponse, SubscribedDataResponse } from '@shared/api/schemas';
import { daysInMonth, epochDay, fromEpochDay, monthOf, monthRange } from '@shared/model/calendar';
import { JsonList } from './json-stream';
import {
  HashMaker,
  inGap,
  ledgerEntries,
  schedule,
  type LedgerOptions,
  type Schedule,
} from './ledger';
import * as narrate from './narrations';
import type { AccountPlan, Planted, PlantedAccount, PlantedTransfer, SessionPlan } from './plan';
import { Random } from './random';
import {
  eodBalances,
  longLabel,
  missingData,
  monthFigures,
  monthlyAnalysis,
  predictors,
  shortLabel,
  topCreditsDebits,
} from './summaries';
import { toApiTransaction, type LedgerEntry } from './transaction-record';

export interface GeneratedSession {
  readonly status: SessionStatusResponse;
  readonly subscribed: SubscribedDataResponse;
  readonly planted: Planted;
}

const CHEQUE_RETURN_CHARGE_PAISE = 59_000;
const ACH_RETURN_CHARGE_PAISE = 29_500;

function dayInMonth(month: string, day: number): string {
  const d = Math.min(day, daysInMonth(month));
  return `${month}-${d < 10 ? `0${d}` : d}`;
}

function within(plan: AccountPlan, date: string): boolean {
  const day = epochDay(date);
  return day >= epochDay(plan.firstDate) && day <= epochDay(plan.lastDate) && !inGap(plan, day);
}

/** Planted monthly events (salary, EMIs, bounces, a loan) for one account. */
function plantAccountEvents(
  plan: AccountPlan,
  random: Random,
  into: Schedule,
  planted: PlantedAccount,
): void {
  const months = monthRange(monthOf(plan.firstDate), monthOf(plan.lastDate));
  if (plan.salary) {
    const salary = plan.salary;
    for (const month of months) {
      const date = dayInMonth(month, salary.day);
      if (!within(plan, date)) continue;
      const fields = narrate.salaryCredit(
        salary.employer,
        Math.round(salary.amount * 100),
        shortLabel(month).toUpperCase(),
        random.digits(10),
      );
      schedule(into, date, { fields, onWritten: (e) => planted.salary.push(e.hash) });
    }
  }
  // Auto-debit returns fall on EMI dates of months chosen up front.
  const emiMonths = months.slice(1);
  const bounceMonths = new Set<string>();
  while (bounceMonths.size < Math.min(plan.autoDebitBounces ?? 0, emiMonths.length)) {
    bounceMonths.add(random.pick(emiMonths));
  }
  for (const emi of plan.emis ?? []) {
    for (const month of months) {
      const date = dayInMonth(month, emi.day);
      if (!within(plan, date)) continue;
      const amount = Math.round(emi.amount * 100);
      const bounce = bounceMonths.has(month) && emi === plan.emis?.[0];
      let originalHash = '';
      let returnHash = '';
      schedule(into, date, {
        fields: narrate.emiDebit(emi.lender, emi.loanNo, amount),
        onWritten: (e) => {
          planted.emis.push(e.hash);
          originalHash = e.hash;
        },
      });
      if (!bounce) continue;
      schedule(into, date, {
        fields: narrate.emiReturn(emi.lender, emi.loanNo, amount),
        onWritten: (e) => (returnHash = e.hash),
      });
      schedule(into, date, {
        fields: narrate.returnCharge('NACH', emi.loanNo, ACH_RETURN_CHARGE_PAISE),
        onWritten: (e) =>
          planted.bounces.push({
            kind: 'auto_debit',
            originalHash,
            returnHash,
            chargeHash: e.hash,
          }),
      });
    }
  }
  const first = epochDay(plan.firstDate);
  const last = epochDay(plan.lastDate);
  for (let i = 0; i < (plan.chequeBounces ?? 0); i++) {
    let date = fromEpochDay(random.int(first + 1, last));
    while (!within(plan, date)) date = fromEpochDay(random.int(first + 1, last));
    const issued = narrate.chequeIssued(random, random.paise(20_000, 150_000));
    const chequeNo = issued.ref ?? random.digits(6);
    const payee = issued.counterparty ?? 'SELF';
    let originalHash = '';
    let returnHash = '';
    schedule(into, date, { fields: issued, onWritten: (e) => (originalHash = e.hash) });
    schedule(into, date, {
      fields: narrate.chequeReturn(chequeNo, payee, issued.amountPaise),
      onWritten: (e) => (returnHash = e.hash),
    });
    schedule(into, date, {
      fields: narrate.returnCharge('CHQ', chequeNo, CHEQUE_RETURN_CHARGE_PAISE),
      onWritten: (e) =>
        planted.bounces.push({
          kind: 'inward_cheque',
          originalHash,
          returnHash,
          chargeHash: e.hash,
        }),
    });
  }
  if (plan.loanDisbursal) {
    const loan = plan.loanDisbursal;
    const month = months[Math.min(1, months.length - 1)]!;
    let date = dayInMonth(month, 12);
    if (!within(plan, date)) date = plan.firstDate;
    schedule(into, date, {
      fields: narrate.loanDisbursal(loan.lender, loan.loanNo, Math.round(loan.amount * 100)),
      onWritten: (e) => planted.loanDisbursals.push(e.hash),
    });
  }
}

function plantOwnTransfers(
  plan: SessionPlan,
  random: Random,
  schedules: Schedule[],
  accountIds: readonly string[],
  transfers: PlantedTransfer[],
): void {
  for (const spec of plan.ownTransfers ?? []) {
    const from = plan.accounts[spec.from]!;
    const to = plan.accounts[spec.to]!;
    const start = Math.max(epochDay(from.firstDate), epochDay(to.firstDate)) + 1;
    const end = Math.min(epochDay(from.lastDate), epochDay(to.lastDate));
    for (let i = 0; i < spec.count; i++) {
      let date = fromEpochDay(random.int(start, end));
      while (!within(from, date) || !within(to, date)) date = fromEpochDay(random.int(start, end));
      const amount = random.int(50, 500) * 100_000; // round lakhs and thousands, as people move money
      const ref = random.digits(12);
      // Each side's ledger fills in its own hash, in whichever order they are written.
      const record = {
        date,
        amount: amount / 100,
        debitAccountId: accountIds[spec.from]!,
        debitHash: '',
        creditAccountId: accountIds[spec.to]!,
        creditHash: '',
      };
      transfers.push(record);
      schedule(schedules[spec.from]!, date, {
        fields: narrate.ownTransferOut(to.accountNumber, from.holder, amount, ref),
        onWritten: (e) => (record.debitHash = e.hash),
      });
      schedule(schedules[spec.to]!, date, {
        fields: narrate.ownTransferIn(from.accountNumber, to.holder, amount, ref),
        onWritten: (e) => (record.creditHash = e.hash),
      });
    }
  }
}

function fraudBlock(
  plan: AccountPlan,
  accountId: string,
  statementIds: readonly string[],
  tampered: LedgerEntry | null,
  anyNegative: boolean,
): Record<string, unknown> {
  if (!plan.fraud) return { fraudulent_statements: [], fraud_type: [] };
  const items: Record<string, unknown>[] = [
    {
      statement_id: statementIds[0],
      fraud_type: 'author_fraud',
      account_id: accountId,
      transaction_hash: null,
      fraud_category: 'metadata',
    },
  ];
  if (tampered) {
    items.push({
      statement_id: tampered.statementId,
      fraud_type: 'inconsistent_transaction',
      account_id: accountId,
      transaction_hash: tampered.hash,
      previous_date: `${tampered.date} 00:00:00`,
      current_date: `${tampered.date} 00:00:00`,
      fraud_category: 'accounting',
    });
  }
  if (anyNegative) {
    items.push({
      statement_id: null,
      fraud_type: 'negative_balance',
      account_id: accountId,
      transaction_hash: null,
      fraud_category: 'behavioural',
    });
  }
  const fraudulent = [
    ...new Set(items.map((i) => i.statement_id).filter((s): s is string => typeof s === 'string')),
  ];
  return { fraudulent_statements: fraudulent, fraud_type: items };
}

/** `DD/MM/YYYY - DD/MM/YYYY`: statement n of `count`, splitting the account's period. */
function statementRange(plan: AccountPlan, n: number, count: number): string {
  const first = epochDay(plan.firstDate);
  const span = epochDay(plan.lastDate) - first + 1;
  const from = fromEpochDay(first + Math.floor((span * n) / count));
  const to = fromEpochDay(first + Math.floor((span * (n + 1)) / count) - 1);
  const dmy = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
  return `${dmy(from)} - ${dmy(to)}`;
}

function statusTimestamp(plan: AccountPlan, minutes: number): string {
  const date = fromEpochDay(epochDay(plan.lastDate) + 1);
  const m = 10 + (minutes % 50);
  return `${date} 10:${m}:32`;
}

/**
 * A session as the sandbox server sends it: the same text as generateSession's, with each
 * account's transactions made from the ledger as they are written (json-stream.ts).
 */
export interface ServedSession {
  readonly status: SessionStatusResponse;
  readonly subscribed: { readonly session_id: string; readonly accounts: object };
}

export function generateSession(plan: SessionPlan): GeneratedSession {
  const made = buildSession(plan, false);
  return { ...made, subscribed: made.subscribed as SubscribedDataResponse };
}

/**
 * The session with no transaction held: each account's are written again from the state
 * the ledger started in each time the text is made, and the monthly figures are counted
 * month by month. demo-large-200000 holds a few MB this way, not 113 MB of ledger, so a
 * client fetching it in the same process (`bcv fetch --sandbox`) has the memory.
 */
export function generateServedSession(plan: SessionPlan): ServedSession {
  const { status, subscribed } = buildSession(plan, true);
  return { status, subscribed };
}

/** The account's ledger written again from the state it started in, telling no one. */
function replayable(options: LedgerOptions): () => Generator<LedgerEntry> {
  const { onTamper: _told, ...quiet } = options;
  const random = options.random.copy();
  const hashes = options.hashes.copy(random);
  const scheduled: Schedule = new Map(
    [...options.scheduled].map(([day, events]) => [day, events.map((e) => ({ fields: e.fields }))]),
  );
  return () => {
    const again = random.copy();
    return ledgerEntries({ ...quiet, random: again, hashes: hashes.copy(again), scheduled });
  };
}

function drain(items: Iterable<unknown>): void {
  for (const item of items) void item;
}

function* mapped<T, U>(items: Iterable<T>, map: (item: T) => U): Generator<U> {
  for (const item of items) yield map(item);
}

function buildSession(
  plan: SessionPlan,
  served: boolean,
): Omit<GeneratedSession, 'subscribed'> & ServedSession {
  const random = new Random(plan.seed);
  const hashes = new HashMaker(random);
  const accountIds = plan.accounts.map(() => random.uuid());
  const statementIds = plan.accounts.map((a) =>
    Array.from({ length: a.statements ?? 1 }, () => random.uuid()),
  );
  const schedules: Schedule[] = plan.accounts.map(() => new Map());
  const plantedAccounts: PlantedAccount[] = accountIds.map((accountId) => ({
    accountId,
    salary: [],
    emis: [],
    bounces: [],
    loanDisbursals: [],
    balanceBreaks: [],
  }));
  const transfers: PlantedTransfer[] = [];
  plan.accounts.forEach((a, i) =>
    plantAccountEvents(a, random, schedules[i]!, plantedAccounts[i]!),
  );
  plantOwnTransfers(plan, random, schedules, accountIds, transfers);

  const blocks: Record<string, unknown> = {};
  const statusAccounts: Record<string, unknown>[] = [];
  plan.accounts.forEach((accountPlan, i) => {
    const accountId = accountIds[i]!;
    const planted = plantedAccounts[i]!;
    let tampered: LedgerEntry | null = null;
    const ledger: LedgerOptions = {
      plan: accountPlan,
      random,
      hashes,
      scheduled: schedules[i]!,
      statementIds: statementIds[i]!,
      ...(accountPlan.fraud
        ? { tamper: { atEveryday: Math.floor(accountPlan.everyday / 2), deltaPaise: 1_234_567 } }
        : {}),
      onTamper: (entry, expected) => {
        tampered = entry;
        planted.balanceBreaks.push({
          hash: entry.hash,
          expected: expected / 100,
          found: entry.balancePaise / 100,
        });
      },
    };
    const replay = served ? replayable(ledger) : null;
    const salaryEntries: LedgerEntry[] = [];
    // Served: the transactions' text is counted once here, not by writing them all again.
    let listBytes = 2;
    let listed = 0;
    const written = (function* () {
      for (const entry of ledgerEntries(ledger)) {
        // The salary credit's onWritten has just recorded its hash.
        if (planted.salary.at(-1) === entry.hash) salaryEntries.push(entry);
        if (replay) {
          const text = JSON.stringify(toApiTransaction(entry, accountId));
          listBytes += (listed++ > 0 ? 1 : 0) + Buffer.byteLength(text);
        }
        yield entry;
      }
    })();
    const kept = replay ? null : [...written];
    const figures = monthFigures(accountPlan, kept ?? written);
    // The rest of the ledger, were any of it past the last month.
    drain(written);
    const anyNegative = figures.some((f) => f.eod.some((v) => v !== null && v < 0));
    const salaryTransactions = salaryEntries.map((e) => ({
      ...toApiTransaction(e, accountId),
      employer_name: accountPlan.salary?.employer ?? null,
      salary_month: longLabel(monthOf(e.date)),
    }));
    const months = figures.map((f) => f.month);
    blocks[accountId] = {
      account_details: [
        {
          account_category: accountPlan.category,
          account_id: accountId,
          account_number: accountPlan.accountNumber,
          account_opening_date: null,
          bank: accountPlan.bank,
          credit_limit: '0',
          ifsc: accountPlan.ifsc,
          micr: accountPlan.micr,
          missing_data: missingData(accountPlan),
          od_limit: String(accountPlan.odLimit ?? 0),
          salary_confidence: accountPlan.salary ? 0.93 : null,
          statements: statementIds[i],
          months,
          country_code: 'IN',
          currency_code: 'INR',
        },
      ],
      fraud: fraudBlock(accountPlan, accountId, statementIds[i]!, tampered, anyNegative),
      transactions: replay
        ? new JsonList(() => mapped(replay(), (e) => toApiTransaction(e, accountId)), listBytes)
        : kept!.map((e) => toApiTransaction(e, accountId)),
      salary_transactions: salaryTransactions,
      top_credits_debits: topCreditsDebits(figures),
      monthly_analysis: monthlyAnalysis(figures),
      predictors: predictors(accountPlan, figures, Boolean(accountPlan.fraud)),
      eod_balances: eodBalances(figures),
    };
    statusAccounts.push({
      bank_name: accountPlan.bank,
      account_number: accountPlan.accountNumber,
      account_id: accountId,
      account_status: 'completed',
      error_code: null,
      error_message: null,
      created_at: statusTimestamp(accountPlan, i),
      last_updated_at: statusTimestamp(accountPlan, i + 3),
      // The newer API's extras: the account as FinBox identified it.
      name: accountPlan.holder,
      account_category: accountPlan.category,
      account_type: accountPlan.kind === 'business' ? 'CURRENT' : 'SAVINGS',
      attempt_types: statementIds[i]!.length > 1 ? ['PDF', 'AA'] : ['PDF'],
      statements: statementIds[i]!.map((id, n) => ({
        statement_id: id,
        statement_status: 'completed',
        error_code: null,
        error_message: null,
        source: n % 2 === 0 ? 'pdf' : 'aa',
        created_at: statusTimestamp(accountPlan, i + n),
        upload_file_name: n % 2 === 0 ? `${accountPlan.bank}_statement_${n + 1}.pdf` : null,
        statement_date_range: statementRange(accountPlan, n, statementIds[i]!.length),
      })),
    });
  });
  return {
    status: {
      session_id: plan.sessionId,
      insights_available: true,
      accounts: statusAccounts,
    } as unknown as SessionStatusResponse,
    subscribed: { session_id: plan.sessionId, accounts: blocks },
    planted: { accounts: plantedAccounts, ownTransfers: transfers },
  };
}
