// Returns paired with what they give back: an ECS/NACH/auto-debit or cheque return credit
// undoes an earlier debit of the same amount (the EMI or cheque that was presented and
// failed); a returned deposited cheque (a debit) undoes an earlier credit. The pair is what
// lets an EMI count as bounced rather than paid, and a reversed credit drop out of income.
import type { AccountContext } from './context';
import { RETURN_PAIR_MAX_DAYS } from './rules';

export interface ReturnPairs {
  /** For a return: the index of the transaction it gives back, else -1. */
  readonly original: Int32Array;
  /** For a transaction given back: the index of its return, else -1. */
  readonly returnedBy: Int32Array;
}

/** True for returns that give money back (not charges or penalties). */
function isReturn(ctx: AccountContext, i: number): boolean {
  const b = ctx.bounce[i];
  return b != null && (b.kind === 'auto_debit_return' || b.kind === 'cheque_return');
}

export function pairReturns(ctx: AccountContext): ReturnPairs {
  const n = ctx.txs.length;
  const original = new Int32Array(n).fill(-1);
  const returnedBy = new Int32Array(n).fill(-1);
  for (let k = 0; k < n; k++) {
    const r = ctx.byDate[k]!;
    if (!isReturn(ctx, r)) continue;
    const wantCredit = ctx.credit[r] ? 0 : 1;
    const partyOfReturn = ctx.partyId[r]!;
    let best = -1;
    // Walk back in date order: the nearest unpaired opposite entry of the same amount,
    // preferring one with the same counterparty or an obligation (the EMI itself).
    for (let j = k - 1; j >= 0; j--) {
      const c = ctx.byDate[j]!;
      if (ctx.day[r]! - ctx.day[c]! > RETURN_PAIR_MAX_DAYS) break;
      if (ctx.credit[c] !== wantCredit || ctx.paise[c] !== ctx.paise[r]) continue;
      if (returnedBy[c]! >= 0 || isReturn(ctx, c)) continue;
      const strong =
        (partyOfReturn >= 0 && ctx.partyId[c] === partyOfReturn) || ctx.obligation[c] != null;
      if (strong) {
        best = c;
        break;
      }
      if (best < 0) best = c;
    }
    if (best >= 0) {
      original[r] = best;
      returnedBy[best] = r;
    }
  }
  return { original, returnedBy };
}
