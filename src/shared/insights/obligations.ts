// EMI and loan debits, other mandate (ECS/NACH) debits and loan disbursal credits, each
// listed with its transaction and totalled per month.
import type { AccountContext } from './context';
import { tallyMatches } from './matched';
import type { ObligationFigures, ObligationInsights, ObligationItem } from './types';

const FIGURES: readonly (keyof ObligationFigures)[] = ['emi', 'mandateDebits', 'loanDisbursals'];

function figureOf(item: ObligationItem): keyof ObligationFigures {
  if (item.kind === 'emi') return 'emi';
  if (item.kind === 'mandate_debit') return 'mandateDebits';
  return 'loanDisbursals';
}

export function computeObligations(ctx: AccountContext): ObligationInsights {
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
      };
    },
    FIGURES,
    figureOf,
  );
}
