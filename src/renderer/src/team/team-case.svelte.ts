// The team case on screen: where it is in maker-checker, asked of the team server once per
// opened session and after each step taken here; the steps (submit, approve a deviation,
// decide) each answer the case's new state, or the server's refusal as one line.
import { plural } from '@shared/format/value';
import type { IpcArgs } from '@shared/ipc/contract';
import type { TeamCaseDecision } from '@shared/team/types';
import { api, shownError } from '../app/api';
import { team } from './team.svelte';

class TeamCaseState {
  sessionId = $state<string | null>(null);
  /** The session on screen: its own figures answer the team's limits. */
  private handle: string | null = null;
  decision = $state.raw<TeamCaseDecision | null>(null);
  /** Why the state could not be read (offline: the case still opens from this library). */
  unavailable = $state<string | null>(null);
  /** A step the server refused, in its one line. */
  error = $state<string | null>(null);
  working = $state(false);

  async ensure(sessionId: string, handle: string): Promise<void> {
    if (this.sessionId === sessionId && this.handle === handle) return;
    this.sessionId = sessionId;
    this.handle = handle;
    this.decision = null;
    this.unavailable = null;
    this.error = null;
    try {
      const decision = await api.teamCase({ sessionId, handle });
      if (this.sessionId === sessionId) this.decision = decision;
    } catch (error) {
      if (this.sessionId === sessionId) this.unavailable = shownError(error).message;
    }
    // Signing in may have happened just now: the screens show it.
    team.status = await api.teamStatus().catch(() => team.status);
  }

  async reload(): Promise<void> {
    const id = this.sessionId;
    const handle = this.handle;
    this.sessionId = null;
    if (id && handle) await this.ensure(id, handle);
  }

  submit(args: Omit<IpcArgs<'team:submit'>, 'sessionId' | 'handle'>): Promise<boolean> {
    const handle = this.handle;
    if (!handle) return Promise.resolve(false);
    return this.step((sessionId) => api.submitTeamCase({ sessionId, handle, ...args }));
  }

  approveDeviation(id: number, reason: string): Promise<boolean> {
    return this.step((sessionId) => api.approveTeamDeviation({ sessionId, id, reason }));
  }

  decide(decision: IpcArgs<'team:decide'>['decision'], reason: string): Promise<boolean> {
    return this.step((sessionId) => api.decideTeamCase({ sessionId, decision, reason }));
  }

  private async step(work: (sessionId: string) => Promise<TeamCaseDecision>): Promise<boolean> {
    const sessionId = this.sessionId;
    if (!sessionId) return false;
    this.working = true;
    this.error = null;
    try {
      const decision = await work(sessionId);
      if (this.sessionId === sessionId) this.decision = decision;
      return true;
    } catch (error) {
      if (this.sessionId === sessionId) this.error = shownError(error).message;
      return false;
    } finally {
      this.working = false;
    }
  }
}

export const teamCase = new TeamCaseState();

/** Where the case stands and who holds it, in one line. */
export function standing(d: TeamCaseDecision): string {
  const s = d.submission;
  if (d.decision) {
    return `Decided: ${d.decision.decision} by ${d.decision.by} — ${d.decision.reason}`;
  }
  if (d.case.state === 'submitted' && s) {
    const pending = d.deviations.filter((x) => !x.approvedBy).length;
    return (
      `Submitted by ${s.by} (${s.recommendation}: ${s.reason}${s.subReason ? ` / ${s.subReason}` : ''}), locked for them; awaiting an approver` +
      (pending > 0 && s.recommendation === 'approve'
        ? `: ${plural(pending, 'deviation')} to approve first`
        : '')
    );
  }
  if (d.case.state === 'purged') return 'Purged under the team’s retention policy';
  return `Open: ${d.case.owner} has not submitted a recommendation yet`;
}
