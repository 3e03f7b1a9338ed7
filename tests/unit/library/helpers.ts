// Test data and a temporary library for the library tests.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type {
  SessionStatusResponse,
  SubscribedDataResponse,
} from '../../../src/shared/api/schemas';
import { Library, type LibraryOptions, type SaveInput } from '../../../src/core/library/store';
import { rawOf } from '../../fakes/received';
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
  } as unknown as SessionStatusResponse;
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
