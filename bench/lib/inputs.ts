// Inputs the children load before timing: the raw response text and the view model as
// main builds it (the same code path as opening a session).
import { readFile } from 'node:fs/promises';
import { parseSessionStatus, parseSubscribedData } from '@shared/api/parse';
import type { LoadedSession } from '@shared/ipc/contract';
import { SessionStore } from '../../src/main/sessions/session-store';
import type { SizeData } from './types';

export function readRawText(data: SizeData): Promise<string> {
  return readFile(data.rawJsonFile, 'utf8');
}

/** What main holds and hands the renderer after a fetch of this session. */
export async function loadSession(data: SizeData): Promise<LoadedSession> {
  const subscribedData = parseSubscribedData(JSON.parse(await readRawText(data)));
  const sessionStatus = parseSessionStatus(JSON.parse(await readFile(data.statusJsonFile, 'utf8')));
  return new SessionStore().add({
    sessionId: data.sessionId,
    fetchedAt: '2024-10-01T09:00:00.000Z',
    source: {
      kind: 'live',
      profileId: 'sandbox',
      profileName: 'Sandbox',
      host: new URL(data.url).host,
      sandbox: true,
    },
    raw: { sessionStatus, subscribedData },
  });
}
