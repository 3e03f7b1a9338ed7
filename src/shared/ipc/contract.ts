// The IPC contract: one typed map `channel -> (args, result)` shared by main, preload and
// renderer. Channel names are `feature:action`. Arguments are validated in main with the
// zod schemas beside each channel; results travel as IpcResult.
import { z } from 'zod';
import { DATA_ENDPOINTS, type DataEndpoint } from '../api/endpoints';
import type { SessionStatusView, SessionView } from '../model/view-model';
import { ADJUSTMENTS, FLAG_LABELS, VERDICTS } from '../review/labels';
import type { ReviewState } from '../review/state';

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
  /** `index`: the library index rebuilt from the files (jobId LIBRARY_INDEX_JOB). */
  readonly kind: 'poll' | 'fetch' | 'export' | 'save' | 'index';
  readonly done: number;
  /** Null when the total is not known (polling). */
  readonly total: number | null;
  readonly message: string;
}

/** The job id of the library index's rebuild progress (library:list takes no job id). */
export const LIBRARY_INDEX_JOB = 'library-index';

export interface LibraryEntry {
  readonly sessionId: string;
  readonly holderNames: readonly string[];
  readonly banks: readonly string[];
  readonly accountNumbers: readonly string[];
  readonly accountCount: number;
  readonly months: {
    readonly first: string | null;
    readonly last: string | null;
    readonly count: number;
  };
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

// ---- argument schemas (main validates every call with these) --------------------------

/** Dropped files travel base64-encoded: at most 64 MiB each. */
export const LIBRARY_DROP_MAX_BYTES = 64 * 1024 * 1024;
const LIBRARY_DROP_MAX_BASE64 = Math.ceil(LIBRARY_DROP_MAX_BYTES / 3) * 4;

const id = z.string().min(1).max(200);
const sessionId = z
  .string()
  .trim()
  .min(1, 'Enter a session id')
  .max(200)
  .regex(
    /^[A-Za-z0-9._-]+$/,
    'A session id has only letters, digits, dots, dashes and underscores',
  );
const jobId = z.string().min(1).max(100);
const empty = z.object({}).strict();

export const argSchemas = {
  'app:info': empty,
  'profiles:list': empty,
  'profiles:save': z
    .object({
      id: id.optional(),
      name: z.string().trim().min(1, 'Enter a profile name').max(100),
      baseUrl: z.url({ protocol: /^https?$/, error: 'Enter an http(s) base URL' }),
      apiVersion: z
        .string()
        .trim()
        .regex(/^v\d+$/, 'The API version looks like v1'),
      /** Omitted keeps the profile's endpoint (subscribed_data for a new one). */
      endpoint: z.enum(DATA_ENDPOINTS).optional(),
      /** Write-only: omitted keeps the stored secret, '' clears it. */
      apiKey: z.string().max(500).optional(),
      serverHash: z.string().max(500).optional(),
    })
    .strict(),
  'profiles:delete': z.object({ id }).strict(),
  'profiles:activate': z.object({ id }).strict(),
  'profiles:test': z.object({ id }).strict(),
  'vault:status': empty,
  'vault:consent': z.object({ allowInsecure: z.boolean() }).strict(),
  'session:status': z.object({ sessionId }).strict(),
  'session:fetch': z.object({ sessionId, wait: z.boolean(), jobId }).strict(),
  'session:refresh': z.object({ handle: id, jobId }).strict(),
  'session:close': z.object({ handle: id }).strict(),
  'job:cancel': z.object({ jobId }).strict(),
  'export:xlsx': z
    .object({ handle: id, jobId, accountId: id.optional(), allFields: z.boolean().optional() })
    .strict(),
  'library:list': empty,
  'library:save': z.object({ handle: id }).strict(),
  'library:open': z.object({ sessionId, snapshotId: id.optional() }).strict(),
  'library:delete': z.object({ sessionId, snapshotId: id.optional() }).strict(),
  'library:import': z
    .object({
      paths: z.array(z.string().min(1).max(4096)).max(100).optional(),
      /** Files dropped on the window, read by the renderer (a sandboxed page has no paths). */
      files: z
        .array(
          z
            .object({
              name: z.string().min(1).max(255),
              base64: z.string().max(LIBRARY_DROP_MAX_BASE64, 'A dropped file is too large'),
            })
            .strict(),
        )
        .max(20)
        .optional(),
    })
    .strict(),
  'library:export': z.object({ sessionId, snapshotId: id.optional() }).strict(),
  'library:reveal': z.object({ sessionId, snapshotId: id.optional() }).strict(),
  'library:recent': empty,
  // The reviewer's flags, notes and verdict on a loaded session (issue 16).
  'review:get': z.object({ handle: id }).strict(),
  'review:flag': z
    .object({
      handle: id,
      keys: z.array(z.string().min(1).max(300)).min(1).max(10_000),
      labels: z.partialRecord(z.enum(FLAG_LABELS), z.boolean()).optional(),
      note: z.string().max(10_000).optional(),
      exclude: z.partialRecord(z.enum(ADJUSTMENTS), z.boolean()).optional(),
    })
    .strict(),
  'review:note': z
    .object({
      handle: id,
      text: z.string().max(10_000),
      account: id.nullable().optional(),
      noteId: id.optional(),
    })
    .strict(),
  'review:verdict': z
    .object({ handle: id, decision: z.enum(VERDICTS), reason: z.string().max(10_000) })
    .strict(),
  /** The reviewer's name from the app's settings; `name` sets it. */
  'review:reviewer': z.object({ name: z.string().trim().max(200).optional() }).strict(),
  /** The memo: the window's Summary view printed to an A4 PDF (its print stylesheet). */
  'summary:pdf': z.object({ handle: id }).strict(),
} as const;

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
  'library:import': {
    readonly imported: readonly ImportedSnapshot[];
    readonly problems: readonly LibraryProblem[];
  };
  'library:export': { readonly path: string } | { readonly cancelled: true };
  'library:reveal': { readonly revealed: boolean };
  'library:recent': { readonly recent: readonly RecentSession[] };
  'review:get': ReviewState;
  'review:flag': ReviewState;
  'review:note': ReviewState;
  'review:verdict': ReviewState;
  'review:reviewer': { readonly name: string };
  'summary:pdf': { readonly path: string } | { readonly cancelled: true };
}

export type IpcChannel = keyof typeof argSchemas & keyof IpcResults;
export type IpcArgs<C extends IpcChannel> = z.input<(typeof argSchemas)[C]>;
export type IpcResult<C extends IpcChannel> = IpcResults[C];

export interface IpcError {
  readonly code: string;
  readonly message: string;
}

export type IpcEnvelope<T> =
  { readonly ok: true; readonly result: T } | { readonly ok: false; readonly error: IpcError };

export const IPC_CHANNELS = Object.keys(argSchemas) as IpcChannel[];

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
export const IPC_EVENTS: readonly IpcEventName[] = [
  'progress',
  'menu:command',
  'library:file-opened',
];
