// The app's link to the team server: the team profile (team-profile.json in the user-data
// folder, holding no secret), the login's password or client key in the vault like the
// API's secrets, and one signed-in connection kept while it works. Calls take turns on it
// (a transaction never interleaves with another call's statements); a connection that
// failed is dropped and the next call connects again. When the profile names a read replica,
// searches read from a second connection to it (`reads`); writes stay on the primary.
import { join } from 'node:path';
import type {
  TeamLinkState,
  TeamMemberView,
  TeamProfileSummary,
  TeamReplicaState,
} from '@shared/team/types';
import { writeFileSafely } from '../io/safe-write';
import { readRegularText } from '../io/regular-file';
import type { Vault } from '../vault/vault';
import { reportAction } from './audit';
import { connectTeam, type TeamConnection } from './connect';
import { TeamError } from './team-errors';
import { parseTeamProfile, replicaProfile, type TeamProfile, type TeamSecrets } from './profile';
import { requireCurrentSchema, whoAmI, type Member } from './schema';

export const TEAM_PROFILE_FILE = 'team-profile.json';
const PASSWORD = 'team:password';
const CLIENT_KEY = 'team:clientKey';

/**
 * The profile as the screen edits it; a secret omitted is kept, '' removes it. The replica
 * omitted is kept too; null removes it.
 */
export interface TeamProfileInput extends Omit<TeamProfile, 'replica'> {
  readonly replica?: TeamProfile['replica'] | undefined;
  readonly password?: string | undefined;
  readonly clientKey?: string | undefined;
}

export interface SignedIn {
  readonly db: TeamConnection;
  readonly me: Member;
}

/** Whether an error means the connection itself is gone (the next call connects again). */
const connectionLost = (error: unknown): error is TeamError =>
  error instanceof TeamError &&
  (error.code === 'TEAM_UNREACHABLE' ||
    /Connection terminated|connection error|not queryable/i.test(error.message));

/** Failures of the read replica's connection: the primary's connection is kept through them. */
const replicaFailures = new WeakSet<object>();
const fromReplica = (error: unknown): unknown => {
  if (typeof error === 'object' && error !== null) replicaFailures.add(error);
  return error;
};

export class TeamLink {
  private linkState: TeamLinkState;
  private signedIn: Promise<SignedIn> | null = null;
  /** The connection to the profile's read replica, opened on the first search. */
  private reader: Promise<TeamConnection> | null = null;
  private turn: Promise<unknown> = Promise.resolve();
  private readonly file: string;

  private constructor(
    userDataDir: string,
    private readonly vault: Vault,
    private readonly appVersion: string,
    private stored: TeamProfile | null,
    /** Called once each time a sign-in succeeds (the app syncs offline reviews then). */
    private readonly onSignedIn: (signed: SignedIn) => void,
  ) {
    this.file = join(userDataDir, TEAM_PROFILE_FILE);
    this.linkState = stored ? { kind: 'idle' } : { kind: 'none' };
  }

  static async open(options: {
    readonly userDataDir: string;
    readonly vault: Vault;
    readonly appVersion: string;
    readonly onSignedIn?: (signed: SignedIn) => void;
  }): Promise<TeamLink> {
    const stored = await readStoredProfile(join(options.userDataDir, TEAM_PROFILE_FILE));
    return new TeamLink(
      options.userDataDir,
      options.vault,
      options.appVersion,
      stored,
      options.onSignedIn ?? (() => undefined),
    );
  }

  /** Whether a team is configured: with none, the library is this desktop's only. */
  configured(): boolean {
    return this.stored !== null;
  }

  profile(): TeamProfileSummary | null {
    if (!this.stored) return null;
    const { replica, ...shown } = this.stored;
    return {
      ...shown,
      password: this.vault.hint(PASSWORD),
      clientKey: this.vault.hint(CLIENT_KEY),
      readsFrom: replica ? `${replica.host}:${replica.port}` : null,
      replica: replica ?? null,
    };
  }

  state(): TeamLinkState {
    return this.linkState;
  }

  async save(input: TeamProfileInput): Promise<void> {
    const { password, clientKey, replica, ...fields } = input;
    const kept = replica === undefined ? (this.stored?.replica ?? null) : replica;
    const profile = parseTeamProfile({ ...fields, replica: kept }, 'form');
    // Secrets first: the profile never names a login whose secret the vault failed to keep.
    if (password !== undefined) await this.vault.set(PASSWORD, password);
    if (clientKey !== undefined) await this.vault.set(CLIENT_KEY, clientKey);
    await writeFileSafely(this.file, `${JSON.stringify(profile, null, 1)}\n`, { mode: 0o600 });
    this.stored = profile;
    await this.disconnect({ kind: 'idle' });
  }

  async remove(): Promise<void> {
    await this.vault.delete(PASSWORD);
    await this.vault.delete(CLIENT_KEY);
    await writeFileSafely(this.file, 'null\n', { mode: 0o600 });
    this.stored = null;
    await this.disconnect({ kind: 'none' });
  }

  /**
   * Connects afresh (dropping the connections held) and says how it went: the primary, and
   * then the read replica when the profile names one (its own line when it fails).
   */
  async test(): Promise<TeamLinkState> {
    await this.disconnect(this.stored ? { kind: 'idle' } : { kind: 'none' });
    await this.reads(() => Promise.resolve()).catch(() => undefined);
    return this.linkState;
  }

  /** Runs `work` signed in, after every call before it; connects first when needed. */
  run<T>(work: (signed: SignedIn) => Promise<T>): Promise<T> {
    const next = this.turn.then(async () => {
      const signed = await this.connection();
      try {
        return await work(signed);
      } catch (error) {
        if (connectionLost(error) && !replicaFailures.has(error)) {
          await this.disconnect({ kind: 'failed', code: error.code, message: error.message });
        }
        throw error;
      }
    });
    this.turn = next.catch(() => undefined);
    return next;
  }

  /**
   * Runs a read-only `work` in turn: `reader` is the profile's read replica when it names
   * one (the same login and TLS settings), else the primary; `signed` is the primary, where
   * what the work records (the audit row of a search) is written. A replica that cannot be
   * reached fails the call in its own one line; nothing falls back to the primary silently.
   */
  reads<T>(work: (reader: TeamConnection, signed: SignedIn) => Promise<T>): Promise<T> {
    return this.run(async (signed) => {
      const replica = this.stored && replicaProfile(this.stored);
      if (!replica) return work(signed.db, signed);
      this.reader ??= this.openReader(replica);
      const reader = await this.reader.catch((error: unknown) => {
        this.reader = null;
        this.replicaIs(failedReplica(replica, error));
        throw fromReplica(error);
      });
      try {
        return await work(reader, signed);
      } catch (error) {
        if (connectionLost(error)) {
          this.reader = null;
          this.replicaIs(failedReplica(replica, error));
          await reader.close().catch(() => undefined);
          throw fromReplica(error);
        }
        throw error;
      }
    });
  }

  async close(): Promise<void> {
    await this.disconnect(this.linkState);
  }

  /** The replica connected and its schema checked (a replica of another database says so). */
  private async openReader(replica: TeamProfile): Promise<TeamConnection> {
    const reader = await connectTeam(replica, this.secrets(), this.options());
    try {
      await requireCurrentSchema(reader);
    } catch (error) {
      await reader.close();
      throw error;
    }
    this.replicaIs({ kind: 'reached', server: serverOf(replica) });
    return reader;
  }

  private replicaIs(replica: TeamReplicaState): void {
    if (this.linkState.kind === 'connected') this.linkState = { ...this.linkState, replica };
  }

  private connection(): Promise<SignedIn> {
    if (!this.stored) {
      return Promise.reject(
        new TeamError(
          'TEAM_PROFILE',
          'No team is set up: enter the team profile on the Team screen',
        ),
      );
    }
    this.signedIn ??= this.signIn(this.stored).then(
      (signed) => {
        const replica = this.stored && replicaProfile(this.stored);
        this.linkState = {
          kind: 'connected',
          member: memberView(signed.me),
          server: `${signed.db.server.host}:${signed.db.server.port}/${signed.db.server.database}`,
          replica: replica ? { kind: 'untested', server: serverOf(replica) } : null,
        };
        this.onSignedIn(signed);
        return signed;
      },
      (error: unknown) => {
        this.signedIn = null;
        const { code, message } =
          error instanceof TeamError ? error : new TeamError('TEAM_FAILED', String(error));
        this.linkState = { kind: 'failed', code, message };
        throw error;
      },
    );
    return this.signedIn;
  }

  private secrets(): TeamSecrets {
    return { password: this.vault.get(PASSWORD), clientKey: this.vault.get(CLIENT_KEY) };
  }

  private options() {
    return { applicationName: `BankConnect Viewer ${this.appVersion}` };
  }

  private async signIn(profile: TeamProfile): Promise<SignedIn> {
    const db = await connectTeam(profile, this.secrets(), this.options());
    try {
      await requireCurrentSchema(db);
      const me = await whoAmI(db);
      await reportAction(db, 'login', null, { program: 'app' });
      return { db, me };
    } catch (error) {
      await db.close();
      throw error;
    }
  }

  private async disconnect(next: TeamLinkState): Promise<void> {
    const held = this.signedIn;
    const reader = this.reader;
    this.signedIn = null;
    this.reader = null;
    this.linkState = next;
    const signed = await held?.catch(() => null);
    await signed?.db.close();
    const replica = await reader?.catch(() => null);
    await replica?.close();
  }
}

const serverOf = (p: TeamProfile): string => `${p.host}:${p.port}/${p.database}`;

function failedReplica(replica: TeamProfile, error: unknown): TeamReplicaState {
  const { code, message } =
    error instanceof TeamError ? error : new TeamError('TEAM_FAILED', String(error));
  return { kind: 'failed', server: serverOf(replica), code, message };
}

export function memberView(m: Member): TeamMemberView {
  return {
    login: m.login,
    role: m.role,
    team: m.team,
    branch: m.branch,
    approvesFor: m.approvesFor,
  };
}

async function readStoredProfile(file: string): Promise<TeamProfile | null> {
  let text: string;
  try {
    text = await readRegularText(file);
  } catch {
    return null; // no team set up
  }
  try {
    const value: unknown = JSON.parse(text);
    return value === null ? null : parseTeamProfile(value, file);
  } catch {
    return null; // a damaged profile is entered again on the Team screen
  }
}
