// `bcv library search <text> [--amount A] [--from D --to D] [--json]`: every saved case's
// transactions that name the text (a counterparty, UPI handle, account number, IFSC or
// words of the narration, ref, channel, category or description), with an exact amount and a date range, grouped by session. The
// catalogue (src/core/catalogue) catches up with the library first; progress on stderr.
import { MATCHED_BY_LABELS } from '@shared/catalogue/labels';
import { parseSearchInput } from '@shared/catalogue/query';
import type { CatalogueSearchResult } from '@shared/catalogue/types';
import { formatDate } from '@shared/model/calendar';
import { formatRupees, fromPaise } from '@shared/model/money';
import type { Catalogue } from '../../core/catalogue/catalogue';
import { EXIT_USAGE } from '../exit';
import { shown } from '../terminal-safe';
import { formatCount, maskedNumber, plural } from '@shared/format/value';
import type { CliIo } from '../io';

export interface SearchFlags {
  readonly amount: string | undefined;
  readonly from: string | undefined;
  readonly to: string | undefined;
  readonly json: boolean;
}

export async function searchCommand(
  catalogue: Catalogue,
  io: CliIo,
  words: readonly string[],
  flags: SearchFlags,
): Promise<number> {
  const parsed = parseSearchInput({ text: words.join(' '), ...flags });
  if (!parsed.ok) {
    io.stderr(`bcv library search: ${parsed.message}\n`);
    return EXIT_USAGE;
  }
  const stop = catalogue.watch((done, total) => {
    if (done === 0 || done === total || done % 25 === 0)
      io.stderr(`Catching up the search catalogue: ${done} of ${total} snapshots read\n`);
  });
  try {
    const result = await catalogue.search(parsed.query);
    if (flags.json) io.stdout(`${JSON.stringify(result, null, 2)}\n`);
    else io.stdout(renderSearch(result));
    for (const u of result.unreadable) io.stderr(`not searched: ${u.message}\n`);
    return 0;
  } finally {
    stop();
  }
}

/** The result as lines; a team library's case also says whose it is and which branch. */
export function renderSearch(result: CatalogueSearchResult, what = 'saved session'): string {
  const lines: string[] = [];
  const sessions = result.sessions.length;
  lines.push(
    `${plural(sessions, 'session')}, ${result.truncated ? 'more than ' : ''}${plural(result.hitCount, 'matching transaction')}` +
      ` (of ${plural(result.sessionCount, what)})` +
      (result.truncated
        ? `; only the first ${formatCount(result.limit)} are listed: narrow the search`
        : ''),
  );
  for (const s of result.sessions) {
    lines.push('');
    lines.push(
      `${shown(s.sessionId)}  ${shown(s.holderNames.join(', ') || '-')}  (snapshot ${shown(s.snapshotId)})` +
        (s.team
          ? `  ${shown(s.team.owner)}'s case, team ${shown(s.team.team)}, branch ${shown(s.team.branch)}`
          : ''),
    );
    for (const number of s.applicantAccounts) {
      lines.push(`  the applicant's own account ${shown(maskedNumber(number))}`);
    }
    for (const h of s.hits) {
      lines.push(
        `  ${formatDate(h.date)}  ${h.type.padEnd(6)}  ${formatRupees(fromPaise(h.amountPaise)).padStart(15)}  ${MATCHED_BY_LABELS[h.matchedBy].padEnd(20)}  ${shown(h.narration)}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
