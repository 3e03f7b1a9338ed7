// `bcv review note|flag|verdict|show <session-id> ... [--library DIR]`: the reviewer's
// flags, notes and verdict on a saved session, from a terminal. Bad input (an unknown
// session, transaction, account or label, an empty note) is one line on stderr, exit 1,
// and nothing is written; a usage error exits 2.
import { plural } from '@shared/format/value';
import { JSON_FLAG, LIBRARY_FLAG } from '../shared-flags';
import type { CreditPolicy } from '@shared/insights/policy';
import { POLICY_OPTION, policyOption } from '../policy-option';
import { userInfo } from 'node:os';
import { computeSessionInsights } from '@shared/insights';
import { claimedTime } from '@shared/review/claimed-time';
import { formatDate } from '@shared/model/calendar';
import { formatRupees } from '@shared/model/money';
import { adjustedAbb, eligibleCredits } from '@shared/review/adjustments';
import {
  FLAG_LABELS,
  FLAG_LABEL_TEXT,
  parseAdjustment,
  parseFlagLabel,
  parseVerdict,
  VERDICT_TEXT,
  type Adjustment,
  type FlagLabel,
} from '@shared/review/labels';
import { adjustmentLine, resolveFlags } from '@shared/review/resolve';
import { describeFlag, excludedKeys, historyLines } from '@shared/review/state';
import { accountLabels } from '../../core/export/labels';
import { ReviewError } from '../../core/review/review-errors';
import type { SessionReviews } from '../../core/review/session-reviews';
import type { CliIo } from '../io';
import { openLibrary } from './library';
import { parseSubcommand, UsageError, type GroupSpec } from '../usage';
import { shown, terminalSafe } from '../terminal-safe';

export const REVIEW_SPEC = {
  name: 'review',
  summary: "The reviewer's flags, notes and verdict on a saved session.",
  flags: {
    text: { type: 'string', arg: 'T', help: 'the text of the note or the reason for the verdict' },
    account: { type: 'string', arg: 'ID', help: 'a note on this account (default: the session)' },
    edit: {
      type: 'string',
      arg: 'NOTE-ID',
      help: 'a new version of this note (any unique start of its id)',
    },
    remove: { type: 'string', arg: 'NOTE-ID', help: 'remove this note (its history stays)' },
    label: {
      type: 'string',
      multiple: true,
      arg: 'L',
      help: `a label, once or more: ${FLAG_LABELS.join(', ')}`,
    },
    note: { type: 'string', arg: 'T', help: 'a note on the flagged transactions' },
    exclude: {
      type: 'string',
      multiple: true,
      arg: 'eligible|abb',
      help: 'exclude the transactions from eligible credits or from ABB',
    },
    ...JSON_FLAG,
    reviewer: {
      type: 'string',
      arg: 'NAME',
      help: 'who signs the change (default: BCV_REVIEWER, else your user name)',
    },
    ...LIBRARY_FLAG,
    ...POLICY_OPTION,
  },
  subcommands: [
    {
      name: 'note',
      args: '<session-id>',
      summary: 'add a note (--text), edit one (--edit ID --text) or remove one (--remove ID)',
      flags: ['text', 'account', 'edit', 'remove', 'reviewer', 'library'],
    },
    {
      name: 'flag',
      args: '<session-id> <transaction-hash...>',
      summary: 'flag transactions with labels, a note, and exclusions',
      flags: ['label', 'note', 'exclude', 'reviewer', 'library'],
    },
    {
      name: 'verdict',
      args: '<session-id> approve|refer|decline',
      summary: 'record the verdict with its reason (--text)',
      flags: ['text', 'reviewer', 'library'],
    },
    {
      name: 'show',
      args: '<session-id>',
      summary: "the session's review: verdict, notes (with their ids), flags, history",
      flags: ['json', 'library', 'policy'],
    },
  ],
  notes: "Times are shown in this computer's time zone.",
} as const satisfies GroupSpec;

function reviewerOf(io: CliIo, given: string | undefined): string {
  if (given !== undefined) return given;
  const fromEnv = io.env['BCV_REVIEWER'];
  if (fromEnv) return fromEnv;
  try {
    return userInfo().username;
  } catch {
    return '';
  }
}

export async function runReviewCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { subcommand: action, values, positionals } = parseSubcommand(argv, REVIEW_SPEC);
  const [sessionId, ...rest] = positionals;
  const saved = openLibrary(io, values.library);
  const { reviews } = saved;
  const reviewer = reviewerOf(io, values.reviewer);
  try {
    if (!sessionId)
      throw new UsageError(`${action}: give a session id (bcv review ${action} --help)`);
    switch (action) {
      case 'note': {
        if (rest.length > 0) throw new UsageError(`note: unexpected "${rest[0]}"`);
        if (values.remove !== undefined) {
          if (values.edit !== undefined || values.text !== undefined || values.account) {
            throw new UsageError('note: --remove ID takes no --edit, --text or --account');
          }
          await reviews.removeNote(sessionId, reviewer, values.remove);
          io.stdout(`Removed note ${terminalSafe(values.remove)} of ${terminalSafe(sessionId)}\n`);
          return 0;
        }
        if (values.text === undefined) throw new UsageError('note: give the note with --text T');
        if (values.edit !== undefined) {
          if (values.account) throw new UsageError('note: an edited note keeps its account');
          await reviews.note(sessionId, reviewer, values.text, { noteId: values.edit });
          io.stdout(`Edited note ${terminalSafe(values.edit)} of ${terminalSafe(sessionId)}\n`);
          return 0;
        }
        await reviews.note(sessionId, reviewer, values.text, { account: values.account ?? null });
        io.stdout(
          `Noted on ${values.account ? `account ${terminalSafe(values.account)}` : 'the session'} of ${terminalSafe(sessionId)}\n`,
        );
        return 0;
      }
      case 'flag': {
        if (rest.length === 0) throw new UsageError('flag: give one or more transaction hashes');
        if (!values.label || values.label.length === 0) {
          throw new UsageError(`flag: give a label with --label L (${FLAG_LABELS.join(', ')})`);
        }
        const labels: Partial<Record<FlagLabel, boolean>> = {};
        for (const text of values.label) {
          const label = parseFlagLabel(text);
          if (!label) {
            throw new ReviewError(
              'UNKNOWN_LABEL',
              `"${terminalSafe(text)}" is not a label (labels: ${FLAG_LABELS.join(', ')})`,
            );
          }
          labels[label] = true;
        }
        const exclude: Partial<Record<Adjustment, boolean>> = {};
        for (const text of values.exclude ?? []) {
          const target = parseAdjustment(text);
          if (!target) {
            throw new ReviewError(
              'UNKNOWN_ADJUSTMENT',
              `--exclude "${terminalSafe(text)}": give eligible or abb`,
            );
          }
          exclude[target] = true;
        }
        if (values.note !== undefined && values.note.trim() === '') {
          throw new ReviewError('EMPTY_TEXT', 'The note is empty');
        }
        const outcome = await reviews.flag(sessionId, reviewer, rest, {
          labels,
          exclude,
          ...(values.note !== undefined ? { note: values.note } : {}),
        });
        const what = Object.keys(labels)
          .map((l) => FLAG_LABEL_TEXT[l as FlagLabel])
          .join(', ');
        io.stdout(
          outcome.events.length === 0
            ? `Already flagged so: nothing changed\n`
            : `Flagged ${plural(rest.length, 'transaction')} ${what}\n`,
        );
        return 0;
      }
      case 'verdict': {
        const [decisionText, ...extra] = rest;
        if (!decisionText) throw new UsageError('verdict: give approve, refer or decline');
        if (extra.length > 0) throw new UsageError(`verdict: unexpected "${extra[0]}"`);
        const decision = parseVerdict(decisionText);
        if (!decision) {
          throw new UsageError(`verdict: "${decisionText}" is not approve, refer or decline`);
        }
        if (values.text === undefined) {
          throw new UsageError('verdict: give the reason with --text T');
        }
        await reviews.verdict(sessionId, reviewer, decision, values.text);
        io.stdout(`Verdict ${VERDICT_TEXT[decision]} recorded for ${terminalSafe(sessionId)}\n`);
        return 0;
      }
      default:
        if (rest.length > 0) throw new UsageError(`show: unexpected "${rest[0]}"`);
        return await show(
          reviews,
          io,
          sessionId,
          values.json === true,
          await policyOption(values.policy, io.cwd),
        );
    }
  } finally {
    await saved.close();
  }
}

/** A review time, one line: as claimed, marked when it cannot be true. */
function claimed(at: string): string {
  return shown(claimedTime(at, new Date()));
}

async function show(
  reviews: SessionReviews,
  io: CliIo,
  sessionId: string,
  json: boolean,
  policy: CreditPolicy,
): Promise<number> {
  const { view, state, snapshot } = await reviews.open(sessionId);
  // The adjusted figures are made with the credit policy given (default: the default policy).
  const insights = computeSessionInsights(view, policy);
  const eligible = eligibleCredits(view, insights, {
    excludedKeys: excludedKeys(state, 'eligible'),
  });
  const abb = adjustedAbb(view, insights, { excludedKeys: excludedKeys(state, 'abb') });
  const flags = resolveFlags(state, view);
  if (json) {
    io.stdout(
      `${JSON.stringify(
        {
          sessionId,
          snapshotId: snapshot.record.snapshotId,
          policy: policy.name,
          verdict: state.verdict,
          verdicts: state.verdicts,
          notes: state.notes,
          flags: flags.map(({ flag, transaction }) => ({
            ...flag,
            inSnapshot: transaction !== null,
          })),
          adjustments: {
            eligibleCredits: eligible.map((e) => ({
              accountId: e.accountId,
              unadjusted: e.unadjusted.amount,
              excluded: e.excluded.amount,
              excludedCount: e.excluded.count,
              adjusted: e.adjusted.amount,
            })),
            abb: abb.map((a) => ({
              accountId: a.accountId,
              unadjusted: a.unadjusted,
              adjusted: a.adjusted,
              excludedCount: a.excluded.count,
            })),
          },
          history: state.history,
        },
        null,
        2,
      )}\n`,
    );
    return 0;
  }
  const lines: string[] = [
    `Session   ${shown(sessionId)} (snapshot ${snapshot.record.snapshotId})`,
  ];
  const v = state.verdict;
  lines.push(
    v
      ? `Verdict   ${VERDICT_TEXT[v.decision]}: ${shown(v.reason)} (${shown(v.reviewer)}, ${claimed(v.at)})`
      : 'Verdict   none yet',
  );
  // Accounts named as the workbook and an underwriter name them: bank and last four digits.
  const labels = accountLabels(view);
  const accountName = (id: string) => shown(labels.get(id) ?? id);
  lines.push(`Policy    ${shown(policy.name)}`, '', 'Eligible credits');
  for (const e of eligible) {
    const line = adjustmentLine(e.excluded);
    lines.push(
      `  ${accountName(e.accountId)}  ${formatRupees(e.adjusted.amount)}${line ? ` (${line}; unadjusted ${formatRupees(e.unadjusted.amount)})` : ''}`,
    );
  }
  if (abb.some((a) => a.excluded.count > 0)) {
    lines.push('', 'ABB');
    for (const a of abb.filter((x) => x.excluded.count > 0)) {
      lines.push(
        `  ${accountName(a.accountId)}  ${formatRupees(a.adjusted)} (adjusted by the reviewer: ${plural(a.excluded.count, 'transaction')}; unadjusted ${formatRupees(a.unadjusted)})`,
      );
    }
  }
  lines.push('', `Notes (${state.notes.length})`);
  for (const n of state.notes) {
    lines.push(
      `  [${shown(n.noteId.slice(0, 8))}] ${n.account === null ? 'Session' : `Account ${accountName(n.account)}`}: ${shown(n.text)} (${shown(n.author)}, ${claimed(n.createdAt)}${n.editedAt ? `; edited by ${shown(n.editedBy ?? n.author)}, ${claimed(n.editedAt)}` : ''})`,
    );
  }
  lines.push('', `Flags (${flags.length})`);
  for (const { flag, transaction } of flags) {
    const seen = transaction ?? flag.seen;
    const where = seen
      ? `${shown(formatDate(seen.date))}  ${seen.type} ${formatRupees(seen.amount)}  ${shown(seen.narration)}`
      : 'transaction not known';
    lines.push(
      `  ${shown(flag.key)}  ${where}${transaction ? '' : '  [not in this snapshot]'}`,
      `      ${shown(describeFlag(flag))}${flag.note ? `; note: ${shown(flag.note)}` : ''}`,
    );
  }
  lines.push(
    '',
    `History (${state.history.length}, in the order recorded; each time is what its writer's clock said)`,
  );
  for (const { event: e, text } of historyLines(state.history)) {
    lines.push(`  ${claimed(e.at)}  ${shown(e.reviewer)}  ${shown(text)}`);
  }
  io.stdout(`${lines.join('\n')}\n`);
  return 0;
}
