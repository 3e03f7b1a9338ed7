// library:* — the seam for helper F. Replace the bodies with the library store from
// src/main/library/** (keep the channel names and result types of the contract).
// Available to the implementation:
//   deps.userDataDir (library folder lives under it), deps.dialogs (open/save),
//   deps.shell (reveal, trash), deps.clock;
//   s.sessions.get(handle) -> { loaded, raw: { sessionStatus, subscribedData } } to save a
//   live session; s.sessions.add({ sessionId, fetchedAt, source: { kind: 'saved', ... },
//   raw }) -> LoadedSession to open a saved one (the store normalises it).
// Until then every channel answers NOT_AVAILABLE: no made-up data.
import type { AppDeps } from '../../app/deps';
import type { Services } from '../../app/services';
import { IpcFailure } from '../errors';
import type { HandlerMap } from '../types';

type Channels =
  | 'library:list'
  | 'library:save'
  | 'library:open'
  | 'library:delete'
  | 'library:import'
  | 'library:export'
  | 'library:reveal'
  | 'library:recent';

export function libraryHandlers(_deps: AppDeps, _s: Services): HandlerMap<Channels> {
  const unavailable = (): Promise<never> =>
    Promise.reject(
      new IpcFailure('NOT_AVAILABLE', 'The session library is not available in this build'),
    );
  return {
    'library:list': unavailable,
    'library:save': unavailable,
    'library:open': unavailable,
    'library:delete': unavailable,
    'library:import': unavailable,
    'library:export': unavailable,
    'library:reveal': unavailable,
    'library:recent': unavailable,
  };
}
