// The team library as the renderer sees it: the profile (secrets as hints), whether the app
// is signed in and as whom, the review sync's state, this library's team cases (their
// marks, offline) and the team's cases (from the server). With no team set up, none of the
// screens show anything of it.
import type { IpcArgs } from '@shared/ipc/contract';
import type { TeamCaseSummary, TeamMarkView, TeamQueue, TeamStatus } from '@shared/team/types';
import { api, shownError, type ShownError } from '../app/api';

class TeamState {
  status = $state.raw<TeamStatus | null>(null);
  marks = $state.raw<ReadonlyMap<string, TeamMarkView>>(new Map());
  cases = $state.raw<readonly TeamCaseSummary[] | null>(null);
  error = $state.raw<ShownError | null>(null);
  busy = $state(false);
  /** The one-line outcome of the last action (published, brought in, synced). */
  notice = $state<string | null>(null);
  /** The export audit rows this library holds for the audit trail (read from the library). */
  queue = $state.raw<TeamQueue | null>(null);

  get configured(): boolean {
    return this.status?.profile != null;
  }

  get connected(): boolean {
    return this.status?.link.kind === 'connected';
  }

  /** The profile and the marks; no server is asked. */
  async load(): Promise<void> {
    await this.guard(async () => {
      const [status, { marks }] = await Promise.all([api.teamStatus(), api.teamMarks()]);
      this.status = status;
      this.marks = new Map(marks.map((m) => [m.sessionId, m]));
      this.queue = await api.teamQueue();
    });
  }

  /** Signs in when not yet (the sync of offline reviews follows), then lists the team's cases. */
  async connect(): Promise<void> {
    if (!this.configured) return;
    await this.guard(async () => {
      if (!this.connected) this.status = await api.testTeam();
      if (this.connected) this.cases = (await api.teamCases()).cases;
    });
  }

  async save(args: IpcArgs<'team:save'>): Promise<boolean> {
    let saved = false;
    await this.guard(async () => {
      this.status = await api.saveTeam(args);
      this.cases = null;
      saved = true;
    });
    return saved;
  }

  async test(): Promise<void> {
    this.busy = true;
    await this.guard(async () => {
      this.status = await api.testTeam();
      if (this.connected) this.cases = (await api.teamCases()).cases;
    });
    this.busy = false;
    await this.followSync().catch(() => undefined);
    this.queue = await api.teamQueue().catch(() => this.queue);
  }

  /** The sync a sign-in starts runs in main's background: its outcome shown once it is in. */
  private async followSync(): Promise<void> {
    for (let i = 0; i < 150 && this.status?.sync.running; i++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      this.status = await api.teamStatus();
    }
  }

  async remove(): Promise<void> {
    await this.guard(async () => {
      this.status = await api.removeTeam();
      this.cases = null;
    });
  }

  async publish(sessionId: string): Promise<void> {
    this.busy = true;
    await this.guard(async () => {
      const out = await api.publishToTeam({ sessionId });
      this.notice = out.published
        ? `Published ${sessionId} to the team: ${out.transactions} transactions${out.reviewSent > 0 ? `, ${out.reviewSent} review entries` : ''}`
        : `${sessionId}'s latest snapshot was in the team library already`;
      await this.refresh();
    });
    this.busy = false;
  }

  /** Brings a team case into this library; true when it is there to open. */
  async bringIn(sessionId: string): Promise<boolean> {
    if (this.marks.has(sessionId)) return true;
    let done = false;
    this.busy = true;
    await this.guard(async () => {
      const out = await api.openTeamCase({ sessionId });
      this.notice = `${sessionId} (${out.case.owner}'s case) is in this library now: it opens offline from here on`;
      await this.refresh();
      done = true;
    });
    this.busy = false;
    return done;
  }

  async sync(): Promise<void> {
    this.busy = true;
    await this.guard(async () => {
      await api.syncTeam();
      this.status = await api.teamStatus();
      this.queue = await api.teamQueue();
    });
    this.busy = false;
  }

  /** After a change here: the marks, the status and (signed in) the team's cases again. */
  async refresh(): Promise<void> {
    const [status, { marks }] = await Promise.all([api.teamStatus(), api.teamMarks()]);
    this.status = status;
    this.marks = new Map(marks.map((m) => [m.sessionId, m]));
    if (this.connected) this.cases = (await api.teamCases()).cases;
  }

  clearError(): void {
    this.error = null;
  }

  private async guard(work: () => Promise<void>): Promise<void> {
    this.error = null;
    this.notice = null;
    try {
      await work();
    } catch (error) {
      this.error = shownError(error);
      // The server's state may have changed with the failure (a dropped connection).
      this.status = await api.teamStatus().catch(() => this.status);
    }
  }
}

export const team = new TeamState();

/** "alice's case · team retail-1 · Pune" */
export function whose(c: { owner: string; team: string; branch: string }): string {
  return `${c.owner}'s case · team ${c.team} · ${c.branch}`;
}

export const STATE_LABELS: Record<TeamCaseSummary['state'], string> = {
  open: 'Open',
  submitted: 'Submitted',
  decided: 'Decided',
  purged: 'Purged',
};
