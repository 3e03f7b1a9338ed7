// team:* — the team library (src/core/team) behind the contract's channels. The profile's
// secrets go into the vault and come back as hints only; every call to the server takes its
// turn on the app's one signed-in connection (TeamLink), and its failures are core's lines.
import type { TeamCaseDecision, TeamLimitFigure } from '@shared/team/types';
import { parseSearchInput } from '@shared/catalogue/query';
import { computeSessionInsights, summarizeSession, type SessionSummary } from '@shared/insights';
import { limitFigures } from '@shared/team/limit-figures';
import { CoreError } from '../../../core/core-error';
import type { AppDeps } from '../../../core/deps';
import type { Services } from '../../../core/services';
import { findCase, listCases, openCase, publishSnapshot } from '../../../core/team/cases';
import { readPem, type TeamConnection } from '../../../core/team/connect';
import {
  approveDeviation,
  decide,
  decisionState,
  listPolicyLimits,
  listReasons,
  submit,
} from '../../../core/team/decisions';
import { teamMarks } from '../../../core/team/local-mark';
import { keepDecisionChain, localDecisionChain } from '../../../core/team/decision-chain';
import { isTeamCase } from '../../../core/team/export-audit';
import type { Member } from '../../../core/team/schema';
import { searchTeam, seenInTeam } from '../../../core/team/search';
import { listQueuedRows, setAsideRow } from '../../../core/team/audit-queue-held';
import { memberView } from '../../../core/team/team-link';
import type { HandlerMap } from '../types';
import { catalogueChanged } from './catalogue';

type Channels =
  | 'team:status'
  | 'team:save'
  | 'team:remove'
  | 'team:choose-file'
  | 'team:test'
  | 'team:marks'
  | 'team:cases'
  | 'team:publish'
  | 'team:open'
  | 'team:sync'
  | 'team:search'
  | 'team:seen-elsewhere'
  | 'team:case'
  | 'team:submit'
  | 'team:deviation'
  | 'team:decide'
  | 'team:decision-chain'
  | 'team:queue'
  | 'team:set-aside';

/** A case's place in maker-checker with what its team configured, for this login. */
async function caseDecision(
  db: TeamConnection,
  me: Member,
  sessionId: string,
  summary: SessionSummary | null = null,
): Promise<TeamCaseDecision> {
  const teamCase = await findCase(db, sessionId);
  const state = await decisionState(db, sessionId);
  const limits = (await listPolicyLimits(db, teamCase.team)).map(({ team: _t, ...l }) => l);
  return {
    case: teamCase,
    me: memberView(me),
    submission: state.submission,
    deviations: state.deviations,
    decision: state.decision,
    reasons: (await listReasons(db, teamCase.team)).map(({ team: _t, ...r }) => r),
    limits,
    figures: summary ? limitFigures(limits, summary) : null,
  };
}

/**
 * What a submission's limits are checked against: the session's own figure where the app
 * has one (a figure typed for it is refused: the report's is the one signed), else the
 * figure typed.
 */
function submissionFigures(
  limits: readonly TeamLimitFigure[],
  typed: Readonly<Record<string, string>> | undefined,
): Record<string, number> {
  const figures = figuresOf(typed);
  for (const limit of limits) {
    if (limit.value === null) continue;
    if (limit.rule in figures) {
      throw new CoreError(
        'BAD_ARGUMENT',
        `${limit.label} comes from the report (${limit.value}, ${limit.source}): it is not typed in`,
      );
    }
    figures[limit.rule] = limit.value;
  }
  return figures;
}

/** A figure as typed ("62.5") to the number the team's limits compare; '' is none given. */
function figuresOf(typed: Readonly<Record<string, string>> | undefined): Record<string, number> {
  const figures: Record<string, number> = {};
  for (const [rule, text] of Object.entries(typed ?? {})) {
    if (text === '') continue;
    if (!/^-?\d+(\.\d+)?$/.test(text)) {
      throw new CoreError('BAD_ARGUMENT', `${rule}: "${text}" is not a number`);
    }
    figures[rule] = Number(text);
  }
  return figures;
}

const CHOOSE = {
  ca: 'The CA that signed the team server’s certificate',
  cert: 'Your client certificate',
  key: 'Your client certificate’s key',
} as const;

export function teamHandlers(deps: AppDeps, s: Services): HandlerMap<Channels> {
  const { team } = s;
  const { link, parts } = team;
  /** The session on screen's Summary under the chosen credit policy (as its tab shows it). */
  const summaryOf = async (handle: string, sessionId: string): Promise<SessionSummary> => {
    const { loaded } = s.sessions.get(handle);
    if (loaded.sessionId !== sessionId) {
      throw new CoreError('BAD_ARGUMENT', `The session on screen is not case ${sessionId}`);
    }
    const policy = await s.policy.get();
    return summarizeSession(loaded.view, computeSessionInsights(loaded.view, policy), policy);
  };
  return {
    'team:status': () => Promise.resolve(team.status()),
    'team:save': async ({ clientKeyFile, ...input }) => {
      await link.save({
        ...input,
        caFile: input.caFile || null,
        certFile: input.certFile || null,
        clientKey: clientKeyFile ? await readPem(clientKeyFile, 'client key') : clientKeyFile,
      });
      return team.status();
    },
    'team:remove': async () => {
      await link.remove();
      return team.status();
    },
    'team:choose-file': async ({ what }) => {
      const chosen = await deps.dialogs.openFiles({
        title: CHOOSE[what],
        filters: [
          { name: 'PEM files', extensions: ['pem', 'crt', 'cer', 'key'] },
          { name: 'All files', extensions: ['*'] },
        ],
        multiple: false,
      });
      return chosen?.[0] ? { path: chosen[0] } : ({ cancelled: true } as const);
    },
    'team:test': async () => {
      await link.test();
      return team.status();
    },
    'team:marks': async () => ({
      marks: (await teamMarks(parts.library.dir)).map(({ format: _f, since: _s, ...m }) => m),
    }),
    'team:cases': async () => ({ cases: await link.run(({ db }) => listCases(db)) }),
    'team:publish': async ({ sessionId, snapshotId }) => {
      const out = await link.run(({ db }) => publishSnapshot(db, parts, sessionId, snapshotId));
      return {
        snapshotId: out.snapshotId,
        published: out.published,
        transactions: out.transactions,
        reviewSent: out.reviewSent,
      };
    },
    'team:open': async ({ sessionId }, ctx) => {
      const out = await link.run(({ db }) => openCase(db, parts, sessionId));
      catalogueChanged(s.catalogue, ctx);
      return {
        case: out.teamCase,
        imported: out.imported,
        snapshots: out.snapshots,
        reviewReceived: out.reviewReceived,
        reviewSent: out.reviewSent,
      };
    },
    'team:sync': () => team.sync(),
    'team:search': async (input) => {
      const parsed = parseSearchInput(input);
      if (!parsed.ok) throw new CoreError('BAD_ARGUMENT', parsed.message);
      // Read from the replica when the profile names one; the search's audit row on the primary.
      return link.reads((reader, { db }) => searchTeam(reader, parsed.query, undefined, db));
    },
    'team:seen-elsewhere': async ({ handle }) => {
      const { loaded } = s.sessions.get(handle);
      return link.reads((reader) => seenInTeam(reader, loaded.sessionId, loaded.view));
    },
    'team:case': async ({ sessionId, handle }) => {
      const summary = handle ? await summaryOf(handle, sessionId) : null;
      return link.run(({ db, me }) => caseDecision(db, me, sessionId, summary));
    },
    'team:submit': async ({ sessionId, handle, figures, ...input }) => {
      const summary = await summaryOf(handle, sessionId);
      return link.run(async ({ db, me }) => {
        const before = await caseDecision(db, me, sessionId, summary);
        const checked = submissionFigures(before.figures ?? [], figures);
        await submit(db, sessionId, { ...input, figures: checked });
        return caseDecision(db, me, sessionId, summary);
      });
    },
    'team:deviation': ({ sessionId, id, reason }) =>
      link.run(async ({ db, me }) => {
        await approveDeviation(db, id, reason);
        return caseDecision(db, me, sessionId);
      }),
    'team:decide': ({ sessionId, decision, reason }) =>
      link.run(async ({ db, me }) => {
        await decide(db, sessionId, decision, reason);
        return caseDecision(db, me, sessionId);
      }),
    'team:decision-chain': async ({ sessionId }) => {
      const dir = parts.library.dir;
      if (!(await isTeamCase(dir, sessionId))) return { chain: null };
      if (link.configured()) {
        try {
          return { chain: await link.run(({ db }) => keepDecisionChain(db, dir, sessionId)) };
        } catch {
          // The server cannot be reached: the chain as kept at the last open or sync.
        }
      }
      return { chain: await localDecisionChain(dir, sessionId) };
    },
    'team:queue': async () => ({
      rows: await listQueuedRows(parts.library.dir),
      login: link.profile()?.user ?? null,
    }),
    // Signed in: the login setting the row aside is the server's to confirm, not the form's.
    'team:set-aside': async ({ id, reason }) => {
      const dir = parts.library.dir;
      const setAside = await link.run(({ db }) =>
        setAsideRow(dir, { id, login: db.login, reason }),
      );
      return { setAside, rows: await listQueuedRows(dir), login: link.profile()?.user ?? null };
    },
  };
}
