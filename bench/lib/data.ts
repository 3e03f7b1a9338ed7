// Prepares, in the parent, the data every child reads for one size: the sandbox serves
// `demo-large-<N>` (seeded, so every run measures the same bytes); the response is kept
// as sent, and saved to a library folder as the app saves it.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseSessionStatus, parseSessionData } from '@shared/api/parse';
import { readJson } from '@shared/json/read-json';
import { SANDBOX_CREDENTIALS } from '../../src/core/profiles/profile-store';
import { Library } from '../../src/core/library/store';
import { servedLargeSession } from '../../src/sandbox/sessions';
import type { SizeData } from './types';

export const SANDBOX_HEADERS = {
  'x-api-key': SANDBOX_CREDENTIALS.apiKey,
  'server-hash': SANDBOX_CREDENTIALS.serverHash,
  accept: 'application/json',
};

export function dataUrl(data: Pick<SizeData, 'url' | 'sessionId'>, endpoint: string): string {
  return `${data.url}/v1/session_data/${encodeURIComponent(data.sessionId)}/${endpoint}/`;
}

async function getText(url: string): Promise<string> {
  const response = await fetch(url, { headers: SANDBOX_HEADERS });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.text();
}

export async function prepareSize(size: number, url: string, root: string): Promise<SizeData> {
  const sessionId = `demo-large-${size}`;
  // Generated here, before any child asks: generation is the sandbox's cost, not the step's.
  if (!servedLargeSession(sessionId)) throw new Error(`no sandbox data ${sessionId}`);
  const dir = join(root, sessionId);
  const data: SizeData = {
    size,
    sessionId,
    url,
    rawJsonFile: join(dir, 'subscribed_data.json'),
    statusJsonFile: join(dir, 'session_status.json'),
    libraryDir: join(dir, 'library'),
    scratchDir: join(dir, 'scratch'),
  };
  await mkdir(data.scratchDir, { recursive: true });
  const raw = await getText(dataUrl(data, 'subscribed_data'));
  const status = await getText(dataUrl(data, 'session_status'));
  await writeFile(data.rawJsonFile, raw);
  await writeFile(data.statusJsonFile, status);
  const library = new Library({ dir: data.libraryDir, appVersion: 'bench' });
  // Read as the API client reads a response, so the snapshot records what it found.
  const read = readJson(raw);
  await library.save({
    raw: {
      sessionStatus: { bytes: Buffer.from(status), value: parseSessionStatus(JSON.parse(status)) },
      data: {
        bytes: Buffer.from(raw),
        value: parseSessionData(read.value),
        duplicateKeys: read.duplicates,
      },
      endpoint: 'subscribed_data',
    },
    fetchedAt: '2024-10-01T09:00:00.000Z',
    source: { kind: 'live', profileName: 'Sandbox', host: new URL(url).host, sandbox: true },
  });
  // The listing index, as the library screen leaves it: a child's open then reads the
  // snapshot once, as the app's does, instead of also indexing it.
  await library.list();
  return data;
}
