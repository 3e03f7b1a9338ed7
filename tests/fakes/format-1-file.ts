// A `.bcsession` in format 1, written as releases before format 2 wrote them (gzip JSON
// envelope, the payload as a JSON string): the files the tests prove still open.
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { sha256Hex } from '../../src/core/library/format-1';
import type { SessionPayload, SnapshotSource } from '../../src/core/library/format';

export function payloadTextOf(payload: SessionPayload): string {
  return JSON.stringify({
    session_status: payload.sessionStatus,
    subscribed_data: payload.subscribedData,
    ...(payload.endpoint ? { data_endpoint: payload.endpoint } : {}),
  });
}

export interface Format1Input {
  readonly payloadText: string;
  readonly sessionId: string;
  readonly savedAt: string;
  readonly fetchedAt: string;
  readonly appVersion: string;
  readonly source: SnapshotSource;
  /** A review member, as exported files carried it. */
  readonly review?: unknown;
}

export async function encodeFormat1File(
  input: Format1Input,
): Promise<{ bytes: Buffer; sha256: string }> {
  const { payloadText, review, ...meta } = input;
  const sha256 = sha256Hex(payloadText);
  const envelope = {
    format: 'bankconnect-viewer/session',
    version: 1,
    ...meta,
    sha256,
    payload: payloadText,
    ...(review === undefined ? {} : { review }),
  };
  return { bytes: await promisify(gzip)(Buffer.from(JSON.stringify(envelope), 'utf8')), sha256 };
}

/** The meta of the test snapshots (a live fetch from a named profile). */
export const SNAPSHOT_META = {
  sessionId: 's-1',
  savedAt: '2026-11-24T10:00:00.000Z',
  fetchedAt: '2026-11-24T09:59:00.000Z',
  appVersion: '0.1.0',
  source: { kind: 'live', profileName: 'Prod', host: 'apis.example.in', sandbox: false },
} as const;
