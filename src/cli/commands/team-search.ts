// `bcv team search <text>` and `bcv team seen <session-id>`: the Library's search and "seen
// elsewhere" against the team's whole book (the cases this login may read), in the local
// catalogue's query language and result shape, each case with whose it is and its branch.
import { MATCHED_BY_LABELS, SEEN_RELATION_LABELS } from '@shared/catalogue/labels';
import { parseSearchInput } from '@shared/catalogue/query';
import type { SeenElsewhere } from '@shared/catalogue/types';
import type { TeamSession } from './team-connection';
import { searchTeam, seenInTeam } from '../../core/team/search';
import { sessionViewOf } from '@shared/model/normalize';
import type { Library } from '../../core/library/store';
import type { CliIo } from '../io';
import { shown } from '../terminal-safe';
import { UsageError } from '../usage';
import { AMOUNT_FLAG } from '../amount-flag';
import { renderSearch } from './library-search';

export const SEARCH_FLAGS = {
  ...AMOUNT_FLAG,
  from: { type: 'string', arg: 'dd-mm-yyyy', help: 'transactions on or after' },
  to: { type: 'string', arg: 'dd-mm-yyyy', help: 'transactions on or before' },
} as const;

export const SEARCH_SUBCOMMANDS = [
  {
    name: 'search',
    args: '<text>',
    summary:
      "the team's cases you may read: counterparty, UPI handle, account number, IFSC or narration words",
    flags: ['amount', 'from', 'to', 'json'],
  },
  {
    name: 'seen',
    args: '<session-id>',
    summary: "a saved session's parties seen in the team's other cases",
    flags: ['json'],
  },
] as const;

export interface SearchValues {
  readonly amount?: string | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly json?: boolean | undefined;
}

export async function teamSearchCommand(
  db: TeamSession,
  io: CliIo,
  words: readonly string[],
  values: SearchValues,
): Promise<number> {
  const parsed = parseSearchInput({
    text: words.join(' '),
    amount: values.amount,
    from: values.from,
    to: values.to,
  });
  if (!parsed.ok) throw new UsageError(`team search: ${parsed.message}`);
  const result = await searchTeam(await db.reads(), parsed.query, undefined, db);
  io.stdout(
    values.json ? `${JSON.stringify(result, null, 2)}\n` : renderSearch(result, 'team case'),
  );
  return 0;
}

export async function teamSeenCommand(
  db: TeamSession,
  io: CliIo,
  library: Library,
  rest: readonly string[],
  json: boolean,
): Promise<number> {
  const [sessionId, extra] = rest;
  if (!sessionId || extra !== undefined) throw new UsageError('seen: give one session id');
  const opened = await library.open(sessionId);
  const view = sessionViewOf(
    sessionId,
    opened.sessionStatus,
    opened.subscribedData,
    opened.duplicateKeys,
  );
  const seen = await seenInTeam(await db.reads(), sessionId, view);
  io.stdout(json ? `${JSON.stringify(seen, null, 2)}\n` : renderSeen(seen));
  return 0;
}

function renderSeen(seen: SeenElsewhere): string {
  const lines = [
    `${seen.matches.length} of ${shown(seen.sessionId)}'s parties seen in the team's other cases`,
  ];
  for (const m of seen.matches) {
    lines.push(
      '',
      `${MATCHED_BY_LABELS[m.kind]} ${shown(m.label)}: ${SEEN_RELATION_LABELS[m.relation]}`,
    );
    for (const s of m.sessions) {
      const who = s.team
        ? `${shown(s.team.owner)}'s case, team ${shown(s.team.team)}, branch ${shown(s.team.branch)}`
        : '';
      lines.push(`  ${shown(s.sessionId)}  ${shown(s.holderNames.join(', ') || '-')}  ${who}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
