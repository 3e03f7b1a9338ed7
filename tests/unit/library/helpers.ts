// Test data and a temporary library for the library tests.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type {
  SessionStatusResponse,
  SubscribedDataResponse,
} from '../../../src/shared/api/schemas';
import { Library, type LibraryOptions, type SaveInput } from '../../../src/core/library/store';
import { rawOf } from '../../fakes/received';
import { encodeFormat1File, payloadTextOf } from '../../fakes/format-1-file';
import reference from '../../../src/sandbox/data/reference-subscribed-data.json';

export async function tempDir(prefix = 'bcv-lib-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

export function dataFor(sessionId: string): SubscribedDataResponse {
  return {
    ...structuredClone(reference),
    session_id: sessionId,
  } as unknown as SubscribedDataResponse;
}

export function statusFor(sessionId: string): SessionStatusResponse {
  return {
    session_id: sessionId,
    accounts: [
      {
        account_id: '8cdcf3f2-e4ba-4be8-b0eb-bc619c6cc753',
        bank_name: 'central',
        account_status: 'completed',
        error_code: null,
        error_message: null,
        statements: [{ statement_id: 's-1', statement_status: 'completed' }],
      },
    ],
  };
}

/** Both responses in one JSON file, as `bcv fetch --out` writes them for `sessionId`. */
export function fetchedJson(sessionId: string): string {
  return JSON.stringify({
    session_status: statusFor(sessionId),
    subscribed_data: dataFor(sessionId),
  });
}

export function saveInput(sessionId: string, fetchedAt = '2026-11-20T10:00:00.000Z'): SaveInput {
  return {
    raw: rawOf(statusFor(sessionId), dataFor(sessionId)),
    fetchedAt,
    source: { kind: 'live', profileName: 'Sandbox', host: '127.0.0.1:4010', sandbox: true },
  };
}

export async function tempLibrary(options: Partial<LibraryOptions> = {}): Promise<Library> {
  return new Library({ dir: join(await tempDir(), 'library'), appVersion: 'test', ...options });
}

/** A temporary library whose trash removes the path and records it, in order. */
export async function tempLibraryRecordingTrash(): Promise<{
  library: Library;
  trashed: string[];
}> {
  const trashed: string[] = [];
  const library = await tempLibrary({
    trash: async (path) => {
      trashed.push(path);
      await rm(path, { recursive: true, force: true });
    },
  });
  return { library, trashed };
}

/** A format-1 snapshot of `sessionId` in a library folder, as an earlier release saved it. */
export async function writeFormat1Snapshot(
  libraryDir: string,
  sessionId: string,
): Promise<{ file: string; bytes: Buffer; checksum: string; payloadText: string }> {
  const payloadText = payloadTextOf({
    sessionStatus: statusFor(sessionId),
    subscribedData: dataFor(sessionId),
    endpoint: 'subscribed_data',
  });
  const { bytes, sha256: checksum } = await encodeFormat1File({
    payloadText,
    sessionId,
    savedAt: '2026-11-20T10:00:00.000Z',
    fetchedAt: '2026-11-20T09:58:00.000Z',
    appVersion: '0.9.0',
    source: { kind: 'live', profileName: 'Work', host: 'apis.example.in', sandbox: false },
  });
  const folder = join(libraryDir, sessionId);
  await mkdir(folder, { recursive: true });
  const file = join(folder, '20261120T100000000Z-0a0b0c0d.bcsession');
  await writeFile(file, bytes);
  return { file, bytes, checksum, payloadText };
}
