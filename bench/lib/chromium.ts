// The browser harness of the steps that run the built renderer in Chromium (render,
// open-rows): the test host (tests/e2e/support) answering the bridge with main's
// handlers, a Chromium server whose renderer processes the bench can read the memory of,
// and pages with the bridge and the bench's probe installed.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserServer,
  type Page,
} from 'playwright-core';
import { BRIDGE_EVENTS } from '@shared/ipc/api';
import { bridgeInitScript } from '../../tests/e2e/support/bridge-client';
import { startTestHost, type HostOptions, type TestHost } from '../../tests/e2e/support/host';
import { installProbe, type ProbeResult } from './page-probe';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
export const ROWS = '[data-table="transactions"] tbody tr[data-index]';
export const SCROLLER = '[data-table="transactions"] .scroller';
export const TIMEOUT = Number(process.env['BENCH_RENDER_TIMEOUT'] ?? 300_000);

export interface ChromiumEnv {
  readonly host: TestHost;
  readonly browser: Browser;
  /** The browser's process id: its renderers are its descendants. */
  readonly pid: number;
  close(): Promise<void>;
}

/** Why the browser steps cannot run here, or null. */
export function chromiumUnavailable(): string | null {
  if (!existsSync(CHROMIUM)) return `no browser at ${CHROMIUM} (set CHROMIUM_PATH)`;
  if (!existsSync(join(__dirname, '../../out/renderer/index.html'))) {
    return 'out/renderer is not built (npm run build)';
  }
  return null;
}

export async function startChromium(hostOptions: HostOptions = {}): Promise<ChromiumEnv> {
  const host = await startTestHost(hostOptions);
  const server: BrowserServer = await chromium.launchServer({
    executablePath: CHROMIUM,
    args: ARGS,
  });
  const browser = await chromium.connect(server.wsEndpoint());
  return {
    host,
    browser,
    pid: server.process().pid ?? 0,
    async close() {
      await browser.close();
      await server.close();
      await host.close();
    },
  };
}

/** A bare page (no app), for a baseline. */
export async function newBarePage(
  env: ChromiumEnv,
  url: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await env.browser.newContext({ viewport: { width: 1400, height: 900 } });
  // tsx compiles the bench keeping function names (`__name(fn, "name")`): functions handed
  // to the page carry that call, so the page gets a no-op of it.
  await context.addInitScript({ content: 'globalThis.__name ??= (f) => f;' });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  await page.goto(url);
  return { context, page };
}

/**
 * The app in a new page, the bridge installed and the probe watching `channel`'s answer
 * (see page-probe.ts), ready for input.
 */
export async function newAppPage(
  env: ChromiumEnv,
  channel: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await env.browser.newContext({ viewport: { width: 1400, height: 900 } });
  await context.addInitScript({ content: 'globalThis.__name ??= (f) => f;' });
  await context.addInitScript(bridgeInitScript({ events: BRIDGE_EVENTS }));
  await context.addInitScript(installProbe, { channel, rowSelector: ROWS });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  await page.goto(env.host.url);
  await page.locator('[data-app-ready]').waitFor();
  return { context, page };
}

/** Waits for the probe to have seen the first transaction rows painted. */
export async function probeOf(page: Page): Promise<ProbeResult & { readonly painted: number }> {
  const handle = await page.waitForFunction(
    () => {
      const probe = (globalThis as { __benchProbe?: ProbeResult }).__benchProbe;
      return probe?.painted ? probe : null;
    },
    undefined,
    { timeout: TIMEOUT, polling: 100 },
  );
  return (await handle.jsonValue()) as ProbeResult & { readonly painted: number };
}
