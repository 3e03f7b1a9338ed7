// `Decisions`: a team case's decision chain, as kept with its local copy when it was last
// opened or synced: each recommendation (who, in which role, when, the reason and
// sub-reason), each deviation it raised and who approved it, and the approver's decision.
import {
  DECISION_STEP_TEXT,
  decisionOutcomeText,
  type TeamDecisionChain as DecisionChain,
} from '@shared/team/decision-chain';
import type { SheetRow } from '../cells';
import { instantLabel } from '../labels';
import type { ColumnSpec, SheetPlan } from '../sheet-writer';

const COLUMNS: ColumnSpec[] = [
  { header: 'Step', kind: 'text', minWidth: 14, maxWidth: 24 },
  { header: 'Who', kind: 'text', minWidth: 10, maxWidth: 30 },
  { header: 'Role', kind: 'text', minWidth: 10, maxWidth: 14 },
  { header: 'When', kind: 'text', minWidth: 16, maxWidth: 32 },
  { header: 'Recommendation or decision', kind: 'text', minWidth: 14, maxWidth: 28 },
  { header: 'Reason', kind: 'text', maxWidth: 50 },
  { header: 'Sub-reason', kind: 'text', maxWidth: 40 },
  { header: 'Detail', kind: 'text', maxWidth: 60 },
  { header: 'Submission', kind: 'text', maxWidth: 12 },
];

export function decisionsPlan(chain: DecisionChain): SheetPlan {
  const rows: SheetRow[] = [
    { style: 'title', cells: ['Decision chain'] },
    [
      `Team case ${chain.sessionId}, ${chain.state}, as the team server held it on ${instantLabel(chain.readAt) ?? chain.readAt}`,
    ],
    [],
  ];
  const headerRow = rows.length + 1;
  rows.push({ style: 'header', cells: COLUMNS.map((c) => c.header) });
  if (chain.steps.length === 0) {
    rows.push({ style: 'note', cells: ['No recommendation has been submitted yet.'] });
  }
  for (const s of chain.steps) {
    rows.push([
      DECISION_STEP_TEXT[s.kind],
      s.by || null,
      s.by ? s.role : null,
      s.at ? (instantLabel(s.at) ?? s.at) : null,
      decisionOutcomeText(s),
      s.reason || null,
      s.subReason || null,
      s.detail || null,
      String(s.submissionId),
    ]);
  }
  return {
    name: 'Decisions',
    columns: COLUMNS,
    tabular: false,
    rowCount: rows.length,
    rows: () => rows,
    emptyNote: '',
    freeze: { rows: headerRow, columns: 0 },
    filter: { headerRow, lastRow: Math.max(headerRow + 1, rows.length) },
  };
}
