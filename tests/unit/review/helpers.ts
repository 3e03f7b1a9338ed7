// Demo data and a temporary library with a review store, for the review tests.
import { join } from 'node:path';
import type {
  SessionStatusResponse,
  SubscribedDataResponse,
} from '../../../src/shared/api/schemas';
import { normalizeSession } from '../../../src/shared/model/normalize';
import { builtInSession } from '../../../src/sandbox/sessions';
import { Library } from '../../../src/core/library/store';
import { ReviewStore } from '../../../src/core/review/store';
import { SessionReviews } from '../../../src/core/review/session-reviews';
import { tempDir } from '../library/helpers';
import { rawOf } from '../../fakes/received';

export function demo(id = 'demo-business'): {
  data: SubscribedDataResponse;
  status: SessionStatusResponse;
  view: ReturnType<typeof normalizeSession>;
} {
  const made = builtInSession(id);
  if (!made || made.kind !== 'data') throw new Error(`${id} is not a data session`);
  const data = made.session.subscribed;
  return { data, status: made.session.status, view: normalizeSession(data, made.session.status) };
}

export async function reviewedLibrary(sessions: readonly string[] = ['demo-business']) {
  const dir = join(await tempDir('bcv-review-'), 'library');
  let tick = Date.parse('2026-12-01T09:00:00.000Z');
  // Each call a second later: event order is the order of the calls.
  const clock = () => new Date((tick += 1000));
  const library = new Library({ dir, appVersion: 'test', clock });
  const store = new ReviewStore({ dir, clock });
  const reviews = new SessionReviews({ library, store });
  for (const id of sessions) {
    const { data, status } = demo(id);
    await library.save({
      raw: rawOf(status, data),
      fetchedAt: '2026-11-30T10:00:00.000Z',
      source: { kind: 'live', profileName: 'Sandbox', host: '127.0.0.1:4010', sandbox: true },
    });
  }
  return { dir, library, store, reviews, clock };
}
