// render: the built renderer in Chromium through the test bridge (tests/e2e/support), the
// session fetched from the sandbox as a person does it; timed in the page from the
// session's bytes arriving to the first transaction rows painted (the report opens on the
// Transactions tab). Then the table is scrolled to the end and its DOM rows counted, and
// the renderer's peak memory read. Baseline: the same bytes, JSON.parse and a plain
// 40-row table painted. Needs `npm run build` first (npm run bench does it).
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserServer } from 'playwright-core';
import { parseSessionStatus } from '@shared/api/parse';
import { BRIDGE_EVENTS } from '@shared/ipc/api';
import { SESSION_CHANNELS } from '@shared/ipc/contract';
import { normalizeSession } from '@shared/model/normalize';
import { installBridge } from '../../tests/e2e/support/bridge-client';
import { startTestHost, type TestHost } from '../../tests/e2e/support/host';
import { openSession } from '../../tests/e2e/support/journey';
import { bareRender, installProbe, rowsAfterScrolling, type ProbeResult } from '../lib/page-probe';
import { rendererPeakMb } from '../lib/processes';
import type { Step } from '../lib/types';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const CHANNEL = 'session:fetch';
/** Where the baseline's page reads the session as plain JSON (served by the bench itself). */
const PLAIN_SESSION_PATH = '/plain-session';
const ROWS = '[data-table="transactions"] tbody tr[data-index]';
const SCROLLER = '[data-table="transactions"] .scroller';
const TIMEOUT = Number(process.env['BENCH_RENDER_TIMEOUT'] ?? 300_000);

let host: TestHost | null = null;
let server: BrowserServer | null = null;
let browser: Browser | null = null;
let plainServer: Server | null = null;

/** A loopback server for the baseline: an empty page, and the session's bytes as they are. */
async function servePlain(body: Buffer): Promise<string> {
  plainServer = createServer((req, res) => {
    if (req.url === PLAIN_SESSION_PATH) {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
      res.end(body);
    } else {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html>');
    }
  });
  await new Promise<void>((resolve) => plainServer!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(plainServer.address() as AddressInfo).port}/`;
}

async function start(): Promise<{ host: TestHost; browser: Browser; pid: number }> {
  host = await startTestHost();
  server = await chromium.launchServer({ executablePath: CHROMIUM, args: ARGS });
  browser = await chromium.connect(server.wsEndpoint());
  return { host, browser, pid: server.process().pid ?? 0 };
}

export const renderStep: Step = {
  name: 'render',
  measured:
    'bytes arrived in the page -> Summary shown, Transactions tab opened, first rows painted (JSON decode included)',
  baseline: 'the session as plain JSON on a bare page: JSON.parse + a plain 40-row table painted',
  unavailable() {
    if (!existsSync(CHROMIUM)) return `no browser at ${CHROMIUM} (set CHROMIUM_PATH)`;
    if (!existsSync(join(__dirname, '../../out/renderer/index.html'))) {
      return 'out/renderer is not built (npm run build)';
    }
    return null;
  },
  async prepare(variant, data) {
    const env = await start();
    const newPage = async () => {
      const context = await env.browser.newContext({ viewport: { width: 1400, height: 900 } });
      // First, as tsx compiles this file keeping function names (`__name(fn, "name")`): functions
      // handed to the page carry that call, so the page gets a no-op of it.
      await context.addInitScript({ content: 'globalThis.__name ??= (f) => f;' });
      await context.addInitScript(installBridge, {
        events: BRIDGE_EVENTS,
        sessionChannels: [...SESSION_CHANNELS],
      });
      await context.addInitScript(installProbe, { channel: CHANNEL, rowSelector: ROWS });
      const page = await context.newPage();
      page.setDefaultTimeout(TIMEOUT);
      await page.goto(env.host.url);
      await page.locator('[data-app-ready]').waitFor();
      return { context, page };
    };
    if (variant === 'baseline') {
      // The session as plain JSON, the answer a bridge without packing would send.
      const plain = Buffer.from(
        JSON.stringify({
          ok: true,
          result: {
            sessionId: data.sessionId,
            view: normalizeSession(
              JSON.parse(await readFile(data.rawJsonFile, 'utf8')),
              parseSessionStatus(JSON.parse(await readFile(data.statusJsonFile, 'utf8'))),
            ),
          },
        }),
      );
      const url = await servePlain(plain);
      return async () => {
        const context = await env.browser.newContext({ viewport: { width: 1400, height: 900 } });
        await context.addInitScript({ content: 'globalThis.__name ??= (f) => f;' });
        const page = await context.newPage();
        page.setDefaultTimeout(TIMEOUT);
        await page.goto(url);
        const { ms, rows } = await page.evaluate(bareRender, { url: PLAIN_SESSION_PATH });
        const peak = rendererPeakMb(env.pid);
        await context.close();
        return {
          ms,
          facts: {
            domRows: rows,
            bytesMb: plain.length / 1048576,
            ...(peak === null ? {} : { rendererPeakMb: peak }),
          },
        };
      };
    }
    return async () => {
      const { context, page } = await newPage();
      await openSession(page, data.sessionId);
      const handle = await page.waitForFunction(
        () => {
          const probe = (globalThis as { __benchProbe?: ProbeResult }).__benchProbe;
          return probe?.painted ? probe : null;
        },
        undefined,
        { timeout: TIMEOUT, polling: 100 },
      );
      const probe = (await handle.jsonValue()) as ProbeResult;
      const domRows = await page.evaluate(rowsAfterScrolling, { scroller: SCROLLER, rows: ROWS });
      const peak = rendererPeakMb(env.pid);
      await context.close();
      return {
        ms: probe.painted! - probe.arrived,
        facts: {
          domRows,
          decodeMs: probe.decodeMs,
          bridgeMb: probe.bytes / 1048576,
          ...(peak === null ? {} : { rendererPeakMb: peak }),
        },
      };
    };
  },
  async dispose() {
    plainServer?.closeAllConnections();
    await new Promise<void>((resolve) =>
      plainServer ? plainServer.close(() => resolve()) : resolve(),
    );
    await browser?.close();
    await server?.close();
    await host?.close();
  },
};
