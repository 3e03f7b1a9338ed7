// review:* — the reviewer's flags, notes and verdict on the loaded session, kept by
// src/core/review in the library folder beside the session's snapshots (which they never
// touch). Transactions are checked against the loaded view; the reviewer's name is the
// app setting.
import type { Services } from '../../../core/services';
import type { HandlerMap } from '../types';

type Channels =
  | 'review:get'
  | 'review:flag'
  | 'review:note'
  | 'review:note-remove'
  | 'review:verdict'
  | 'review:reviewer';

export function reviewHandlers(s: Services): HandlerMap<Channels> {
  const { reviewer } = s;
  const reviews = s.reviews.loaded;
  const viewOf = (handle: string) => s.sessions.get(handle).loaded.view;
  /** A change on a team case goes to the team server at once when the app is signed in. */
  const sent = <T>(handle: string, state: T): T => {
    s.team.reviewChanged(viewOf(handle).sessionId);
    return state;
  };

  return {
    'review:get': async ({ handle }) => reviews.state(viewOf(handle)),
    'review:flag': async ({ handle, keys, labels, note, exclude }) =>
      sent(
        handle,
        await reviews.flag(viewOf(handle), await reviewer.get(), keys, {
          ...(labels ? { labels } : {}),
          ...(note !== undefined ? { note } : {}),
          ...(exclude ? { exclude } : {}),
        }),
      ),
    'review:note': async ({ handle, text, account, noteId }) =>
      sent(
        handle,
        await reviews.note(viewOf(handle), await reviewer.get(), text, {
          account: account ?? null,
          ...(noteId ? { noteId } : {}),
        }),
      ),
    'review:note-remove': async ({ handle, noteId }) =>
      sent(handle, await reviews.removeNote(viewOf(handle), await reviewer.get(), noteId)),
    'review:verdict': async ({ handle, decision, reason }) =>
      sent(handle, await reviews.verdict(viewOf(handle), await reviewer.get(), decision, reason)),
    'review:reviewer': async ({ name }) => ({
      name: name === undefined ? await reviewer.get() : await reviewer.set(name),
    }),
  };
}
