// Walks an account's days in order and writes its transactions: the planted events of
// each day first, then everyday ones spread over the days at random. Amounts and
// balances are whole paise, so each balance follows exactly from the previous one.
import { epochDay, fromEpochDay, type CalendarDate } from '@shared/model/calendar';
import { flatText } from './flat-text';
import * as narrate from './narrations';
import type { AccountPlan } from './plan';
import type { Random } from './random';
import type { LedgerEntry, TxnFields } from './transaction-record';

export interface ScheduledEvent {
  readonly fields: TxnFields;
  /** Told the transaction's hash once it is written (to record what was planted). */
  readonly onWritten?: (entry: LedgerEntry) => void;
}

export type Schedule = Map<number, ScheduledEvent[]>;

export function schedule(into: Schedule, date: CalendarDate, event: ScheduledEvent): void {
  const day = epochDay(date);
  const list = into.get(day);
  if (list) list.push(event);
  else into.set(day, [event]);
}

export function inGap(plan: AccountPlan, day: number): boolean {
  const gap = plan.missingGap;
  return gap !== undefined && day >= epochDay(gap.from) && day <= epochDay(gap.to);
}

export class HashMaker {
  constructor(
    private readonly random: Random,
    private readonly used = new Set<string>(),
  ) {}

  /** A maker that gives from here on what this one would, drawing from `random`. */
  copy(random: Random): HashMaker {
    return new HashMaker(random, new Set(this.used));
  }

  next(): string {
    for (;;) {
      const hash = this.random.hex(32);
      if (!this.used.has(hash)) {
        this.used.add(hash);
        return hash;
      }
    }
  }
}

function everydayCredit(plan: AccountPlan, random: Random): TxnFields {
  if (plan.kind === 'salaried') return narrate.upiFromPerson(random, random.paise(100, 20_000));
  const roll = random.next();
  if (roll < 0.5) return narrate.neftFromCustomer(random, random.paise(5_000, 800_000));
  if (roll < 0.75) return narrate.upiFromPerson(random, random.paise(200, 50_000));
  if (roll < 0.9) return narrate.chequeDeposit(random, random.paise(10_000, 500_000));
  return narrate.cashDeposit(random, random.paise(5_000, 200_000));
}

function everydayDebit(plan: AccountPlan, random: Random): TxnFields {
  const roll = random.next();
  if (plan.kind === 'salaried') {
    if (roll < 0.5) return narrate.upiToMerchant(random, random.paise(50, 5_000));
    if (roll < 0.65) return narrate.posPurchase(random, random.paise(200, 8_000));
    if (roll < 0.75) return narrate.atmWithdrawal(random, random.paise(500, 10_000));
    if (roll < 0.99) return narrate.upiToPerson(random, random.paise(100, 15_000));
    return narrate.bankCharge(random, random.paise(15, 59), 'SMS ALERT');
  }
  if (roll < 0.45) return narrate.neftToSupplier(random, random.paise(5_000, 700_000));
  if (roll < 0.7) return narrate.upiToMerchant(random, random.paise(100, 20_000));
  if (roll < 0.8) return narrate.chequeIssued(random, random.paise(10_000, 300_000));
  if (roll < 0.9) return narrate.atmWithdrawal(random, random.paise(2_000, 20_000));
  if (roll < 0.99) return narrate.upiToPerson(random, random.paise(500, 50_000));
  return narrate.bankCharge(random, random.paise(100, 1_180), 'QTRLY AMC');
}

/** The fields with their text flat: the entry outlives the pieces it was built from. */
function flatFields(fields: TxnFields): TxnFields {
  const flat: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    flat[key] = typeof value === 'string' ? flatText(value) : value;
  }
  return flat as unknown as TxnFields;
}

export interface LedgerOptions {
  readonly plan: AccountPlan;
  readonly random: Random;
  readonly hashes: HashMaker;
  readonly scheduled: Schedule;
  readonly statementIds: readonly string[];
  /** Write one balance off by this many paise at the given everyday index (tampering). */
  readonly tamper?: { readonly atEveryday: number; readonly deltaPaise: number };
  readonly onTamper?: (entry: LedgerEntry, expectedPaise: number) => void;
}

/**
 * The account's transactions in the order written, one at a time. Each planted event's
 * onWritten (and onTamper) is told before its entry is given.
 */
export function* ledgerEntries(options: LedgerOptions): Generator<LedgerEntry> {
  const { plan, random, hashes, scheduled, statementIds } = options;
  const first = epochDay(plan.firstDate);
  const last = epochDay(plan.lastDate);
  const span = last - first + 1;
  const coveredDays: number[] = [];
  for (let d = first; d <= last; d++) if (!inGap(plan, d)) coveredDays.push(d);

  // Everyday transactions per day; the first covered day always has one so the
  // statement opens with a transaction.
  const perDay = new Uint32Array(span);
  if (plan.everyday > 0 && coveredDays.length > 0) perDay[coveredDays[0]! - first] = 1;
  for (let i = 1; i < plan.everyday; i++) perDay[random.pick(coveredDays) - first]! += 1;

  const floor = -Math.round((plan.odLimit ?? 0) * 100);
  let balance = Math.round(plan.openingBalance * 100);
  let everydayIndex = 0;
  const statementOf = (day: number): string =>
    statementIds[
      Math.min(statementIds.length - 1, Math.floor(((day - first) / span) * statementIds.length))
    ]!;

  const write = (day: number, fields: TxnFields, everyday: boolean): LedgerEntry => {
    const expected =
      balance + (fields.type === 'credit' ? fields.amountPaise : -fields.amountPaise);
    let found = expected;
    const tamper = options.tamper;
    const tampered = everyday && tamper !== undefined && everydayIndex === tamper.atEveryday;
    if (tampered) found = expected + tamper.deltaPaise;
    balance = found;
    const entry: LedgerEntry = {
      ...flatFields(fields),
      date: fromEpochDay(day),
      balancePaise: found,
      hash: hashes.next(),
      statementId: statementOf(day),
    };
    if (tampered) options.onTamper?.(entry, expected);
    return entry;
  };

  for (let day = first; day <= last; day++) {
    for (const event of scheduled.get(day) ?? []) {
      const entry = write(day, event.fields, false);
      event.onWritten?.(entry);
      yield entry;
    }
    const count = perDay[day - first] ?? 0;
    for (let i = 0; i < count; i++) {
      let fields = random.chance(plan.kind === 'salaried' ? 0.1 : 0.45)
        ? everydayCredit(plan, random)
        : everydayDebit(plan, random);
      if (fields.type === 'debit' && balance - fields.amountPaise < floor) {
        // Not enough money: a smaller purchase when there is room, else money comes in.
        const room = balance - floor;
        fields =
          room >= 100_000
            ? narrate.upiToMerchant(random, Math.floor(room / 4 / 100) * 100 || 100)
            : everydayCredit(plan, random);
      }
      const entry = write(day, fields, true);
      everydayIndex++;
      yield entry;
    }
  }
}
