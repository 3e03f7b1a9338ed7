// `bcv fetch --out` writes the bodies exactly as received (spacing, key order, number
// spelling kept), under their endpoints' names, after the head `bcv export` reads.
import { describe, expect, it } from 'vitest';
import { fetchFilePiecesOf as fetchFilePieces } from '../../../src/cli/commands/fetch-file';
import type { OpenedSession } from '../../../src/core/session/open-session';

function opened(status: string | null, data: string | null, endpoint = 'subscribed_data') {
  const body = (text: string | null) =>
    text === null ? null : { bytes: Buffer.from(text), value: {} };
  return {
    sessionId: 's-1',
    fetchedAt: '2026-01-02T03:04:05.000Z',
    provenance: { profileName: 'Sandbox', host: '127.0.0.1:1', sandbox: true },
    raw: { sessionStatus: body(status), data: body(data), endpoint },
  } as unknown as OpenedSession;
}

describe('bcv fetch --out file', () => {
  it('holds the received bytes verbatim between its JSON', () => {
    const status = '{ "session_id" : "s-1", "accounts": [] }';
    const data = '{"session_id":"s-1","accounts":{},"amount":1.50,"z":1,"a":2}';
    const text = Buffer.concat(fetchFilePieces(opened(status, data))).toString('utf8');
    expect(text).toContain(`"session_status":${status},"subscribed_data":${data}}`);
    expect(text.endsWith('}\n')).toBe(true);
    const parsed = JSON.parse(text);
    expect(parsed).toMatchObject({ session_id: 's-1', fetched_at: '2026-01-02T03:04:05.000Z' });
    expect(parsed.source).toBe('Sandbox');
    expect(Object.keys(parsed.subscribed_data)).toEqual([
      'session_id',
      'accounts',
      'amount',
      'z',
      'a',
    ]);
  });

  it('names the endpoint that answered, drops a BOM and writes null for a missing body', () => {
    const bom = '\ufeff{"session_id":"s-1","accounts":[]}';
    const parsed = JSON.parse(
      Buffer.concat(fetchFilePieces(opened(bom, null, 'insights'))).toString('utf8'),
    );
    expect(parsed.session_status).toEqual({ session_id: 's-1', accounts: [] });
    expect(parsed.insights).toBeNull();
    expect('subscribed_data' in parsed).toBe(false);
  });
});
