// insights: every insight for the session (computeSessionInsights on the view model), vs
// a bare single pass over the transactions summing credits and debits by month.
import { computeSessionInsights } from '@shared/insights/index';
import { openSaved } from '../lib/inputs';
import type { Step } from '../lib/types';

export const insightsStep: Step = {
  name: 'insights',
  measured: 'computeSessionInsights(view)',
  baseline: 'one pass over the rows summing credits and debits by month',
  async prepare(variant, data) {
    const { loaded } = await openSaved(data);
    const view = loaded.view;
    if (variant === 'baseline') {
      return () => {
        const byMonth = new Map<string, { credits: number; debits: number }>();
        for (const account of view.accounts) {
          for (const t of account.transactions) {
            const month = t.date.slice(0, 7);
            let sums = byMonth.get(month);
            if (!sums) byMonth.set(month, (sums = { credits: 0, debits: 0 }));
            if (t.type === 'credit') sums.credits += Math.round(t.amount * 100);
            else sums.debits += Math.round(t.amount * 100);
          }
        }
        return Promise.resolve({ facts: { months: byMonth.size } });
      };
    }
    return () => {
      const insights = computeSessionInsights(view);
      return Promise.resolve({ facts: { accounts: insights.accounts.length } });
    };
  },
};
