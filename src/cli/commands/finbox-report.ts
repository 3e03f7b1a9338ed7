// `bcv fetch ... --finbox-report F.xlsx`: FinBox's own report from the link the response
// just fetched carries (the session's aggregate link, else each account's: one account
// writes F.xlsx, several write F-<account id>.xlsx).
import { CoreError } from '../../core/core-error';
import { downloadFinboxReport } from '../../core/session/finbox-report';
import type { SessionView } from '@shared/model/view-model';
import { formatCount } from '@shared/format/value';
import { keptReportLabel } from '@shared/library/kept-report';
import { reportLinksOf, type KeptReport } from '../../core/library/kept-reports';

/** A kept report as `bcv` prints it: what, when, its file and checksum. */
export function keptReportLine(r: KeptReport): string {
  return `${keptReportLabel(r.keptAt, r.accountId)}: ${r.file}, ${formatCount(r.bytes)} bytes, SHA-256 ${r.sha256}`;
}

export async function saveFinboxReports(
  view: SessionView,
  file: string,
  options: { readonly fetch: typeof fetch; readonly signal: AbortSignal },
  say: (line: string) => void,
): Promise<void> {
  const links = reportLinksOf(view);
  if (links.length === 0) {
    throw new CoreError('NO_REPORT_LINK', "This response carries no link to FinBox's own report");
  }
  for (const { url, accountId } of links) {
    const destination =
      links.length === 1 || !accountId ? file : file.replace(/(\.xlsx)?$/i, `-${accountId}$1`);
    const bytes = await downloadFinboxReport({ ...options, url, destination });
    say(`Wrote FinBox's own report to ${destination} (${bytes} bytes)\n`);
  }
}
