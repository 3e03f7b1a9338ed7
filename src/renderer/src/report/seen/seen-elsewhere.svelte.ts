// "Seen elsewhere" for the session on screen: its counterparties and account numbers found
// in other saved cases (the catalogue, through catalogue:seen-elsewhere), asked once per
// loaded session; a counterparty's match looked up by the key Insights lists it under.
import type { SeenElsewhere, SeenMatch } from '@shared/catalogue/types';
import { api, shownError } from '../../app/api';
import { session } from '../../app/session.svelte';

class SeenElsewhereState {
  result = $state.raw<SeenElsewhere | null>(null);
  error = $state<string | null>(null);
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
    api.seenElsewhere({ handle }).then(
      (result) => {
        if (this.handle === handle) this.result = result;
      },
      (error: unknown) => {
        if (this.handle === handle) this.error = shownError(error).message;
      },
    );
  }

  /** Opens another saved case (its newest snapshot) in place of this one. */
  async open(sessionId: string): Promise<void> {
    try {
      await session.openSaved(sessionId);
    } catch (error) {
      this.error = shownError(error).message;
    }
  }
}

export const seenElsewhere = new SeenElsewhereState();

export function otherCases(match: SeenMatch): string {
  const n = match.sessions.length;
  return `also in ${n} other saved case${n === 1 ? '' : 's'}`;
}
