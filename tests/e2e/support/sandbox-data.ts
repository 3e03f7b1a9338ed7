// The sandbox's data sessions as it sends them, for specs that read the raw fixture or need
// to know which figures a session's Summary has.
import { computeSessionInsights, summarizeSession } from '../../../src/shared/insights';
import { normalizeSession } from '../../../src/shared/model/normalize';
import { builtInSession } from '../../../src/sandbox/sessions';

/** A data session the sandbox serves: its subscribed data and its status. */
export function sandboxSession(sessionId: string) {
  const found = builtInSession(sessionId);
  if (!found || found.kind !== 'data') throw new Error(`${sessionId}: not a data session`);
  return found.session;
}

/** The Summary the app makes of a sandbox session (its figure keys and kinds). */
export function sandboxSummary(sessionId: string) {
  const { subscribed, status } = sandboxSession(sessionId);
  const view = normalizeSession(subscribed, status);
  return summarizeSession(view, computeSessionInsights(view));
}
