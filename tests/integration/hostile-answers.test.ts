// Answers a misbehaving server or gateway really sends, from a local server: compressed
// error pages, redirects, bodies in other charsets or not quite JSON. Each is read right
// or refused in one line that says what came, and what cannot change by asking again is
// asked once.
import { gzipSync, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createBankConnectClient } from '../../src/core/api/client';
import { hostileServerForFile, send } from './support/hostile-http';
import { bcvInProcess } from './support/in-process-bcv';

const KEY = 'live-key-hostile-1';
const HASH = 'hash-hostile-2';
const server = hostileServerForFile();
const JSON_TYPE = { 'content-type': 'application/json' };
const STATUS =
  '{"session_id":"S","accounts":[{"account_id":"acc-1","account_status":"completed","bank_name":"Caf\u00e9 Bank"}]}';

function client(baseUrl = server.url) {
  return createBankConnectClient({
    baseUrl,
    apiKey: KEY,
    serverHash: HASH,
    fetch,
    retry: { baseDelayMs: 1, maxDelayMs: 2 },
  });
}

async function failureOf(session: string): Promise<{ code: string; message: string }> {
  const error = await client()
    .sessionStatus(session)
    .then(
      () => null,
      (e: unknown) => e,
    );
  expect(error).not.toBeNull();
  return error as { code: string; message: string };
}

function bcv(argv: string[]) {
  return bcvInProcess(argv, { env: { BANKCONNECT_API_KEY: KEY, BANKCONNECT_SERVER_HASH: HASH } });
}

const NOT_FOUND = '{"error":{"code":"SESSION_NOT_FOUND","message":"No session with this id"}}';

describe('compressed answers', () => {
  it('a gzipped 404 is its error code, not a cut answer, and is asked once', async () => {
    // Content-Length is the gzipped length (under 92 bytes), the body unpacks to 76.
    const packed = gzipSync(NOT_FOUND);
    server.answer('gz-404', send(404, { ...JSON_TYPE, 'content-encoding': 'gzip' }, packed));
    expect(await failureOf('gz-404')).toMatchObject({
      code: 'SESSION_NOT_FOUND',
      message: 'No session with this id',
    });
    expect(server.requests('gz-404')).toBe(1);
  });

  it('a deflated 200 is read whole although it unpacks to more bytes than it declared', async () => {
    const packed = deflateSync(STATUS);
    server.answer(
      'deflate-200',
      send(200, { ...JSON_TYPE, 'content-encoding': 'deflate' }, packed),
    );
    const status = await client().sessionStatus('deflate-200');
    expect(status.value.accounts[0]!.account_id).toBe('acc-1');
  });

  it('a body labelled gzip that is not gzip: BAD_ENCODING in one line, not retried', async () => {
    server.answer('bad-gz', send(200, { ...JSON_TYPE, 'content-encoding': 'gzip' }, STATUS));
    const failure = await failureOf('bad-gz');
    expect(failure.code).toBe('BAD_ENCODING');
    expect(failure.message).toMatch(
      /^The answer from 127\.0\.0\.1:\d+ \(HTTP 200\) says it is gzip-compressed but does not unpack/,
    );
    expect(server.requests('bad-gz')).toBe(1);
  });
});

describe('redirects are said, never followed', () => {
  const cases: readonly (readonly [string, number, () => string, RegExp])[] = [
    [
      'other-host',
      302,
      () => 'https://elsewhere.example/steal',
      /HTTP 302, to https:\/\/elsewhere\.example\/steal/,
    ],
    [
      'temporary',
      307,
      () => `${server.url}/v1/session_data/x/session_status/`,
      /HTTP 307, to http:\/\/127\.0\.0\.1:\d+\/bank-connect\/v1\/session_data\/x\//,
    ],
    [
      'loop',
      302,
      () => `${server.url}/v1/session_data/loop/session_status/`,
      /HTTP 302, to http:\/\/127\.0\.0\.1/,
    ],
    ['to-file', 301, () => 'file:///etc/passwd', /HTTP 301, to file:\/\/\/etc\/passwd/],
  ];
  for (const [session, status, location, said] of cases) {
    it(`${session} (${status}): REDIRECTED naming where, one request`, async () => {
      server.answer(session, (_req, res) => res.writeHead(status, { location: location() }).end());
      const failure = await failureOf(session);
      expect(failure.code).toBe('REDIRECTED');
      expect(failure.message).toMatch(said);
      expect(failure.message).toMatch(/not followed/);
      expect(server.requests(session)).toBe(1);
    });
  }

  it('bcv status says it in one line, without a retry notice', async () => {
    server.answer('cli-redirect', (_req, res) =>
      res.writeHead(302, { location: 'https://login.example/sso' }).end(),
    );
    const run = await bcv(['status', 'cli-redirect', '--base-url', server.url]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^REDIRECTED: 127\.0\.0\.1:\d+ sent the request elsewhere \(HTTP 302, to https:\/\/login\.example\/sso\): not followed[^\n]*\n$/,
    );
    expect(server.requests('cli-redirect')).toBe(1);
  });
});

describe('bodies that are not quite what they say', () => {
  it('an empty 200: EMPTY_ANSWER, not "a web page"', async () => {
    server.answer('empty', send(200, JSON_TYPE, ''));
    expect(await failureOf('empty')).toMatchObject({
      code: 'EMPTY_ANSWER',
      message: expect.stringMatching(/answered HTTP 200 with an empty body/),
    });
  });

  it('a body of null: the JSON null, not a BankConnect object', async () => {
    server.answer('null', send(200, JSON_TYPE, 'null'));
    expect(await failureOf('null')).toMatchObject({
      code: 'SCHEMA_MISMATCH',
      message: expect.stringMatching(/is the JSON null, not a BankConnect object$/),
    });
  });

  it('UTF-16 JSON, with a BOM or without, is read', async () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(STATUS, 'utf16le')]);
    server.answer('utf16-bom', send(200, JSON_TYPE, le));
    server.answer('utf16-bare', send(200, JSON_TYPE, Buffer.from(STATUS, 'utf16le')));
    for (const session of ['utf16-bom', 'utf16-bare']) {
      const status = await client().sessionStatus(session);
      expect(status.value.accounts[0]!.bank_name).toBe('Café Bank');
    }
  });

  it('charset=iso-8859-1 is read in that charset', async () => {
    server.answer(
      'latin1',
      send(
        200,
        { 'content-type': 'application/json; charset=iso-8859-1' },
        Buffer.from(STATUS, 'latin1'),
      ),
    );
    const status = await client().sessionStatus('latin1');
    expect(status.value.accounts[0]!.bank_name).toBe('Café Bank');
  });

  it('complete JSON with a raw control character: MALFORMED_JSON once, not "the connection dropped"', async () => {
    server.answer('control', send(200, JSON_TYPE, STATUS.replace('Caf\u00e9', 'Caf\u0001')));
    const failure = await failureOf('control');
    expect(failure.code).toBe('MALFORMED_JSON');
    expect(failure.message).toMatch(/is complete but not valid JSON \(Bad control character/);
    expect(server.requests('control')).toBe(1);
  });

  it('JSON that stops short is still a cut answer (tried again)', async () => {
    server.answer('cut', send(200, JSON_TYPE, STATUS.slice(0, 40)));
    expect((await failureOf('cut')).code).toBe('TRUNCATED_BODY');
    expect(server.requests('cut')).toBeGreaterThan(1);
  });

  it('progress/ answering an empty body, null or broken JSON: done without, as a server without it', async () => {
    server.answer('prog-empty', send(200, JSON_TYPE, ''));
    server.answer('prog-null', send(200, JSON_TYPE, 'null'));
    server.answer('prog-broken', send(200, JSON_TYPE, '{"stage":\u0001}'));
    for (const session of ['prog-empty', 'prog-null', 'prog-broken']) {
      expect(await client().progress(session)).toBeNull();
    }
  });

  it('an error whose code is a terminal escape and whose message has a line break: one line, API_ERROR', async () => {
    server.answer(
      'odd-code',
      send(
        404,
        JSON_TYPE,
        '{"error":{"code":"\\u001b]0;owned\\u0007","message":"No such\\nverdict: APPROVED"}}',
      ),
    );
    expect(await failureOf('odd-code')).toMatchObject({
      code: 'API_ERROR',
      message:
        'No such verdict: APPROVED (with the code "\\u001b]0;owned\\u0007", which is not one)',
    });
  });

  it('a 200 whose body is an API error: the error, by its code', async () => {
    server.answer('ok-error', send(200, JSON_TYPE, NOT_FOUND));
    expect(await failureOf('ok-error')).toMatchObject({
      code: 'SESSION_NOT_FOUND',
      message: 'No session with this id',
    });
  });
});

describe('a base URL that would swallow the request path', () => {
  for (const suffix of ['?q=1', '#frag']) {
    it(`${suffix}: refused before any request`, async () => {
      expect(() => client(`${server.url}${suffix}`)).toThrow(
        expect.objectContaining({ code: 'INVALID_BASE_URL' }),
      );
      const run = await bcv(['status', 'S', '--base-url', `${server.url}${suffix}`]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^USAGE: --base-url has a (query|fragment)/);
      expect(server.requests('S')).toBe(0);
    });
  }
});

describe('flags', () => {
  it('a flag given twice is refused, not silently the last', async () => {
    const run = await bcv([
      'status',
      'S',
      '--base-url',
      server.url,
      '--base-url',
      'https://x.example',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^USAGE: --base-url is given twice \(bcv status --help\)$/m);
    expect(server.requests('S')).toBe(0);
  });

  it('--timeout 0 says what is allowed (above 0), not "between 0 and 3600, got 0"', async () => {
    const run = await bcv(['status', 'S', '--base-url', server.url, '--timeout', '0']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^USAGE: --timeout: expected a number of seconds above 0 and at most 3600, got "0"/,
    );
  });
});
