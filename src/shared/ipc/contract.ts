// The IPC contract: one typed map `channel -> (args, result)` shared by main, preload and
// renderer. Channel names are `feature:action`. Arguments are validated in main with the
// zod schemas of arg-schemas.ts (types only here: zod stays out of the renderer); results
// travel as IpcResult, a session's packed (api.ts says what crosses for each channel).
import type { TeamDecisionChain } from '../team/decision-chain';
import type { CreditPolicy } from '../insights/policy';
import type { z } from 'zod';
import type { DataEndpoint } from '../api/endpoints';
import type { SnapshotDiff } from '../library/diff';
import type { DataSummary } from '../library/snapshot-record';
import type { CatalogueSearchResult, SeenElsewhere } from '../catalogue/types';
import type { SessionStatusView, SessionView } from '../model/view-model';
import type { ReviewState } from '../review/state';
import type { ProgressStage } from '../session/progress';
import type { argSchemas } from './arg-schemas';
import type {
  TeamCaseDecision,
  TeamCaseSummary,
  TeamMarkView,
  TeamQueue,
  TeamSetAside,
  TeamStatus,
  TeamSyncOutcome,
} from '../team/types';

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
      /** When it was imported into this library (imported snapshots; else null). */
      readonly importedAt?: string | null;
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

/** A save's answer: the snapshot, and FinBox's own report kept with it (or why not). */
export interface SavedSnapshotSummary extends LibrarySnapshotSummary {
  readonly finboxReports?: {
    readonly kept: readonly { readonly accountId: string | null; readonly keptAt: string }[];
    /** One line: why the report could not be kept (the snapshot is saved all the same). */
    readonly failure: string | null;
  };
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

/** How a channel's answer crosses: as it is, or a session with its transactions packed. */
export type AnswerKind = 'plain' | 'session';
/** A channel's answer: how it crosses, and (as a type only) what it is. */
interface Answer<R, K extends AnswerKind> {
  readonly answer: K;
  readonly result?: (result: R) => void;
}
const plain = <R>(): Answer<R, 'plain'> => ({ answer: 'plain' });
/** Answers a LoadedSession: main packs its transactions as columns (session-wire.ts). */
const session: Answer<LoadedSession, 'session'> = { answer: 'session' };

/**
 * Every channel, with what it answers and how the answer crosses: the channel lists, the
 * preload's checks and the renderer's calls derive from this map. Adding a channel is one
 * entry here, its argument schema (arg-schemas.ts, checked against this map) and its
 * handler (main/ipc/handlers, checked too).
 */
export const CHANNELS = {
  'app:info': plain<{
    readonly version: string;
    readonly platform: string;
    readonly development: boolean;
  }>(),
  'profiles:list': plain<{
    readonly profiles: readonly ProfileSummary[];
    readonly activeId: string;
  }>(),
  'profiles:save': plain<ProfileSummary>(),
  'profiles:delete': plain<{ readonly activeId: string }>(),
  'profiles:activate': plain<{ readonly activeId: string }>(),
  'profiles:test': plain<{
    readonly reachable: boolean;
    readonly credentialsAccepted: boolean;
    readonly message: string;
  }>(),
  'vault:status': plain<VaultStatus>(),
  'vault:consent': plain<VaultStatus>(),
  'session:status': plain<SessionStatusView>(),
  'session:fetch': session,
  'session:refresh': session,
  'session:close': plain<{ readonly closed: boolean }>(),
  'job:cancel': plain<{ readonly cancelled: boolean }>(),
  /** `auditNote`: a team case's export the team's audit trail could not record, and why. */
  'export:xlsx': plain<
    { readonly path: string; readonly auditNote?: string } | { readonly cancelled: true }
  >(),
  'library:list': plain<LibraryListing>(),
  'library:save': plain<SavedSnapshotSummary>(),
  'library:open': session,
  'library:delete': plain<{ readonly deleted: number }>(),
  /** Issue 17: the session's format-1 snapshots rewritten as format 2 (files that failed, each with its line). */
  'library:upgrade': plain<{
    readonly upgraded: number;
    readonly failed: readonly LibraryProblem[];
  }>(),
  'library:import': plain<{
    readonly imported: readonly ImportedSnapshot[];
    readonly problems: readonly LibraryProblem[];
  }>(),
  'library:export': plain<
    { readonly path: string; readonly auditNote?: string } | { readonly cancelled: true }
  >(),
  'library:reveal': plain<{ readonly revealed: boolean }>(),
  'library:recent': plain<{ readonly recent: readonly RecentSession[] }>(),
  'catalogue:search': plain<CatalogueSearchResult>(),
  'catalogue:seen-elsewhere': plain<SeenElsewhere>(),
  'review:get': plain<ReviewState>(),
  'review:flag': plain<ReviewState>(),
  'review:note': plain<ReviewState>(),
  'review:note-remove': plain<ReviewState>(),
  'review:verdict': plain<ReviewState>(),
  'review:reviewer': plain<{ readonly name: string }>(),
  /** Issue 23: the credit policy the figures are made with (an app setting). */
  'policy:get': plain<{ readonly policy: CreditPolicy }>(),
  'policy:choose': plain<{ readonly policy: CreditPolicy } | { readonly cancelled: true }>(),
  'policy:reset': plain<{ readonly policy: CreditPolicy }>(),
  'summary:pdf': plain<
    { readonly path: string; readonly auditNote?: string } | { readonly cancelled: true }
  >(),
  'report:finbox': plain<
    | {
        readonly path: string;
        readonly bytes: number;
        /** When the copy written was kept (a saved session's report kept at its save). */
        readonly keptAt?: string;
      }
    | { readonly cancelled: true }
  >(),
  'library:diff': plain<{
    readonly sessionId: string;
    readonly from: string;
    readonly to: string;
    readonly diff: SnapshotDiff;
  }>(),
  /** The team library (docs/team-library.md): its profile, secrets as hints only. */
  'team:status': plain<TeamStatus>(),
  'team:save': plain<TeamStatus>(),
  'team:remove': plain<TeamStatus>(),
  /** A CA, client certificate or key file chosen in main's open dialog: its path. */
  'team:choose-file': plain<{ readonly path: string } | { readonly cancelled: true }>(),
  /** Connects afresh: the status says signed in as whom, or the one line why not. */
  'team:test': plain<TeamStatus>(),
  /** This library's team cases, from their marks (no server needed). */
  'team:marks': plain<{ readonly marks: readonly TeamMarkView[] }>(),
  'team:cases': plain<{ readonly cases: readonly TeamCaseSummary[] }>(),
  'team:publish': plain<{
    readonly snapshotId: string;
    readonly published: boolean;
    readonly transactions: number;
    readonly reviewSent: number;
  }>(),
  /** A team case brought into this library (then opened offline with library:open). */
  'team:open': plain<{
    readonly case: TeamCaseSummary;
    readonly imported: number;
    readonly snapshots: number;
    readonly reviewReceived: number;
    readonly reviewSent: number;
  }>(),
  'team:sync': plain<TeamSyncOutcome>(),
  /** The team's whole book: the catalogue's query and answer, each case with its owner. */
  'team:search': plain<CatalogueSearchResult>(),
  'team:seen-elsewhere': plain<SeenElsewhere>(),
  'team:case': plain<TeamCaseDecision>(),
  'team:submit': plain<TeamCaseDecision>(),
  'team:deviation': plain<TeamCaseDecision>(),
  'team:decide': plain<TeamCaseDecision>(),
  /** A team case's decision chain: fresh from the server when it answers, else as kept locally. */
  'team:decision-chain': plain<{ readonly chain: TeamDecisionChain | null }>(),
  /**
   * The export audit rows this library holds for the team's audit trail, and why (no server
   * asked); `login`: the profile's, the one whose refused rows this desktop may set aside.
   */
  'team:queue': plain<TeamQueue>(),
  /** A refused row moved out of the send queue into the kept folder, by its own login, signed in. */
  'team:set-aside': plain<TeamQueue & { readonly setAside: TeamSetAside }>(),
} as const;

export type IpcChannel = keyof typeof CHANNELS;
export type IpcResults = {
  readonly [C in IpcChannel]: (typeof CHANNELS)[C] extends Answer<infer R, AnswerKind> ? R : never;
};
export const IPC_CHANNELS = Object.keys(CHANNELS) as IpcChannel[];

/** The channels answering a LoadedSession (packed as it crosses). */
export type SessionChannel = {
  [C in IpcChannel]: (typeof CHANNELS)[C]['answer'] extends 'session' ? C : never;
}[IpcChannel];
export type PlainChannel = Exclude<IpcChannel, SessionChannel>;
export const SESSION_CHANNELS = IPC_CHANNELS.filter(
  (c) => CHANNELS[c].answer === 'session',
) as SessionChannel[];

/** How a channel named by the other side answers; null: no such channel. */
export function answerOf(channel: string): AnswerKind | null {
  return Object.hasOwn(CHANNELS, channel) ? CHANNELS[channel as IpcChannel].answer : null;
}

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
