// The sandbox serves demo-large-<N> from its ledger, each transaction made as it is written
// (generateServedSession, JsonList): the text sent is the text generateSession's objects
// give, byte for byte, through the server too (statuses, subscribed_data, `~tag` ids).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateServedSession, generateSession } from '../../../src/sandbox/generator';
import { jsonByteLength, jsonChunks, JsonList } from '../../../src/sandbox/json-stream';
import { startSandboxServer, type SandboxServer } from '../../../src/sandbox/server';
import { DEMO_BUSINESS_PLAN, DEMO_RETAIL_PLAN, largePlan } from '../../../src/sandbox/sessions';

const text = (value: unknown): string => [...jsonChunks(value)].join('');

describe('a served session', () => {
  it.each([
    ['retail', DEMO_RETAIL_PLAN],
    ['business', DEMO_BUSINESS_PLAN],
    ['large', largePlan(3_000)],
  ])('writes the text of the generated objects (%s)', (_name, plan) => {
    const served = generateServedSession(plan);
    const generated = generateSession(plan);
    const expected = JSON.stringify(generated.subscribed);
    expect(text(served.subscribed)).toBe(expected);
    expect(jsonByteLength(served.subscribed)).toBe(Buffer.byteLength(expected));
    expect(text(served.status)).toBe(JSON.stringify(generated.status));
  });

  it('jsonByteLength counts what JSON.stringify gives, whatever the shape', () => {
    const big = Array.from({ length: 70 }, (_, i) => ({ i, name: `₹ ${i}`, none: undefined }));
    const values: unknown[] = [
      { a: [1, undefined, { b: 'x"y', c: undefined }], ké: null, nested: { big } },
      [undefined, 'अ', { deep: [[[]]] }],
      'text',
      42,
    ];
    for (const value of values) {
      expect(jsonByteLength(value)).toBe(Buffer.byteLength(JSON.stringify(value)));
      expect(text(value)).toBe(JSON.stringify(value));
    }
    // A list's known length is taken as given, and a list without one is counted.
    expect(jsonByteLength({ l: new JsonList(() => [1, 2], 99) })).toBe(105);
    expect(jsonByteLength({ l: new JsonList(() => [1, 22]) })).toBe(12);
  });

  it('a JsonList writes its items as an array (a missing item as null)', () => {
    const list = new JsonList(() => [0, 1, 2].map((i) => (i === 1 ? undefined : { i, s: 'a"b' })));
    expect(text({ list, empty: new JsonList(() => []) })).toBe(
      '{"list":[{"i":0,"s":"a\\"b"},null,{"i":2,"s":"a\\"b"}],"empty":[]}',
    );
  });
});

describe('the sandbox server with demo-large-<N>', () => {
  let server: SandboxServer;
  const credentials = { apiKey: 'k', serverHash: 'h' };
  beforeAll(async () => {
    server = await startSandboxServer(credentials);
  });
  afterAll(() => server.close());

  const get = async (sessionId: string, endpoint: string) => {
    const response = await fetch(`${server.url}/v1/session_data/${sessionId}/${endpoint}/`, {
      headers: { 'x-api-key': 'k', 'server-hash': 'h' },
    });
    const body = await response.text();
    expect(response.headers.get('content-length')).toBe(String(Buffer.byteLength(body)));
    return body;
  };

  it('sends what generateSession makes, naming the id asked for', async () => {
    const generated = generateSession(largePlan(2_000));
    expect(await get('demo-large-2000', 'subscribed_data')).toBe(
      JSON.stringify(generated.subscribed),
    );
    expect(await get('demo-large-2000', 'session_status')).toBe(JSON.stringify(generated.status));
    expect(await get('demo-large-2000~t1', 'subscribed_data')).toBe(
      JSON.stringify({ ...generated.subscribed, session_id: 'demo-large-2000~t1' }),
    );
    // Later answers come from the text packed while the first was sent.
    expect(await get('demo-large-2000', 'subscribed_data')).toBe(
      JSON.stringify(generated.subscribed),
    );
    const progress = JSON.parse(await get('demo-large-2000', 'progress')) as {
      session_progress: string;
    };
    expect(progress.session_progress).toBe('completed');
    // The Insights shape is still made from the generated objects.
    const insights = JSON.parse(await get('demo-large-2000', 'insights')) as {
      accounts: { data: { transactions: unknown[] } }[];
    };
    expect(insights.accounts[0]!.data.transactions).toHaveLength(
      Object.values(generated.subscribed.accounts)[0]!.transactions!.length,
    );
  });

  it('an answer asked again is packed as sent, not when the client leaves half-way', async () => {
    const url = `${server.url}/v1/session_data/demo-large-3000/subscribed_data/`;
    const expected = JSON.stringify(generateSession(largePlan(3_000)).subscribed);
    // First: written as made. Second: packed as it is sent, but the client leaves.
    expect(await get('demo-large-3000', 'subscribed_data')).toBe(expected);
    const controller = new AbortController();
    const response = await fetch(url, {
      headers: { 'x-api-key': 'k', 'server-hash': 'h' },
      signal: controller.signal,
    });
    const reader = response.body!.getReader();
    await reader.read();
    controller.abort();
    await reader.read().catch(() => undefined);
    // Nothing half-packed was kept: packed again as sent, then sent from the packed text.
    expect(await get('demo-large-3000', 'subscribed_data')).toBe(expected);
    expect(await get('demo-large-3000', 'subscribed_data')).toBe(expected);
  });
});
