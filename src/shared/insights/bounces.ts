// Cheque, ECS/NACH and auto-debit returns, their charges and penal charges, each listed
// with its transaction and totalled per month by direction.
import type { AccountContext } from './context';
import { tallyMatches } from './matched';
import type { ReturnPairs } from './returns';
import type { BounceFigures, BounceInsights, BounceItem } from './types';

const FIGURES: readonly (keyof BounceFigures)[] = [
  'inwardReturns',
  'outwardReturns',
  'otherReturns',
  'charges',
  'penalties',
];

function figureOf(item: BounceItem): keyof BounceFigures {
  if (item.kind === 'penalty_charge') return 'penalties';
  if (item.kind === 'bounce_charge') return 'charges';
  if (item.direction === 'inward') return 'inwardReturns';
  if (item.direction === 'outward') return 'outwardReturns';
  return 'otherReturns';
}

export function computeBounces(ctx: AccountContext, pairs: ReturnPairs): BounceInsights {
  return tallyMatches(
    ctx,
    ctx.bounce,
    (i, match): BounceItem => {
      const t = ctx.txs[i]!;
      return {
        index: i,
        date: t.date,
        month: ctx.month[i]!,
        type: t.type,
        amount: t.amount,
        kind: match.kind,
        direction: match.direction,
        rule: match.rule,
        narration: t.narration,
        original: pairs.original[i]! < 0 ? null : pairs.original[i]!,
      };
    },
    FIGURES,
    figureOf,
  );
}
