// Where a loaded session's data came from, in words, for the memo and Copy summary.
import type { LoadedSession } from '@shared/ipc/contract';

export function sourceText(loaded: LoadedSession): string {
  const s = loaded.source;
  const where =
    s.kind === 'live'
      ? `live from ${s.profileName} (${s.host})`
      : `saved file ${s.file.split(/[\\/]/).pop() ?? s.file}`;
  return s.sandbox ? `${where}, sandbox demo data` : where;
}
