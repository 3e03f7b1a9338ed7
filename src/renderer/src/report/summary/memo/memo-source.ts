// Where the memo's data came from and when, in one line: fetched live, a saved snapshot,
// or an imported file (when it was imported is ours; its fetch time is only its claim),
// in the header's wording (ReportHeader.svelte, shared/session/provenance.ts).
import type { LoadedSession } from '@shared/ipc/contract';
import { formatLocalTime } from '@shared/format/local-time';
import { fileNameOf, provenanceLabel } from '@shared/session/provenance';

export function memoSourceLine(loaded: LoadedSession): string {
  const s = loaded.source;
  const fetched = formatLocalTime(loaded.fetchedAt);
  const demo = s.sandbox ? ' (sandbox demo data, not a real bank statement)' : '';
  if (s.kind === 'live') return `Fetched live from ${provenanceLabel(s)} on ${fetched}${demo}`;
  const file = fileNameOf(s.file);
  const from = s.sandbox || s.profileName || s.host ? ` from ${provenanceLabel(s)}` : '';
  if (!s.imported) return `Saved file ${file}, fetched${from} on ${fetched}${demo}`;
  const imported = s.importedAt ? ` on ${formatLocalTime(s.importedAt)}` : '';
  return `Imported file ${file}${imported}; the file says it was fetched${from} on ${fetched}${demo}`;
}
