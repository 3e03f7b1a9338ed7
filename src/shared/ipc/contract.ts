// The IPC contract: one typed map `channel -> (args, result)` shared by main, preload and
// renderer. Channel names are `feature:action`. Arguments are validated in main with the
// zod schemas of arg-schemas.ts (types only here: zod stays out of the renderer); results
// travel as IpcResult, a session's packed (api.ts says what crosses for each channel).
import type { z } from 'zod';
import type { DataEndpoint } from '../api/endpoints';
import type { SnapshotDiff } from '../library/diff';
import type { DataSummary } from '../library/summary';
import type { CatalogueSearchResult, SeenElsewhere } from '../catalogue/types';
import type { SessionStatusView, SessionView } from '../model/view-model';
import type { ReviewState } from '../review/state';
import type { ProgressStage } from '../session/progress';
import type { argSchemas } from './arg-schemas';

// ---- shared shapes ------------------------------------------------------------------

export interface ProfileSummary {
  readonly id: string;
  readonly name: string;
  /** The built-in Sandbox profile: demo data served by main on loopback. */
  readonly sandbox: boolean;
  readonly baseUrl: string;
  readonly apiVersion: string;
  /** The data endpoint the profile calls: subscribed_data (the reference's) or insights. */
  readonly endpoint: DataEndpoint;
  /** Whether a secret is stored, and only its last 4 characters: never the secret. */
  readonly apiKey: SecretHint;
  readonly serverHash: SecretHint;
}

export interface SecretHint {
  readonly set: boolean;
  readonly last4: string | null;
  /** `disk` when encrypted at rest, `memory` when kept for this run only. */
  readonly storage: 'disk' | 'memory' | null;
}

export interface VaultStatus {
  /** safeStorage's backend name (`basic_text` on Linux without a keyring). */
  readonly backend: string;
  /** False when the OS offers no real secret store. */
  readonly secure: boolean;
  /** The user's answer when the store is not secure: keep secrets on disk anyway? */
  readonly insecureConsent: boolean | null;
}

export type SessionSource =
  | {
      readonly kind: 'live';
      readonly profileId: string;
      readonly profileName: string;
      readonly host: string;
      readonly sandbox: boolean;
    }
  | {
      readonly kind: 'saved';
      readonly snapshotId: string;
      readonly file: string;
      readonly sandbox: boolean;
      readonly imported: boolean;
      /** Where the snapshot was fetched from (null when an import did not say). */
      readonly profileName: string | null;
      readonly host: string | null;
    };

/** A session main holds in memory; the renderer refers to it by `handle`. */
export interface LoadedSession {
  readonly handle: string;
  readonly sessionId: string;
  readonly fetchedAt: string;
  readonly source: SessionSource;
  readonly view: SessionView;
}

export interface ProgressEvent {
  readonly jobId: string;
  /**
   * `index`: the library index rebuilt from the files (jobId LIBRARY_INDEX_JOB);
   * `catalogue`: the search catalogue catching up with the library (CATALOGUE_JOB).
   */
  readonly kind: 'poll' | 'fetch' | 'export' | 'save' | 'open' | 'index' | 'catalogue';
  /** A fetch's, save's or library open's stage (bytes: done of total). */
  readonly stage?: ProgressStage;
  readonly done: number;
  /** Null when the total is not known (polling, a body without Content-Length). */
  readonly total: number | null;
  readonly message: string;
}

/** The job id of the library index's rebuild progress (library:list takes no job id). */
export const LIBRARY_INDEX_JOB = 'library-index';
/** The job id of the search catalogue's (re)build progress. */
export const CATALOGUE_JOB = 'catalogue';

/** A saved session as the library lists it: what its data holds, and its snapshots. */
export interface LibraryEntry extends DataSummary {
  readonly sessionId: string;
  readonly latestFetchedAt: string;
  readonly snapshotCount: number;
  readonly sizeBytes: number;
  readonly snapshots: readonly LibrarySnapshotSummary[];
}

export interface LibrarySnapshotSummary {
  readonly snapshotId: string;
  readonly fetchedAt: string;
  readonly sizeBytes: number;
  readonly imported: boolean;
  /** When it was imported (imported snapshots); profileName and host are then only claimed. */
  readonly importedAt?: string | null;
  readonly profileName: string | null;
  readonly host: string | null;
  /** Issue 17: the file's .bcsession format (1 opens as it is; `bcv library upgrade` makes it 2). */
  readonly formatVersion?: 1 | 2;
  /** Issue 17: items set aside when the file was read (keys its JSON gives twice). */
  readonly setAside?: number;
}

/** A snapshot an import added (or found already there), with the session it belongs to. */
export interface ImportedSnapshot extends LibrarySnapshotSummary {
  readonly sessionId: string;
}

export interface LibraryProblem {
  readonly file: string;
  readonly message: string;
}

export interface LibraryListing {
  readonly entries: readonly LibraryEntry[];
  /** Files that could not be read, each with its one-line reason. */
  readonly problems: readonly LibraryProblem[];
  readonly folder: string;
}

export interface RecentSession {
  readonly sessionId: string;
  readonly snapshotId: string | null;
  readonly openedAt: string;
}

// ---- results ------------------------------------------------------------------------

export interface IpcResults {
  'app:info': {
    readonly version: string;
    readonly platform: string;
    readonly development: boolean;
  };
  'profiles:list': { readonly profiles: readonly ProfileSummary[]; readonly activeId: string };
  'profiles:save': ProfileSummary;
  'profiles:delete': { readonly activeId: string };
  'profiles:activate': { readonly activeId: string };
  'profiles:test': {
    readonly reachable: boolean;
    readonly credentialsAccepted: boolean;
    readonly message: string;
  };
  'vault:status': VaultStatus;
  'vault:consent': VaultStatus;
  'session:status': SessionStatusView;
  'session:fetch': LoadedSession;
  'session:refresh': LoadedSession;
  'session:close': { readonly closed: boolean };
  'job:cancel': { readonly cancelled: boolean };
  'export:xlsx': { readonly path: string } | { readonly cancelled: true };
  'library:list': LibraryListing;
  'library:save': LibrarySnapshotSummary;
  'library:open': LoadedSession;
  'library:delete': { readonly deleted: number };
  /** Issue 17: the session's format-1 snapshots rewritten as format 2 (files that failed, each with its line). */
  'library:upgrade': { readonly upgraded: number; readonly failed: readonly LibraryProblem[] };
  'library:import': {
    readonly imported: readonly ImportedSnapshot[];
    readonly problems: readonly LibraryProblem[];
  };
  'library:export': { readonly path: string } | { readonly cancelled: true };
  'library:reveal': { readonly revealed: boolean };
  'library:recent': { readonly recent: readonly RecentSession[] };
  'catalogue:search': CatalogueSearchResult;
  'catalogue:seen-elsewhere': SeenElsewhere;
  'review:get': ReviewState;
  'review:flag': ReviewState;
  'review:note': ReviewState;
  'review:note-remove': ReviewState;
  'review:verdict': ReviewState;
  'review:reviewer': { readonly name: string };
  'summary:pdf': { readonly path: string } | { readonly cancelled: true };
  'report:finbox': { readonly path: string; readonly bytes: number } | { readonly cancelled: true };
  'library:diff': {
    readonly sessionId: string;
    readonly from: string;
    readonly to: string;
    readonly diff: SnapshotDiff;
  };
}

export type IpcChannel = keyof typeof argSchemas & keyof IpcResults;
export type IpcArgs<C extends IpcChannel> = z.input<(typeof argSchemas)[C]>;
export type IpcResult<C extends IpcChannel> = IpcResults[C];

export interface IpcError {
  readonly code: string;
  readonly message: string;
  /** BAD_ARGUMENT: the argument at fault (`baseUrl`), for the form to show it there. */
  readonly field?: string;
}

export type IpcEnvelope<T> =
  { readonly ok: true; readonly result: T } | { readonly ok: false; readonly error: IpcError };

/** Events main sends to the renderer. */
export interface IpcEvents {
  progress: ProgressEvent;
  /** A menu item or shortcut the renderer acts on. */
  'menu:command': {
    readonly command: 'open-session' | 'open-file' | 'export' | 'save' | 'reload' | 'library';
  };
  /**
   * A `.bcsession` the OS opened the app with (double-click, Open with): main imported it
   * into the library; the renderer opens that snapshot offline, or shows why not.
   */
  'library:file-opened':
    | { readonly file: string; readonly sessionId: string; readonly snapshotId: string }
    | { readonly file: string; readonly problem: LibraryProblem };
}
export type IpcEventName = keyof IpcEvents;
