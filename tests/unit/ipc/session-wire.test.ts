// A session's transactions cross to the renderer as columns: what the renderer rebuilds
// after a structured clone must equal what main normalised, field for field and in order.
import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import type { Handlers } from '../../../src/main/ipc/create-handlers';
import { createIpcListener, type InvokeEventLike } from '../../../src/main/ipc/listener';
import type { LoadedSession } from '../../../src/shared/ipc/contract';
import {
  PACKED_TRANSACTIONS,
  packLoadedSession,
  packSalary,
  packTransactions,
  unpackLoadedSession,
  unpackSalary,
  unpackTransactions,
  viewOfPacked,
} from '../../../src/shared/ipc/session-wire';
import { parseSessionData } from '../../../src/shared/api/parse';
import { normalizeSession } from '../../../src/shared/model/normalize';
import type { SessionView, TransactionView } from '../../../src/shared/model/view-model';
import { generateSession } from '../../../src/sandbox/generator';
import { DEMO_BUSINESS_PLAN, DEMO_RETAIL_PLAN } from '../../../src/sandbox/sessions';
import reference from '../../../src/sandbox/data/reference-subscribed-data.json';

function loadedOf(view: SessionView): LoadedSession {
  return {
    handle: 'h',
    sessionId: view.sessionId,
    fetchedAt: '2024-10-01T09:00:00.000Z',
    source: { kind: 'live', profileId: 'p', profileName: 'Sandbox', host: 'h', sandbox: true },
    view,
  };
}

/** Through a structured clone, as Electron's IPC sends it. */
function cloned<T>(value: T): T {
  return deserialize(serialize(value)) as T;
}

const sessions: [string, SessionView][] = [
  ['reference', normalizeSession(parseSessionData(structuredClone(reference)))],
  ['demo-business', normalizeSession(generateSession(DEMO_BUSINESS_PLAN).subscribed)],
  ['demo-retail', normalizeSession(generateSession(DEMO_RETAIL_PLAN).subscribed)],
];

describe('session wire', () => {
  it.each(sessions)('%s: the renderer rebuilds exactly the view main built', (_, view) => {
    const loaded = loadedOf(view);
    const rebuilt = unpackLoadedSession(cloned(packLoadedSession(loaded)));
    expect(rebuilt).toStrictEqual(loaded);
    for (const [a, b] of rebuilt.view.accounts.map((acc, i) => [acc, view.accounts[i]!])) {
      expect(a!.transactions.map((t) => Object.keys(t))).toEqual(
        b!.transactions.map((t) => Object.keys(t)),
      );
    }
  });

  it('covers fraud links, salary rows, null balances and statement ids, odd extra values', () => {
    const business = sessions[1]![1];
    expect(business.accounts.some((a) => a.transactions.some((t) => t.fraudTypes.length))).toBe(
      true,
    );
    expect(sessions[2]![1].accounts[0]!.salaryTransactions.length).toBeGreaterThan(0);
    const base = business.accounts[0]!.transactions[0]!;
    const odd: TransactionView[] = [
      { ...base, balance: null, statementId: null, extra: {} },
      {
        ...base,
        index: 7,
        balance: -0.5,
        narration: 'UPI/₹ 500/naïve — “quoted”\u0000',
        extra: { n: 12.5, yes: true, list: [1, 'a'], nested: { a: null }, text: '' },
      },
      { ...base, type: 'credit', fraudTypes: ['a', 'b'], extra: { text: 'x', n: 0 } },
    ];
    expect(unpackTransactions(cloned(packTransactions(odd)))).toStrictEqual(odd);
    expect(unpackTransactions(cloned(packTransactions([])))).toStrictEqual([]);
  });

  it.each(sessions)(
    "%s: main's view of a kept view reads as the view main built, its rows made on first read",
    (_, view) => {
      // A kept view is the packing, v8-serialised (view-cache.ts), read back.
      const packed = cloned(packLoadedSession(loadedOf(view)).view);
      const read = viewOfPacked(packed);
      // Not made yet: the open sends the packing, which main remembers with the view.
      const account = read.accounts[0]!;
      expect(Object.getOwnPropertyDescriptor(account, 'transactions')?.get).toBeTypeOf('function');
      expect(packLoadedSession(loadedOf(read)).view).toBe(packed);
      expect(read).toStrictEqual(view);
      expect(JSON.stringify(read)).toBe(JSON.stringify(view));
      // Made once: every reader gets the same rows.
      expect(account.transactions).toBe(account.transactions);
      expect(account.salaryTransactions).toBe(account.salaryTransactions);
      expect({ ...account }).toStrictEqual(view.accounts[0]);
    },
  );

  it('packs a view once: a second answer of the same view is the same packing', () => {
    const view = sessions[1]![1];
    const first = packLoadedSession(loadedOf(view));
    const again = packLoadedSession({ ...loadedOf(view), handle: 'another' });
    expect(again.view).toBe(first.view);
    expect(again.handle).toBe('another');
  });

  it('sends fewer bytes than the objects', () => {
    const loaded = loadedOf(sessions[1]![1]);
    expect(serialize(packLoadedSession(loaded)).length).toBeLessThan(serialize(loaded).length / 2);
  });

  it('sends salary transactions as positions into the transactions, with their own fields', () => {
    const account = sessions[2]![1].accounts[0]!;
    const packed = packSalary(account.transactions, account.salaryTransactions);
    expect(packed.at.length).toBe(account.salaryTransactions.length);
    expect([...packed.at].every((at) => at >= 0)).toBe(true);
    expect(packed.unmatched.count).toBe(0);
    expect(packed.extra[0]).toHaveProperty('employer_name');
    expect(unpackSalary(account.transactions, cloned(packed))).toStrictEqual(
      account.salaryTransactions,
    );
  });

  it('a salary row that differs from its transaction travels whole, in its place', () => {
    const account = sessions[2]![1].accounts[0]!;
    const [first, second] = account.salaryTransactions;
    const changed = [first!, { ...second!, amount: second!.amount + 1 }, first!];
    const packed = packSalary(account.transactions, changed);
    expect([...packed.at].map((at) => at >= 0)).toEqual([true, false, true]);
    expect(packed.unmatched.count).toBe(1);
    expect(unpackSalary(account.transactions, cloned(packed))).toStrictEqual(changed);
  });
});

describe('the IPC listener', () => {
  const APP = 'file:///app/index.html';
  const frame = { url: APP, parent: null, processId: 3, routingId: 1 };
  const event: InvokeEventLike = {
    senderFrame: frame,
    sender: { id: 7, mainFrame: frame, send: () => undefined, isDestroyed: () => false },
  };
  const trusted = { webContentsId: () => 7, isAppUrl: (url: string) => url === APP };
  const loaded = loadedOf(sessions[1]![1]);
  const handlers = {
    channels: [],
    dispose: () => Promise.resolve(),
    handle: (channel: string) =>
      Promise.resolve(
        channel === 'session:close'
          ? { ok: false, error: { code: 'X', message: 'no' } }
          : { ok: true, result: channel === 'app:info' ? { version: '1' } : loaded },
      ),
  } as unknown as Handlers;
  const listener = createIpcListener(handlers, trusted, () => undefined);

  it.each(['session:fetch', 'session:refresh', 'library:open'])(
    '%s: answers the session packed, and it unpacks to the same session',
    async (channel) => {
      const answer = (await listener(channel, event, {})) as {
        ok: true;
        result: ReturnType<typeof packLoadedSession>;
      };
      expect(answer.ok).toBe(true);
      expect(answer.result.view.accounts[0]!.transactions.format).toBe(PACKED_TRANSACTIONS);
      expect(unpackLoadedSession(cloned(answer.result))).toStrictEqual(loaded);
    },
  );

  it('leaves other answers and failures as they are', async () => {
    expect(await listener('app:info', event, {})).toEqual({ ok: true, result: { version: '1' } });
    expect(await listener('session:close', event, {})).toEqual({
      ok: false,
      error: { code: 'X', message: 'no' },
    });
  });
});
