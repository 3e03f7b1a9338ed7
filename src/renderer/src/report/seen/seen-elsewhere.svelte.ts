// "Seen elsewhere" for the session on screen: its counterparties and account numbers found
// in other saved cases (the catalogue, through catalogue:seen-elsewhere), asked once per
// loaded session; a counterparty's match looked up by the key Insights lists it under.
import { plural } from '@shared/format/value';
import type { SeenElsewhere, SeenMatch } from '@shared/catalogue/types';
import { api, shownError } from '../../app/api';
import { session } from '../../app/session.svelte';
import { mergeSeen } from '@shared/team/merge-seen';
import { team } from '../../team/team.svelte';

class SeenElsewhereState {
  result = $state.raw<SeenElsewhere | null>(null);
  error = $state<string | null>(null);
  /** Why the team's book could not be asked (this library's answer is shown alone). */
  teamError = $state<string | null>(null);
  private handle: string | null = null;

  /** Name matches by counterparty key (the key of Insights' payers and payees). */
  readonly byName = $derived(
    new Map(
      (this.result?.matches ?? [])
        .filter((m) => m.kind === 'name' && m.relation === 'counterparty')
        .map((m) => [m.key, m] as const),
    ),
  );

  /** Asks main for the loaded session's matches unless it has already. */
  ensure(handle: string): void {
    if (this.handle === handle) return;
    this.handle = handle;
    this.result = null;
    this.error = null;
    this.teamError = null;
    // With a team set up, the team's book is asked too (its cases say whose they are). This
    // library's answer is shown as soon as it comes; the team's is merged in when it does
    // (a server that cannot answer leaves this library's, and says so).
    let local: SeenElsewhere | null = null;
    let fromTeam: SeenElsewhere | null = null;
    const show = () => {
      if (this.handle === handle && local) this.result = mergeSeen(local, fromTeam);
    };
    api.seenElsewhere({ handle }).then(
      (result) => {
        local = result;
        show();
      },
      (error: unknown) => {
        if (this.handle === handle) this.error = shownError(error).message;
      },
    );
    if (team.configured) {
      api.teamSeenElsewhere({ handle }).then(
        (result) => {
          fromTeam = result;
          show();
        },
        (error: unknown) => {
          if (this.handle === handle) this.teamError = shownError(error).message;
        },
      );
    }
  }

  /** Opens another saved case (its newest snapshot) in place of this one. */
  async open(sessionId: string): Promise<void> {
    try {
      // A colleague's case comes into this library first (then it opens offline).
      const teamOnly = this.result?.matches.some((m) =>
        m.sessions.some((s) => s.sessionId === sessionId && s.team),
      );
      if (teamOnly && !team.marks.has(sessionId) && !(await team.bringIn(sessionId))) {
        this.error = team.error?.message ?? null;
        return;
      }
      await session.openSaved(sessionId);
    } catch (error) {
      this.error = shownError(error).message;
    }
  }
}

export const seenElsewhere = new SeenElsewhereState();

export function otherCases(match: SeenMatch): string {
  const n = match.sessions.length;
  return `also in ${plural(n, 'other saved case')}`;
}
