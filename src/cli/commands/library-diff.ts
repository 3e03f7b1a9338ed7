// `bcv library diff <session-id> [--from SNAPSHOT] [--to SNAPSHOT] [--json]`: what changed
// between two saved snapshots of a session (default: the two latest, older to newer).
import { isEmptyDiff, type SnapshotDiff, type TransactionRef } from '@shared/library/diff';
import { formatNumber } from '@shared/format/value';
import { formatDate } from '@shared/model/calendar';
import { diffLibrarySnapshots } from '../../core/library/snapshot-diff';
import type { Library } from '../../core/library/store';
import type { CliIo } from '../io';
import { shown } from '../terminal-safe';

function line(t: TransactionRef): string {
  return `${formatDate(t.date)}  ${t.type.padEnd(6)} ${formatNumber(t.amount).padStart(15)}  ${shown(t.narration)}`;
}

function render(d: SnapshotDiff, from: string, to: string): string {
  const out: string[] = [`Snapshots ${from} -> ${to}`];
  if (isEmptyDiff(d)) return `${out[0]}: no differences\n`;
  const t = d.transactions;
  out.push(
    `Transactions: ${t.added.length} added, ${t.removed.length} removed, ${t.changed.length} changed, ${t.unchanged} unchanged`,
  );
  for (const x of t.added) out.push(`  + ${line(x)}`);
  for (const x of t.removed) out.push(`  - ${line(x)}`);
  for (const c of t.changed) out.push(`  ~ ${line(c.after)}  (${c.fields.join(', ')})`);
  const sets: [string, { added: readonly string[]; removed: readonly string[] }][] = [
    ['Accounts', d.accounts],
    ['Statements', d.statements],
    ['Months', d.months],
  ];
  for (const [name, s] of sets) {
    if (s.added.length + s.removed.length === 0) continue;
    out.push(`${name}: ${s.added.length} added, ${s.removed.length} removed`);
    for (const x of s.added) out.push(`  + ${shown(x)}`);
    for (const x of s.removed) out.push(`  - ${shown(x)}`);
  }
  if (d.fraud.appeared.length + d.fraud.cleared.length > 0) {
    out.push(`Fraud items: ${d.fraud.appeared.length} appeared, ${d.fraud.cleared.length} cleared`);
    for (const f of d.fraud.appeared)
      out.push(`  + ${shown(f.fraudType)} ${f.transactionHash ?? f.statementId ?? ''}`.trimEnd());
    for (const f of d.fraud.cleared)
      out.push(`  - ${shown(f.fraudType)} ${f.transactionHash ?? f.statementId ?? ''}`.trimEnd());
  }
  if (d.figures.length > 0) {
    out.push('Figures that moved:');
    for (const f of d.figures) {
      const fmt = f.figure === 'credits' || f.figure === 'debits' ? formatNumber : String;
      out.push(`  ${shown(f.accountId)} ${f.figure}: ${fmt(f.before)} -> ${fmt(f.after)}`);
    }
  }
  return `${out.join('\n')}\n`;
}

export async function diffCommand(
  library: Library,
  io: CliIo,
  sessionId: string,
  options: { from?: string; to?: string; json: boolean },
): Promise<number> {
  const { from, to, diff } = await diffLibrarySnapshots(library, sessionId, options);
  io.stdout(
    options.json
      ? `${JSON.stringify({ sessionId, from, to, ...diff }, null, 2)}\n`
      : render(diff, from, to),
  );
  return 0;
}
