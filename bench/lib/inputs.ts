// Inputs the children load before timing: the raw response text, and the session as main
// holds it after `library:open` (raw responses kept for saving, plus the view model).
import { readFile } from 'node:fs/promises';
import type { LoadedSession } from '@shared/ipc/contract';
import { Library } from '../../src/core/library/store';
import { sessionOfSnapshot } from '../../src/core/session/from-snapshot';
import { SessionStore } from '../../src/core/sessions/session-store';
import type { SizeData } from './types';

export function readRawText(data: SizeData): Promise<string> {
  return readFile(data.rawJsonFile, 'utf8');
}

export interface OpenedInMain {
  /** Holds the view, as main does while the session is open. */
  readonly store: SessionStore;
  readonly loaded: LoadedSession;
}

/** The library:open path: read and verify the saved snapshot, normalise, keep. */
export async function openInMain(library: Library, data: SizeData): Promise<OpenedInMain> {
  const opened = await library.open(data.sessionId);
  const store = new SessionStore();
  const loaded = store.add(sessionOfSnapshot(opened));
  return { store, loaded };
}

export async function openSaved(data: SizeData): Promise<OpenedInMain> {
  const library = new Library({ dir: data.libraryDir, appVersion: 'bench' });
  return openInMain(library, data);
}
