// What the app's team screens see of the team library: the profile (its secrets as hints
// only), who this login is there, the team's cases and where each is in maker-checker.
import type { SecretHint } from '../ipc/contract';

export const TEAM_SSL_MODES = ['verify-full', 'verify-ca'] as const;
export type TeamSslMode = (typeof TEAM_SSL_MODES)[number];

export const TEAM_RECOMMENDATIONS = ['approve', 'decline', 'refer'] as const;
export type TeamRecommendation = (typeof TEAM_RECOMMENDATIONS)[number];

export type TeamRole = 'underwriter' | 'approver' | 'auditor' | 'admin';

/** The team profile as the screen shows it: the password and client key as hints. */
export interface TeamProfileSummary {
  readonly host: string;
  readonly port: number;
  readonly database: string;
  readonly user: string;
  readonly sslmode: TeamSslMode;
  readonly caFile: string | null;
  readonly certFile: string | null;
  readonly password: SecretHint;
  readonly clientKey: SecretHint;
  /** The read replica searches read from (`host:port`), or null: they read from the primary. */
  readonly readsFrom: string | null;
  /** The read replica as the form edits it (the primary's login and TLS settings). */
  readonly replica: { readonly host: string; readonly port: number } | null;
}

/** The read replica of a signed-in link: not asked yet, reached, or why not (one line). */
export type TeamReplicaState =
  | { readonly kind: 'untested'; readonly server: string }
  | { readonly kind: 'reached'; readonly server: string }
  | {
      readonly kind: 'failed';
      readonly server: string;
      readonly code: string;
      readonly message: string;
    };

export interface TeamMemberView {
  readonly login: string;
  readonly role: TeamRole;
  readonly team: string | null;
  readonly branch: string | null;
  readonly approvesFor: readonly string[];
}

/** Where the app stands with the team server: not set up, signed in, or why not. */
export type TeamLinkState =
  | { readonly kind: 'none' }
  | { readonly kind: 'idle' }
  | {
      readonly kind: 'connected';
      readonly member: TeamMemberView;
      readonly server: string;
      /** Null when the profile names no read replica. */
      readonly replica: TeamReplicaState | null;
    }
  | { readonly kind: 'failed'; readonly code: string; readonly message: string };

export type TeamCaseState = 'open' | 'submitted' | 'decided' | 'purged';

export interface TeamCaseSummary {
  readonly sessionId: string;
  readonly team: string;
  readonly branch: string;
  readonly owner: string;
  readonly assignedTo: string | null;
  readonly state: TeamCaseState;
  readonly holderNames: readonly string[];
  readonly publishedAt: string;
}

/** A local session marked as a team's case (offline: what the mark says). */
export interface TeamMarkView {
  readonly sessionId: string;
  readonly server: string;
  readonly owner: string;
  readonly team: string;
  readonly branch: string;
}

export interface TeamReason {
  readonly recommendation: TeamRecommendation;
  readonly reason: string;
  readonly subReason: string;
}

export interface TeamDeviation {
  readonly id: number;
  readonly rule: string;
  readonly label: string;
  readonly value: string;
  readonly maxValue: string;
  readonly raisedBy: string;
  readonly approvedBy: string | null;
  readonly approvalReason: string | null;
}

export interface TeamPolicyLimitView {
  readonly rule: string;
  readonly label: string;
  readonly maxValue: string;
}

/** A team limit with the figure a submission from the app checks against it. */
export interface TeamLimitFigure extends TeamPolicyLimitView {
  /** The session's own figure in the limit's unit; null when it is typed in. */
  readonly value: number | null;
  /** Where the figure comes from (the Summary's figure and policy); null: no app figure. */
  readonly source: string | null;
  /** Why the figure is typed in (null when it comes from the report). */
  readonly typed: string | null;
}

/** A team case's place in maker-checker, and what this login may do with it now. */
export interface TeamCaseDecision {
  readonly case: TeamCaseSummary;
  readonly me: TeamMemberView;
  readonly submission: {
    readonly id: number;
    readonly by: string;
    readonly recommendation: TeamRecommendation;
    readonly reason: string;
    readonly subReason: string;
    readonly note: string;
    readonly at: string;
  } | null;
  readonly deviations: readonly TeamDeviation[];
  readonly decision: {
    readonly by: string;
    readonly decision: TeamRecommendation;
    readonly reason: string;
    readonly at: string;
  } | null;
  /** The reasons the case's team configured (what a submission may give). */
  readonly reasons: readonly TeamReason[];
  /** The team's policy limits (a submitted figure over one raises a deviation). */
  readonly limits: readonly TeamPolicyLimitView[];
  /** The limits with the session's figures (null unless the session on screen was named). */
  readonly figures: readonly TeamLimitFigure[] | null;
}

export interface TeamSyncOutcome {
  readonly synced: number;
  readonly received: number;
  readonly sent: number;
  /** `auditRow`: a queued export audit row held (its id), not a case's review. */
  readonly failed: readonly {
    readonly sessionId: string;
    readonly message: string;
    readonly auditRow?: string;
  }[];
  /** Export audit rows queued while the server was out of reach, sent now. */
  readonly auditSent: number;
  /** Queued export audit rows still waiting (another login's, or refused: in `failed`). */
  readonly auditWaiting: number;
}

export interface TeamStatus {
  readonly profile: TeamProfileSummary | null;
  readonly link: TeamLinkState;
  /** The review sync of this library's team cases: running now, and how the last one went. */
  readonly sync: { readonly running: boolean; readonly last: TeamSyncOutcome | null };
}

/**
 * Where a queued export audit row stands: refused by the team server at the last try (it
 * would be refused again: it may be set aside), an entry that does not read (likewise), or
 * waiting for the server (out of reach at the last try, or not tried yet: it is sent at
 * the next sign-in or sync and is never offered for setting aside).
 */
export type TeamQueuedRowState =
  | {
      readonly kind: 'refused';
      readonly at: string;
      readonly triedBy: string;
      readonly message: string;
    }
  | { readonly kind: 'unreadable'; readonly message: string }
  | { readonly kind: 'out-of-reach'; readonly at: string; readonly message: string }
  | { readonly kind: 'not-tried' };

/** One export audit row in this library's queue (fields null when the entry does not read). */
export interface TeamQueuedRow {
  /** What `set-aside` is given: the entry's id, or its file's name when it does not read. */
  readonly id: string;
  readonly entryFile: string;
  /** The login that made the export (the only one that may send or set aside the row). */
  readonly login: string | null;
  readonly server: string | null;
  readonly sessionId: string | null;
  readonly kind: 'workbook' | 'memo' | 'session-file' | null;
  /** The exported file's name. */
  readonly file: string | null;
  readonly program: 'app' | 'bcv' | null;
  readonly exportedAt: string | null;
  readonly state: TeamQueuedRowState;
}

export interface TeamQueue {
  readonly rows: readonly TeamQueuedRow[];
  readonly login: string | null;
}

/** What setting a held row aside kept: where, and the record written with the entry. */
export interface TeamSetAside {
  readonly id: string;
  /** The kept file, in the library's `.team-audit-queue/set-aside` folder. */
  readonly keptFile: string;
  readonly by: string;
  readonly at: string;
  readonly reason: string;
}
