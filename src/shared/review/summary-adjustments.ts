// The Summary (tab, memo, Copy summary) with the reviewer's adjustments applied, and only
// those: eligible credits (and their monthly average) without the credits excluded from
// them, ABB without the transactions excluded from it. Each changed figure keeps the figure
// as computed and the transactions taken out (FigureAdjustment), so the unadjusted figure
// is one click away and the adjustment opens what it excluded. Nothing else is recomputed.
import type {
  FigureParts,
  SessionFigure,
  SessionInsights,
  SessionSummary,
  SummaryFigure,
} from '../insights';
import { plural } from '../format/value';
import { fromPaise, toPaise } from '../model/money';
import type { SessionView } from '../model/view-model';
import {
  adjustedAbb,
  eligibleCredits,
  reviewKey,
  type AmountList,
  type KeyOf,
} from './adjustments';
import { adjustmentLine } from './resolve';
import { excludedKeys, type ReviewState } from './state';

/** `adjusted by the reviewer: 2 transactions left out of the balances`. */
export function abbAdjustmentLine(excluded: AmountList): string | null {
  if (excluded.count === 0) return null;
  return `adjusted by the reviewer: ${plural(excluded.count, 'transaction')} left out of the balances`;
}

type Change = { readonly value: number | null; readonly trace?: readonly number[] };

function adjusted(f: SummaryFigure, change: Change, excluded: AmountList, line: string) {
  return {
    ...f,
    value: change.value,
    trace: change.trace ?? f.trace,
    adjustment: {
      unadjusted: typeof f.value === 'number' ? f.value : null,
      unadjustedTrace: f.trace,
      excluded: { amount: excluded.amount, count: excluded.count, indices: excluded.indices },
      line,
    },
  } satisfies SummaryFigure;
}

export function adjustSummary(
  summary: SessionSummary,
  session: SessionView,
  insights: SessionInsights,
  state: ReviewState,
  keyOf: KeyOf = reviewKey,
): SessionSummary {
  const eligibleKeys = excludedKeys(state, 'eligible');
  const abbKeys = excludedKeys(state, 'abb');
  if (eligibleKeys.size === 0 && abbKeys.size === 0) return summary;
  const eligible = eligibleCredits(session, insights, { excludedKeys: eligibleKeys, keyOf });
  const abb = adjustedAbb(session, insights, { excludedKeys: abbKeys, keyOf });

  const accounts = summary.accounts.map((a) => {
    const e = eligible.find((x) => x.accountId === a.accountId);
    const b = abb.find((x) => x.accountId === a.accountId);
    const eLine = e ? adjustmentLine(e.excluded) : null;
    const bLine = b ? abbAdjustmentLine(b.excluded) : null;
    const change = (f: SummaryFigure): SummaryFigure => {
      if (e && eLine && f.key === 'eligibleCredits') {
        return adjusted(
          f,
          { value: e.adjusted.amount, trace: e.adjusted.indices },
          e.excluded,
          eLine,
        );
      }
      if (e && eLine && f.key === 'eligibleMonthly') {
        return adjusted(
          f,
          { value: e.adjustedMonthly, trace: e.adjusted.indices },
          e.excluded,
          eLine,
        );
      }
      if (b && bLine && f.key === 'abb')
        return adjusted(f, { value: b.adjusted }, b.excluded, bLine);
      if (b && bLine && f.key === 'abbThree') {
        return adjusted(f, { value: b.adjustedThree }, b.excluded, bLine);
      }
      return f;
    };
    return {
      ...a,
      sections: a.sections.map((s) => ({ ...s, figures: s.figures.map(change) })),
    };
  });

  // The session's eligible figures are the accounts' added up, as summarizeSession adds them.
  const figures = summary.figures.map((f): SessionFigure => {
    if (f.key !== 'eligibleCredits' && f.key !== 'eligibleMonthly') return f;
    const mine = accounts.flatMap((a) =>
      a.sections.flatMap((s) => s.figures).filter((x) => x.key === f.key && x.adjustment),
    );
    if (mine.length === 0) return f;
    let paise = 0;
    const parts: FigureParts[] = [];
    const excludedParts: FigureParts[] = [];
    let count = 0;
    let excludedPaise = 0;
    for (const a of accounts) {
      const x = a.sections.flatMap((s) => s.figures).find((y) => y.key === f.key);
      if (!x || typeof x.value !== 'number') continue;
      paise += toPaise(x.value);
      if (x.trace.length > 0) parts.push({ accountId: a.accountId, indices: x.trace });
      if (x.adjustment) {
        count += x.adjustment.excluded.count;
        excludedPaise += toPaise(x.adjustment.excluded.amount);
        excludedParts.push({ accountId: a.accountId, indices: x.adjustment.excluded.indices });
      }
    }
    const line = adjustmentLine({ amount: fromPaise(excludedPaise), count, indices: [] })!;
    return {
      ...f,
      value: fromPaise(paise),
      parts,
      adjustment: {
        unadjusted: typeof f.value === 'number' ? f.value : null,
        unadjustedParts: f.parts,
        excludedParts,
        line,
      },
    };
  });
  return { ...summary, accounts, figures };
}
