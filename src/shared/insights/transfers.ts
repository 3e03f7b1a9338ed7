// Money moving between the session's own accounts (a debit in one, a credit of the same
// amount in another within a day or two) and circular flows: money out to a party and
// back from it within days, or from one own account to another and back.
import type { AccountContext } from './context';
import * as parties from './counterparty';
import * as rules from './rules';
import type { CircularFlow, OwnTransfer } from './types';

// Imported bindings are read once into locals: run from source (the tests, `npm run bench`
// under tsx) each use of an imported binding is a getter call, too slow for the
// per-transaction loops.
const {
  CIRCULAR_MAX_DAYS,
  CIRCULAR_MIN_AMOUNT,
  CIRCULAR_MIN_SHARE_BACK,
  OWN_TRANSFER_MAX_DAYS,
  OWN_TRANSFER_MIN_AMOUNT,
  OWN_TRANSFER_UNSUPPORTED_MIN_AMOUNT,
} = rules;
const { CASH_COUNTERPARTY, counterpartyKey } = parties;

/** Candidates looked at per transaction: bounds the work when one amount repeats a lot. */
const MAX_CANDIDATES = 64;

interface Leg {
  readonly a: number;
  readonly i: number;
  readonly day: number;
}

/** Digits a narration would show of this account: the last six, or a masked last four. */
function accountMarks(accountNumber: string | null): { six: string; four: RegExp } | null {
  const digits = (accountNumber ?? '').replace(/\D/g, '');
  if (digits.length < 4) return null;
  return {
    six: digits.length >= 6 ? digits.slice(-6) : digits,
    four: new RegExp(`[X*]{2,}\\s*${digits.slice(-4)}\\b`, 'i'),
  };
}

function holderKey(ctx: AccountContext): string | null {
  const name = ctx.account.details.holderName;
  return name ? counterpartyKey(name) : null;
}

/** The party key names the holder (UPI truncates names, so a long enough prefix counts). */
function namesHolder(partyKey: string | undefined, holder: string | null): boolean {
  if (!partyKey || !holder) return false;
  return partyKey === holder || (partyKey.length >= 5 && holder.startsWith(partyKey));
}

export function findOwnTransfers(contexts: readonly AccountContext[]): OwnTransfer[] {
  if (contexts.length < 2) return [];
  const minPaise = OWN_TRANSFER_MIN_AMOUNT * 100;
  const unsupportedMinPaise = OWN_TRANSFER_UNSUPPORTED_MIN_AMOUNT * 100;
  const credits = new Map<number, Leg[]>();
  const debits: Leg[] = [];
  contexts.forEach((ctx, a) => {
    for (const i of ctx.byDate) {
      const p = ctx.paise[i]!;
      if (p < minPaise || ctx.bounce[i]) continue;
      const leg = { a, i, day: ctx.day[i]! };
      if (!ctx.credit[i]) debits.push(leg);
      else {
        const bucket = credits.get(p);
        if (bucket) bucket.push(leg);
        else credits.set(p, [leg]);
      }
    }
  });
  for (const bucket of credits.values()) bucket.sort((x, y) => x.day - y.day || x.a - y.a);
  debits.sort((x, y) => x.day - y.day || x.a - y.a || x.i - y.i);
  const marks = contexts.map((c) => accountMarks(c.account.details.accountNumber));
  const holders = contexts.map(holderKey);
  const used = contexts.map((c) => new Uint8Array(c.txs.length));

  const evidenceOf = (d: Leg, c: Leg): string[] => {
    const dc = contexts[d.a]!;
    const cc = contexts[c.a]!;
    const out: string[] = [];
    if (dc.selfWords[d.i] || cc.selfWords[c.i]) out.push('self-words');
    const mentions = (ctx: AccountContext, i: number, m: ReturnType<typeof accountMarks>) =>
      m !== null && (ctx.txs[i]!.narration.includes(m.six) || m.four.test(ctx.txs[i]!.narration));
    if (mentions(dc, d.i, marks[c.a]!) || mentions(cc, c.i, marks[d.a]!))
      out.push('account-number');
    if (
      namesHolder(dc.party[d.i]?.key, holders[c.a]!) ||
      namesHolder(cc.party[c.i]?.key, holders[d.a]!)
    )
      out.push('holder-name');
    return out;
  };

  const transfers: OwnTransfer[] = [];
  for (const d of debits) {
    const dc = contexts[d.a]!;
    const bucket = credits.get(dc.paise[d.i]!);
    if (!bucket) continue;
    let lo = 0;
    let hi = bucket.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (bucket[mid]!.day < d.day - OWN_TRANSFER_MAX_DAYS) lo = mid + 1;
      else hi = mid;
    }
    let best: { leg: Leg; score: number; evidence: string[] } | null = null;
    for (let k = lo, seen = 0; k < bucket.length && seen < MAX_CANDIDATES; k++) {
      const c = bucket[k]!;
      if (c.day > d.day + OWN_TRANSFER_MAX_DAYS) break;
      if (c.a === d.a || used[c.a]![c.i]) continue;
      seen++;
      const gap = c.day - d.day;
      const evidence = evidenceOf(d, c);
      if (evidence.length === 0 && dc.paise[d.i]! < unsupportedMinPaise) continue;
      // Evidence first, then the nearest date, a credit after its debit before one ahead of it.
      const score = evidence.length * 100 - Math.abs(gap) * 2 - (gap < 0 ? 1 : 0);
      if (!best || score > best.score) best = { leg: c, score, evidence };
    }
    if (!best) continue;
    const c = best.leg;
    used[c.a]![c.i] = 1;
    used[d.a]![d.i] = 1;
    const cc = contexts[c.a]!;
    transfers.push({
      from: { accountId: dc.account.accountId, index: d.i },
      to: { accountId: cc.account.accountId, index: c.i },
      amount: dc.txs[d.i]!.amount,
      fromDate: dc.txs[d.i]!.date,
      toDate: cc.txs[c.i]!.date,
      dayGap: c.day - d.day,
      evidence: best.evidence,
    });
  }
  return transfers;
}

function amountsMatch(first: number, second: number): boolean {
  return second >= first * CIRCULAR_MIN_SHARE_BACK && first >= second * CIRCULAR_MIN_SHARE_BACK;
}

/** Out to a named party and back from it (or in and back out), within the window. */
function circularByParty(ctx: AccountContext, ownLegs: Uint8Array, out: CircularFlow[]): void {
  const minPaise = CIRCULAR_MIN_AMOUNT * 100;
  const used = new Uint8Array(ctx.txs.length);
  const { paise, credit, day, byParty, bounce } = ctx;
  const eligible = (i: number) => !bounce[i] && !ownLegs[i];
  for (let p = 0; p < ctx.partyCount; p++) {
    const from = ctx.partyStart[p]!;
    const to = ctx.partyStart[p + 1]!;
    if (to - from < 2 || ctx.parties[p] === CASH_COUNTERPARTY) continue;
    for (let j = from; j < to; j++) {
      const f = byParty[j]!;
      const amount = paise[f]!;
      if (used[f] || amount < minPaise || !eligible(f)) continue;
      const type = credit[f];
      const lastDay = day[f]! + CIRCULAR_MAX_DAYS;
      // The other amount lies within the share both ways: one range test per candidate.
      const low = amount * CIRCULAR_MIN_SHARE_BACK;
      const high = amount / CIRCULAR_MIN_SHARE_BACK;
      for (let k = j + 1, seen = 0; k < to && seen < MAX_CANDIDATES; k++, seen++) {
        const s = byParty[k]!;
        if (day[s]! > lastDay) break;
        // Cheapest tests first: nearly every candidate fails on the amount.
        const back = paise[s]!;
        if (back < low || back > high || credit[s] === type) continue;
        if (used[s] || !eligible(s)) continue;
        const days = day[s]! - day[f]!;
        used[f] = used[s] = 1;
        out.push({
          first: { accountId: ctx.account.accountId, index: f },
          second: { accountId: ctx.account.accountId, index: s },
          firstType: ctx.txs[f]!.type,
          counterparty: ctx.parties[p]!.name,
          firstAmount: ctx.txs[f]!.amount,
          secondAmount: ctx.txs[s]!.amount,
          days,
          via: 'counterparty',
        });
        break;
      }
    }
  }
}

/** A to B and, within the window, B back to A. */
function circularByOwnAccounts(
  contexts: readonly AccountContext[],
  transfers: readonly OwnTransfer[],
  out: CircularFlow[],
): void {
  const byRoute = new Map<string, OwnTransfer[]>();
  for (const t of transfers) {
    const route = `${t.from.accountId}>${t.to.accountId}`;
    const list = byRoute.get(route);
    if (list) list.push(t);
    else byRoute.set(route, [t]);
  }
  const dayOf = new Map(contexts.map((c) => [c.account.accountId, c]));
  const day = (ref: { accountId: string; index: number }) =>
    dayOf.get(ref.accountId)!.day[ref.index]!;
  const used = new Set<OwnTransfer>();
  for (const t of transfers) {
    if (used.has(t)) continue;
    const back = byRoute.get(`${t.to.accountId}>${t.from.accountId}`) ?? [];
    const start = day(t.to);
    const match = back.find((b) => {
      if (used.has(b)) return false;
      const d = day(b.from);
      return d >= start && d - start <= CIRCULAR_MAX_DAYS && amountsMatch(t.amount, b.amount);
    });
    if (!match) continue;
    used.add(t);
    used.add(match);
    const name = dayOf.get(t.to.accountId)!.account.details.accountNumber ?? t.to.accountId;
    out.push({
      first: t.from,
      second: match.to,
      firstType: 'debit',
      counterparty: `Own account ${name}`,
      firstAmount: t.amount,
      secondAmount: match.amount,
      days: day(match.to) - day(t.from),
      via: 'own-accounts',
    });
  }
}

export function findCircularFlows(
  contexts: readonly AccountContext[],
  transfers: readonly OwnTransfer[],
): CircularFlow[] {
  const legs = new Map(contexts.map((c) => [c.account.accountId, new Uint8Array(c.txs.length)]));
  for (const t of transfers) {
    legs.get(t.from.accountId)![t.from.index] = 1;
    legs.get(t.to.accountId)![t.to.index] = 1;
  }
  const out: CircularFlow[] = [];
  for (const ctx of contexts) circularByParty(ctx, legs.get(ctx.account.accountId)!, out);
  circularByOwnAccounts(contexts, transfers, out);
  return out;
}
