// `bcv team assign|reason|policy|submit|deviation|decide|state`: maker-checker on a team case
// from a terminal. The server decides who may do what; its refusals are printed as they are.
import type { TeamConnection } from '../../core/team/connect';
import {
  addReason,
  approveDeviation,
  assignCase,
  decide,
  decisionState,
  listReasons,
  parseRecommendation,
  setPolicyLimit,
  submit,
  type CaseDecisionState,
  type Recommendation,
} from '../../core/team/decisions';
import { formatLocalTime } from '@shared/format/local-time';
import type { CliIo } from '../io';
import { shown } from '../terminal-safe';
import { UsageError } from '../usage';

export const DECISION_FLAGS = {
  reason: {
    type: 'string',
    arg: 'R',
    help: "the reason (a submission: one of the team's list; queue set-aside: why, in your words)",
  },
  'sub-reason': { type: 'string', arg: 'S', help: 'the sub-reason, from the same list' },
  note: { type: 'string', arg: 'T', help: "the underwriter's note with a submission" },
  figure: {
    type: 'string',
    multiple: true,
    arg: 'NAME=N',
    help: "a figure the team's policy limits are checked against (foir_pct=62.5)",
  },
  recommendation: { type: 'string', arg: 'R', help: 'approve, decline or refer' },
  rule: { type: 'string', arg: 'NAME', help: "a policy limit's figure (foir_pct)" },
  max: { type: 'string', arg: 'N', help: "the policy limit's largest value" },
  label: { type: 'string', arg: 'TEXT', help: "the policy limit's name as shown" },
} as const;

export const DECISION_SUBCOMMANDS = [
  {
    name: 'assign',
    args: '<session-id> LOGIN',
    summary: "a case to an underwriter (an admin, or an approver of the case's team)",
    flags: [],
  },
  {
    name: 'reason',
    args: 'add | list',
    summary: "the reasons a team's underwriters may give (an admin adds them)",
    flags: ['team-name', 'recommendation', 'reason', 'sub-reason'],
  },
  {
    name: 'policy',
    args: 'set',
    summary: "a team's policy limit (an admin), e.g. --rule foir_pct --max 50",
    flags: ['team-name', 'rule', 'max', 'label'],
  },
  {
    name: 'submit',
    args: '<session-id> approve|decline|refer',
    summary: "the underwriter's recommendation; the case is then locked for them",
    flags: ['reason', 'sub-reason', 'note', 'figure'],
  },
  {
    name: 'deviation',
    args: 'approve ID',
    summary: "a figure over the policy's limit, approved (an approver, not its maker)",
    flags: ['reason'],
  },
  {
    name: 'decide',
    args: '<session-id> approve|decline|refer',
    summary: "the approver's decision, with a reason",
    flags: ['reason'],
  },
  {
    name: 'state',
    args: '<session-id>',
    summary: 'submission, deviations, decision, and who holds the case',
    flags: [],
  },
] as const;

export interface DecisionFlags {
  readonly reason?: string | undefined;
  readonly 'sub-reason'?: string | undefined;
  readonly note?: string | undefined;
  readonly figure?: string[] | undefined;
  readonly recommendation?: string | undefined;
  readonly rule?: string | undefined;
  readonly max?: string | undefined;
  readonly label?: string | undefined;
  readonly 'team-name'?: string | undefined;
}

function recommendationOf(text: string | undefined, what: string): Recommendation {
  const parsed = parseRecommendation(text);
  if (!parsed) throw new UsageError(`${what}: give approve, decline or refer`);
  return parsed;
}

function needed(value: string | undefined, flag: string, action: string): string {
  if (value === undefined || value.trim() === '') throw new UsageError(`${action}: give ${flag}`);
  return value;
}

/** `--figure foir_pct=62.5`: a figure the team's policy limits are checked against. */
function figuresOf(given: readonly string[] | undefined): Record<string, number> {
  const figures: Record<string, number> = {};
  for (const text of given ?? []) {
    const m = /^([a-z][a-z0-9_]{0,40})=(-?\d+(?:\.\d+)?)$/.exec(text.trim());
    if (!m)
      throw new UsageError(`--figure: expected name=number (e.g. foir_pct=62.5), got "${text}"`);
    figures[m[1]!] = Number(m[2]);
  }
  return figures;
}

export function describeState(sessionId: string, s: CaseDecisionState): string {
  const lines = [`Case ${shown(sessionId)}: ${s.state}`];
  if (s.submission) {
    const sub = s.submission;
    lines.push(
      `  submitted by ${shown(sub.by)} on ${formatLocalTime(sub.at)}: ${sub.recommendation}, ${shown(sub.reason)}${sub.subReason ? ` / ${shown(sub.subReason)}` : ''}${sub.note ? ` (${shown(sub.note)})` : ''}`,
    );
  }
  for (const d of s.deviations) {
    lines.push(
      `  deviation ${d.id}: ${shown(d.label)} ${d.value}, over the limit ${d.maxValue}: ` +
        (d.approvedBy
          ? `approved by ${shown(d.approvedBy)} (${shown(d.approvalReason ?? '')})`
          : 'not approved yet'),
    );
  }
  if (s.decision) {
    lines.push(
      `  decided by ${shown(s.decision.by)} on ${formatLocalTime(s.decision.at)}: ${s.decision.decision}, ${shown(s.decision.reason)}`,
    );
  } else if (s.state === 'submitted') {
    lines.push('  held by the approvers of its team');
  }
  return `${lines.join('\n')}\n`;
}

export async function decisionsCommand(
  db: TeamConnection,
  io: CliIo,
  action: string,
  rest: readonly string[],
  values: DecisionFlags,
): Promise<number> {
  switch (action) {
    case 'assign': {
      const [sessionId, login] = rest;
      if (!sessionId || !login) throw new UsageError('assign: give a session id and a login');
      await assignCase(db, sessionId, login);
      io.stdout(`Case ${shown(sessionId)} is assigned to ${shown(login)}\n`);
      return 0;
    }
    case 'reason': {
      const [what] = rest;
      const team = needed(values['team-name'], '--team-name T', 'reason');
      if (what === 'list') {
        for (const r of await listReasons(db, team)) {
          io.stdout(
            `${r.recommendation}  ${shown(r.reason)}${r.subReason ? ` / ${shown(r.subReason)}` : ''}\n`,
          );
        }
        return 0;
      }
      if (what !== 'add') throw new UsageError('reason: give add or list');
      await addReason(db, {
        team,
        recommendation: recommendationOf(values.recommendation, '--recommendation'),
        reason: needed(values.reason, '--reason R', 'reason add'),
        subReason: values['sub-reason'] ?? '',
      });
      io.stdout(`Team ${shown(team)} may give that reason\n`);
      return 0;
    }
    case 'policy': {
      if (rest[0] !== 'set') throw new UsageError('policy: give set');
      const team = needed(values['team-name'], '--team-name T', 'policy set');
      const max = needed(values.max, '--max N', 'policy set');
      if (!/^-?\d+(\.\d+)?$/.test(max))
        throw new UsageError(`--max: expected a number, got "${max}"`);
      const rule = needed(values.rule, '--rule NAME', 'policy set');
      await setPolicyLimit(db, { team, rule, maxValue: max, label: values.label ?? rule });
      io.stdout(`Team ${shown(team)}: ${shown(rule)} at most ${max}\n`);
      return 0;
    }
    case 'submit': {
      const [sessionId, recommendation, extra] = rest;
      if (!sessionId || extra !== undefined)
        throw new UsageError('submit: give a session id and approve, decline or refer');
      const out = await submit(db, sessionId, {
        recommendation: recommendationOf(recommendation, 'submit'),
        reason: needed(values.reason, '--reason R', 'submit'),
        subReason: values['sub-reason'] ?? '',
        note: values.note ?? '',
        figures: figuresOf(values.figure),
      });
      io.stdout(
        `Submitted ${shown(sessionId)} (submission ${out.submissionId}): the case is locked for you until it is decided\n`,
      );
      for (const d of out.deviations) {
        io.stdout(
          `Deviation ${d.id}: ${shown(d.label)} ${d.value} is over the limit ${d.maxValue}: an approver must approve it first\n`,
        );
      }
      return 0;
    }
    case 'deviation': {
      const [what, id] = rest;
      if (what !== 'approve' || !id || !/^\d+$/.test(id))
        throw new UsageError('deviation: give approve ID --reason T');
      const d = await approveDeviation(
        db,
        Number(id),
        needed(values.reason, '--reason T', 'deviation approve'),
      );
      io.stdout(`Deviation ${d.id} (${shown(d.label)} ${d.value}) approved\n`);
      return 0;
    }
    case 'decide': {
      const [sessionId, decision, extra] = rest;
      if (!sessionId || extra !== undefined)
        throw new UsageError('decide: give a session id and approve, decline or refer');
      const chosen = recommendationOf(decision, 'decide');
      await decide(db, sessionId, chosen, needed(values.reason, '--reason T', 'decide'));
      io.stdout(`Decided ${shown(sessionId)}: ${chosen}\n`);
      return 0;
    }
    case 'state': {
      const [sessionId] = rest;
      if (!sessionId) throw new UsageError('state: give a session id');
      io.stdout(describeState(sessionId, await decisionState(db, sessionId)));
      return 0;
    }
    default:
      throw new UsageError(`unknown team command "${action}"`);
  }
}
