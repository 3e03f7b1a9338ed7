// The session's insights under the app's credit policy, computed once per loaded session
// and policy (the tab remounts on every account switch; a 200,000-transaction session
// takes a few hundred milliseconds). Read inside a $derived, a policy change recomputes.
import { computeSessionInsights, type SessionInsights } from '@shared/insights';
import type { CreditPolicy } from '@shared/insights/policy';
import type { SessionView } from '@shared/model/view-model';
import { policy } from '../../app/policy.svelte';

const computed = new WeakMap<SessionView, { policy: CreditPolicy; insights: SessionInsights }>();

/** Whether insightsOf(session) would answer at once (computed already under this policy). */
export function insightsReady(session: SessionView): boolean {
  return computed.get(session)?.policy === policy.current;
}

export function insightsOf(session: SessionView): SessionInsights {
  const current = policy.current;
  const kept = computed.get(session);
  if (kept?.policy === current) return kept.insights;
  const insights = computeSessionInsights(session, current);
  computed.set(session, { policy: current, insights });
  return insights;
}
