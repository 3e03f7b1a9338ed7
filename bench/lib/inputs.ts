// Inputs the children load before timing: the raw response text, and the session as main
// holds it after `library:open` (raw responses kept for saving, plus the view model).
import { readFile } from 'node:fs/promises';
import type { LoadedSession } from '@shared/ipc/contract';
import { Library } from '../../src/core/library/store';
import { openSavedSession, type OpenedSaved } from '../../src/core/session/open-saved';
import type { ViewCache } from '../../src/core/session/view-cache';
import { SessionStore } from '../../src/core/session/session-store';
import type { SizeData } from './types';

export function readRawText(data: SizeData): Promise<string> {
  return readFile(data.rawJsonFile, 'utf8');
}

export interface OpenedInMain {
  /** Holds the view, as main does while the session is open. */
  readonly store: SessionStore;
  readonly loaded: LoadedSession;
}

/**
 * The library:open path: the view kept for the file's bytes when `views` has one, else
 * read and verify the saved snapshot and normalise (the view then kept); held as main does.
 */
export async function openInMain(
  library: Library,
  data: SizeData,
  views: ViewCache | null = null,
): Promise<OpenedInMain & { readonly opened: OpenedSaved }> {
  const opened = await openSavedSession(library, views, data.sessionId, undefined);
  const store = new SessionStore();
  const loaded = store.add(opened.session);
  return { store, loaded, opened };
}

export async function openSaved(data: SizeData): Promise<OpenedInMain> {
  const library = new Library({ dir: data.libraryDir, appVersion: 'bench' });
  return openInMain(library, data);
}
