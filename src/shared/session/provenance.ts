// Where a session's data came from, in one wording for the app's header, the workbook's
// Summary and the CLI: the profile name and host, or "Sandbox" for the demo server.
import type { SessionSource } from '../ipc/contract';

export interface Provenance {
  /** The profile (the CLI's connection from flags and environment is "BankConnect API"). */
  readonly profileName: string | null;
  readonly host: string | null;
  /** Generated demo data from the sandbox server. */
  readonly sandbox: boolean;
}

/** The CLI has no profiles: its connection from flags and environment goes by this name. */
export const CLI_PROFILE_NAME = 'BankConnect API';

export function provenanceLabel(p: Provenance): string {
  if (p.sandbox) return 'Sandbox';
  if (p.profileName && p.host) return `${p.profileName} (${p.host})`;
  return p.profileName ?? p.host ?? 'an unknown source';
}

/** A saved snapshot or `bcv fetch` file, by its file name and where it was fetched from. */
export function savedFileLabel(fileName: string, fetchedFrom: Provenance | null): string {
  const known = fetchedFrom && (fetchedFrom.sandbox || fetchedFrom.profileName || fetchedFrom.host);
  return `saved file ${fileName}${known ? ` (fetched from ${provenanceLabel(fetchedFrom)})` : ''}`;
}

/** The last part of a path, on any platform (shared code has no node:path). */
export function fileNameOf(path: string): string {
  return path.split(/[/\\]/).pop() ?? path;
}

/** An open session's source as the workbook's Summary and the CLI say it. */
export function sourceLabel(source: SessionSource): string {
  if (source.kind === 'live') return provenanceLabel(source);
  return savedFileLabel(fileNameOf(source.file), source);
}
