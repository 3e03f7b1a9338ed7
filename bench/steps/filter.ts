// filter: the Transactions filter as the table applies it on a keystroke (text + date
// range over the account's rows), vs a bare Array.prototype.filter with `includes` on the
// narrations and the same date range. The first run (kept as firstMs) builds the search
// text once; later keystrokes reuse it.
import { EMPTY_FILTER, filterTransactions } from '@shared/transactions/filter';
import type { TransactionFilter } from '@shared/transactions/filter';
import { openSaved } from '../lib/inputs';
import type { Step } from '../lib/types';

/** A surname the sandbox's people list uses, as an underwriter would type it. */
const QUERY = 'kumar';

export const filterStep: Step = {
  name: 'filter',
  measured: `filterTransactions(rows, text "${QUERY}" + middle half of the dates)`,
  baseline: 'rows.filter(narration.includes + date range)',
  async prepare(variant, data) {
    const rows = (await openSaved(data)).loaded.view.accounts[0]?.transactions ?? [];
    const from = rows[Math.floor(rows.length / 4)]?.date ?? null;
    const to = rows[Math.floor((rows.length * 3) / 4)]?.date ?? null;
    if (variant === 'baseline') {
      const upper = QUERY.toUpperCase();
      return () => {
        const shown = rows.filter(
          (t) =>
            t.narration.includes(upper) &&
            (from === null || t.date >= from) &&
            (to === null || t.date <= to),
        );
        return Promise.resolve({ facts: { shown: shown.length } });
      };
    }
    const filter: TransactionFilter = { ...EMPTY_FILTER, text: QUERY, from, to };
    return () => {
      const shown = filterTransactions(rows, filter);
      return Promise.resolve({ facts: { shown: shown.length } });
    };
  },
};
