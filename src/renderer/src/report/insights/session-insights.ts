// The session's insights, computed once per loaded session (the tab remounts on every
// account switch; a 200,000-transaction session takes a few hundred milliseconds).
import { computeSessionInsights, type SessionInsights } from '@shared/insights';
import type { SessionView } from '@shared/model/view-model';

const computed = new WeakMap<SessionView, SessionInsights>();

export function insightsOf(session: SessionView): SessionInsights {
  let insights = computed.get(session);
  if (!insights) {
    insights = computeSessionInsights(session);
    computed.set(session, insights);
  }
  return insights;
}
