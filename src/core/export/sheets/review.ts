// `Review`: the reviewer's work on the session: the verdict, the effect of the adjustments
// on eligible credits and ABB, the notes, every flag with its transaction (or "not in this
// snapshot" with what the reviewer saw), and the edit history.
import { abbAdjustmentLine } from '@shared/review/summary-adjustments';
import { adjustedAbb, eligibleCredits, reviewKey, type KeyOf } from '@shared/review/adjustments';
import {
  ADJUSTMENT_PHRASE,
  ADJUSTMENT_TEXT,
  FLAG_LABEL_TEXT,
  VERDICT_TEXT,
  type Adjustment,
} from '@shared/review/labels';
import { adjustmentLine, resolveFlags } from '@shared/review/resolve';
import { excludedKeys, historyLines, type ReviewState } from '@shared/review/state';
import type { TransactionView } from '@shared/model/view-model';
import { transactionTypeLabel } from '@shared/format/transaction-type';
import { typed, type SheetRow } from '../cells';
import { labelOf, type ExportContext } from '../context';
import { insightsFor } from './insights';
import { instantLabel } from '../labels';
import { claimProblem } from '@shared/review/claimed-time';
import { HASH_COLUMN, NARRATION_COLUMN, type ColumnSpec, type SheetPlan } from '../sheet-writer';

export const NOT_IN_SNAPSHOT = 'not in this snapshot';

export interface ExportReview {
  readonly state: ReviewState;
  /** How the review names transactions (the hash unless told otherwise). */
  readonly keyOf?: KeyOf;
}

// Mixed sections: the columns' kinds are set per cell (typed.*), widths from the flags table.
const COLUMNS: ColumnSpec[] = [
  { header: 'Account', kind: 'text', minWidth: 16, maxWidth: 30 },
  { header: 'Date', kind: 'text', minWidth: 12, maxWidth: 24 },
  NARRATION_COLUMN,
  { header: 'Debit/Credit', kind: 'text', maxWidth: 24 },
  { header: 'Amount', kind: 'text', minWidth: 14, maxWidth: 24 },
  { header: 'Labels', kind: 'text', maxWidth: 40 },
  { header: 'Note', kind: 'text', maxWidth: 60 },
  { header: 'Adjustments', kind: 'text', maxWidth: 50 },
  HASH_COLUMN,
  { header: 'Reviewers', kind: 'text', maxWidth: 30 },
  { header: 'Last changed', kind: 'text', maxWidth: 24 },
];

/** A review time: the claim its writer's clock made, marked when it cannot be true. */
function when(iso: string): string {
  const problem = claimProblem(iso, new Date());
  const label = problem === 'not a time' ? iso : (instantLabel(iso) ?? iso);
  return problem ? `${label} (claimed; ${problem})` : label;
}

export function reviewPlan(context: ExportContext, review: ExportReview): SheetPlan {
  const { state } = review;
  const keyOf = review.keyOf ?? reviewKey;
  const view = context.view;
  const accounts = new Set(context.accounts.map((a) => a.accountId));
  const rows: SheetRow[] = [{ style: 'title', cells: ['Review'] }];

  const v = state.verdict;
  rows.push(
    v
      ? ['Verdict', VERDICT_TEXT[v.decision], v.reason, `${v.reviewer}, ${when(v.at)}`]
      : ['Verdict', 'No verdict yet'],
  );
  for (const earlier of state.verdicts.slice(0, -1)) {
    rows.push([
      'Earlier verdict',
      VERDICT_TEXT[earlier.decision],
      earlier.reason,
      `${earlier.reviewer}, ${when(earlier.at)}`,
    ]);
  }
  rows.push([]);

  // Adjustments and what they change: the figures before and after, per account.
  const insights = insightsFor(view, context.policy);
  const eligible = eligibleCredits(view, insights, {
    excludedKeys: excludedKeys(state, 'eligible'),
    keyOf,
  }).filter((e) => accounts.has(e.accountId));
  const abb = adjustedAbb(view, insights, {
    excludedKeys: excludedKeys(state, 'abb'),
    keyOf,
  }).filter((a) => accounts.has(a.accountId));
  rows.push({ style: 'title', cells: ['Adjustments'] });
  rows.push({
    style: 'header',
    cells: ['Account', 'Figure', 'Unadjusted', 'Excluded', 'Adjusted', 'Effect'],
  });
  for (const e of eligible) {
    rows.push([
      labelOf(context, e.accountId),
      'Eligible credits',
      typed.money(e.unadjusted.amount),
      typed.money(e.excluded.amount),
      typed.money(e.adjusted.amount),
      adjustmentLine(e.excluded) ?? 'not adjusted',
    ]);
  }
  for (const a of abb) {
    rows.push([
      labelOf(context, a.accountId),
      'ABB (5th/10th/15th/20th/25th/last)',
      typed.money(a.unadjusted),
      typed.money(a.excluded.amount),
      typed.money(a.adjusted),
      abbAdjustmentLine(a.excluded) ?? 'not adjusted',
    ]);
  }
  rows.push([
    'Only the figures above change with the adjustments; every other sheet is as computed from the data.',
  ]);
  rows.push([]);

  rows.push({ style: 'title', cells: ['Notes'] });
  rows.push({ style: 'header', cells: ['On', 'Note', 'Written by', 'Written', 'Edited'] });
  if (state.notes.length === 0) rows.push({ style: 'note', cells: ['No notes.'] });
  for (const n of state.notes) {
    rows.push([
      n.account === null ? 'The session' : labelOf(context, n.account),
      n.text,
      n.author,
      when(n.createdAt),
      n.editedAt ? `${n.editedBy ?? ''}, ${when(n.editedAt)}` : null,
    ]);
  }
  rows.push([]);

  rows.push({ style: 'title', cells: ['Flagged transactions'] });
  const flagsHeader = rows.length + 1;
  rows.push({ style: 'header', cells: COLUMNS.map((c) => c.header) });
  const resolved = resolveFlags(state, view, keyOf);
  if (resolved.length === 0) rows.push({ style: 'note', cells: ['No flagged transactions.'] });
  for (const { flag, transaction: t } of resolved) {
    const seen = t ?? flag.seen;
    const adjustments = (Object.keys(flag.exclude) as Adjustment[])
      .filter((a) => flag.exclude[a])
      .map((a) => ADJUSTMENT_TEXT[a]);
    rows.push([
      seen ? labelOf(context, seen.accountId) : null,
      seen ? typed.date(seen.date) : null,
      t ? t.narration : `${NOT_IN_SNAPSHOT}${seen ? `: ${seen.narration}` : ''}`,
      seen ? transactionTypeLabel(seen.type) : null,
      seen ? typed.money(seen.amount) : null,
      flag.labels.map((l) => FLAG_LABEL_TEXT[l]).join(', '),
      flag.note,
      adjustments.join(', ') || null,
      typed.id(flag.key + (flag.derived ? ' (derived)' : '')),
      flag.reviewers.join(', '),
      when(flag.lastAt),
    ]);
  }
  const flagsLast = rows.length;
  rows.push([]);

  rows.push({ style: 'title', cells: ['Edit history'] });
  rows.push({ style: 'header', cells: ['When', 'Reviewer', 'Change'] });
  if (state.history.length === 0) rows.push({ style: 'note', cells: ['No changes yet.'] });
  for (const { event: e, text } of historyLines(state.history)) {
    rows.push([when(e.at), e.reviewer, text]);
  }

  return {
    name: 'Review',
    columns: COLUMNS,
    tabular: false,
    rowCount: rows.length,
    rows: () => rows,
    emptyNote: '',
    freeze: { rows: 1, columns: 0 },
    filter: { headerRow: flagsHeader, lastRow: Math.max(flagsHeader + 1, flagsLast) },
  };
}

/** The Transactions sheet's "Review" cell for a transaction: labels, note, adjustments. */
export function reviewCellOf(review: ExportReview): (t: TransactionView) => string | null {
  const keyOf = review.keyOf ?? reviewKey;
  const byKey = new Map(review.state.flags.map((f) => [f.key, f]));
  return (t) => {
    const flag = byKey.get(keyOf(t));
    if (!flag) return null;
    const parts = flag.labels.map((l) => FLAG_LABEL_TEXT[l]);
    for (const a of Object.keys(flag.exclude) as Adjustment[]) {
      if (flag.exclude[a]) parts.push(ADJUSTMENT_PHRASE[a]);
    }
    if (flag.note) parts.push(`note: ${flag.note}`);
    return parts.join('; ');
  };
}
