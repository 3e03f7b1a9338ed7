import { describe, expect, it, vi } from 'vitest';
import { createIpcListener, type InvokeEventLike } from '../../../src/main/ipc/listener';
import { appUrlMatcher, isTrustedSender, type FrameLike } from '../../../src/main/ipc/sender';
import type { Handlers } from '../../../src/main/ipc/create-handlers';

const APP = 'file:///opt/bcv/resources/app/out/renderer/index.html';
const isAppUrl = appUrlMatcher(APP);
const trusted = { webContentsId: () => 7, isAppUrl };

function event(options: { frame?: FrameLike | null; senderId?: number; url?: string } = {}) {
  const mainFrame: FrameLike = {
    url: options.url ?? APP,
    parent: null,
    processId: 3,
    routingId: 1,
  };
  const sent: unknown[] = [];
  const e: InvokeEventLike = {
    senderFrame: options.frame === undefined ? mainFrame : options.frame,
    sender: {
      id: options.senderId ?? 7,
      mainFrame,
      send: (channel, payload) => void sent.push({ channel, payload }),
      isDestroyed: () => false,
    },
  };
  return { e, mainFrame, sent };
}

describe('isTrustedSender', () => {
  it('accepts our window top frame showing the app', () => {
    expect(isTrustedSender(event().e, trusted)).toBe(true);
  });
  it('accepts a distinct wrapper of the same top frame (same process and routing id)', () => {
    const frame = { url: APP, parent: null, processId: 3, routingId: 1 };
    expect(isTrustedSender(event({ frame }).e, trusted)).toBe(true);
  });
  it('drops a subframe', () => {
    const { e, mainFrame } = event();
    const sub = { url: APP, parent: mainFrame, processId: 3, routingId: 2 };
    expect(isTrustedSender({ ...e, senderFrame: sub }, trusted)).toBe(false);
  });
  it('drops another webContents', () => {
    expect(isTrustedSender(event({ senderId: 8 }).e, trusted)).toBe(false);
  });
  it('drops our window once it shows a foreign page', () => {
    expect(isTrustedSender(event({ url: 'https://evil.example/' }).e, trusted)).toBe(false);
    expect(isTrustedSender(event({ url: 'file:///tmp/evil.html' }).e, trusted)).toBe(false);
  });
  it('drops a sender whose frame is gone', () => {
    expect(isTrustedSender(event({ frame: null }).e, trusted)).toBe(false);
  });
  it('drops everything before the window exists', () => {
    expect(isTrustedSender(event().e, { ...trusted, webContentsId: () => null })).toBe(false);
  });
});

describe('appUrlMatcher', () => {
  it('matches the dev server origin only', () => {
    const dev = appUrlMatcher('http://localhost:5173/');
    expect(dev('http://localhost:5173/src/main.ts')).toBe(true);
    expect(dev('http://localhost:5174/')).toBe(false);
    expect(dev('not a url')).toBe(false);
  });
});

describe('createIpcListener', () => {
  it('never calls the handler for a foreign sender and answers FORBIDDEN', async () => {
    const handle = vi.fn();
    const handlers = { handle, channels: [], dispose: vi.fn() } as unknown as Handlers;
    const warn = vi.fn();
    const listener = createIpcListener(handlers, trusted, warn);
    const answer = await listener('profiles:save', event({ senderId: 99 }).e, {
      apiKey: 'sk_secret_value_123',
    });
    expect(handle).not.toHaveBeenCalled();
    expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(warn).toHaveBeenCalledOnce();
    expect(String(warn.mock.calls[0]![0])).not.toContain('sk_secret_value_123');
  });

  it('passes trusted calls on and sends progress back to the caller', async () => {
    const handlers = {
      channels: [],
      dispose: vi.fn(),
      handle: vi.fn(
        async (_c: string, _a: unknown, ctx: { emit: (e: string, p: unknown) => void }) => {
          ctx.emit('progress', { jobId: 'j' });
          return { ok: true, result: 1 };
        },
      ),
    } as unknown as Handlers;
    const { e, sent } = event();
    const answer = await createIpcListener(handlers, trusted, vi.fn())('app:info', e, {});
    expect(answer).toEqual({ ok: true, result: 1 });
    expect(sent).toEqual([{ channel: 'progress', payload: { jobId: 'j' } }]);
  });
});
