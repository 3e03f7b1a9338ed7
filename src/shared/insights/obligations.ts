// EMI and loan debits, other mandate (ECS/NACH) debits and loan disbursal credits, each
// listed with its transaction and totalled per month. A debit that came back (its return
// paired in returns.ts) is a bounce, not a payment: it counts as bounced, not honoured.
import type { AccountContext } from './context';
import { tallyMatches } from './matched';
import type { ReturnPairs } from './returns';
import type { ObligationFigures, ObligationInsights, ObligationItem } from './types';

const FIGURES: readonly (keyof ObligationFigures)[] = [
  'emi',
  'emiBounced',
  'mandateDebits',
  'mandateBounced',
  'loanDisbursals',
];

function figureOf(item: ObligationItem): keyof ObligationFigures {
  const returned = item.returnedBy !== null;
  if (item.kind === 'emi') return returned ? 'emiBounced' : 'emi';
  if (item.kind === 'mandate_debit') return returned ? 'mandateBounced' : 'mandateDebits';
  return 'loanDisbursals';
}

export function computeObligations(ctx: AccountContext, pairs: ReturnPairs): ObligationInsights {
  return tallyMatches(
    ctx,
    ctx.obligation,
    (i, match): ObligationItem => {
      const t = ctx.txs[i]!;
      return {
        index: i,
        date: t.date,
        month: ctx.month[i]!,
        amount: t.amount,
        kind: match.kind,
        counterparty: ctx.party[i]?.name ?? null,
        rule: match.rule,
        narration: t.narration,
        returnedBy:
          match.kind === 'loan_disbursal' || pairs.returnedBy[i]! < 0 ? null : pairs.returnedBy[i]!,
      };
    },
    FIGURES,
    figureOf,
  );
}
