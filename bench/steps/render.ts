// render: the built renderer in Chromium through the test bridge (tests/e2e/support), the
// session fetched from the sandbox as a person does it; timed in the page from the
// session's bytes arriving to the first transaction rows painted (the report opens on its
// Summary, then the probe opens the Transactions tab). Then the table is scrolled to the
// end and its DOM rows counted, and the renderer's peak memory read. Baseline: the session
// as plain JSON (the view model a bridge without packing would send), JSON.parse and a
// plain 40-row table painted, on a bare page of the bench's own loopback server (handing
// Playwright a body of 110 MB to fulfil a route killed the browser at 200,000). Needs
// `npm run build` first (npm run bench does it).
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseSessionStatus } from '@shared/api/parse';
import { normalizeSession } from '@shared/model/normalize';
import { openSession } from '../../tests/e2e/support/journey';
import {
  chromiumUnavailable,
  newAppPage,
  newBarePage,
  probeOf,
  ROWS,
  SCROLLER,
  startChromium,
  type ChromiumEnv,
} from '../lib/chromium';
import { bareRender, rowsAfterScrolling } from '../lib/page-probe';
import { rendererPeakMb } from '../lib/processes';
import type { Step } from '../lib/types';

const CHANNEL = 'session:fetch';
/** Where the baseline's page reads the session as plain JSON. */
const PLAIN_SESSION_PATH = '/plain-session';

let env: ChromiumEnv | null = null;
let plainServer: Server | null = null;

/** A loopback server for the baseline: an empty page, and the session's bytes as they are. */
async function servePlain(body: Buffer): Promise<string> {
  const server = createServer((req, res) => {
    if (req.url === PLAIN_SESSION_PATH) {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
      res.end(body);
    } else {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html>');
    }
  });
  plainServer = server;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

export const renderStep: Step = {
  name: 'render',
  measured:
    'bytes arrived in the page -> Summary shown, Transactions tab opened, first rows painted (JSON decode included)',
  baseline: 'the session as plain JSON on a bare page: JSON.parse + a plain 40-row table painted',
  unavailable: chromiumUnavailable,
  async prepare(variant, data) {
    const started = await startChromium();
    env = started;
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
        const { context, page } = await newBarePage(started, url);
        const { ms, rows } = await page.evaluate(bareRender, { url: PLAIN_SESSION_PATH });
        const peak = rendererPeakMb(started.pid);
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
      const { context, page } = await newAppPage(started, CHANNEL);
      await openSession(page, data.sessionId);
      const probe = await probeOf(page);
      const domRows = await page.evaluate(rowsAfterScrolling, { scroller: SCROLLER, rows: ROWS });
      const peak = rendererPeakMb(started.pid);
      await context.close();
      return {
        ms: probe.painted - probe.arrived,
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
    const server = plainServer;
    if (server) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    await env?.close();
  },
};
