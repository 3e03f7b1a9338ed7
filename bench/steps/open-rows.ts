// open-rows: what an underwriter waits for with a large saved case, end to end: the built
// renderer in Chromium, the Library screen's Open pressed on the saved session, to the
// first transaction rows painted (the probe opens the Transactions tab once the report is
// there). main's library:open runs in the test host, the answer packed as the app's IPC
// packs it. `open-rows`: a session opened before, its view kept; `open-rows-first`: its
// first open (no kept view: the whole saved file is read). With the renderer's peak memory
// and the share of the time before the answer reached the page. A file under
// VIEW_KEPT_FROM_BYTES (10,000 transactions) is opened in full every time, as the app
// does: both steps then time the same open. Baseline: JSON.parse of the uncompressed
// subscribed_data text, as for open.
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { VIEW_KEPT_FROM_BYTES } from '../../src/core/session/open-saved';
import { viewCacheDir } from '../../src/core/session/view-cache';
import {
  chromiumUnavailable,
  newAppPage,
  probeOf,
  startChromium,
  type ChromiumEnv,
} from '../lib/chromium';
import { rendererPeakMb } from '../lib/processes';
import type { SizeData, Step, StepName } from '../lib/types';
import type { TestHost } from '../../tests/e2e/support/host';
import { parseBaseline } from './open';

const CHANNEL = 'library:open';
const KEPT_VIEW = /\.view$/;

let env: ChromiumEnv | null = null;

/** Presses Open on the session's Library row, answering performance.now() at the press. */
async function pressOpen(page: Page, sessionId: string): Promise<number> {
  await page.getByRole('button', { name: 'Library', exact: true }).click();
  const open = page
    .locator(`tr[data-session="${sessionId}"]`)
    .getByRole('button', { name: 'Open' });
  await open.waitFor();
  return open.evaluate((button) => {
    const at = performance.now();
    (button as unknown as { click(): void }).click();
    return at;
  });
}

/** Whether the app keeps a view of this session's saved file (a large one). */
async function viewIsKept(data: SizeData): Promise<boolean> {
  const dir = join(data.libraryDir, data.sessionId);
  for (const name of await readdir(dir)) {
    if (name.endsWith('.bcsession') && (await stat(join(dir, name))).size >= VIEW_KEPT_FROM_BYTES)
      return true;
  }
  return false;
}

/**
 * Closes in main every session the runs opened but the last, as the app does when a
 * session opened replaces the one on screen (session.svelte.ts): each run's page is a new
 * one, so no page closes them, and main would hold every earlier run's session (the first
 * full open's 200,000 objects among them), making its garbage collection heavier than the
 * app's. Not timed.
 */
type Answer = { result?: { handle?: unknown } };

async function closeEarlierSessions(host: TestHost, closed: Set<string>): Promise<void> {
  const handles = host.exchanges
    .filter((x) => x.channel === CHANNEL)
    .map((x) => {
      // A frame's header holds the answer as `value` (bridge-frame.ts); else it is the answer.
      const sent = JSON.parse(x.response) as Answer & { value?: Answer };
      return (sent.value ?? sent).result?.handle;
    })
    .filter((handle): handle is string => typeof handle === 'string');
  for (const handle of handles.slice(0, -1)) {
    if (closed.has(handle)) continue;
    closed.add(handle);
    await host.handlers.handle('session:close', { handle }, { emit: () => undefined });
  }
}

async function keptViews(dir: string): Promise<number> {
  return (await readdir(dir).catch(() => [])).filter((name) => KEPT_VIEW.test(name)).length;
}

function openRowsStepOf(name: StepName, kept: boolean): Step {
  return {
    name,
    measured: kept
      ? "Library's Open of a session opened before (kept view) -> first transaction rows painted"
      : "Library's Open, first time (the whole saved file) -> first transaction rows painted",
    baseline: 'JSON.parse of the uncompressed subscribed_data text',
    unavailable: chromiumUnavailable,
    async prepare(variant, data: SizeData) {
      if (variant === 'baseline') return parseBaseline(data);
      // The app keeps views when it knows its build; the bench's library is the one prepared.
      const started = await startChromium({
        deps: { libraryDir: data.libraryDir, buildFingerprint: `bench-${process.pid}` },
      });
      env = started;
      const views = viewCacheDir(started.host.userDataDir);
      const keptForThisFile = await viewIsKept(data);
      const closed = new Set<string>();
      return async () => {
        if (!kept) await rm(views, { recursive: true, force: true });
        const { context, page } = await newAppPage(started, CHANNEL);
        const pressed = await pressOpen(page, data.sessionId);
        const probe = await probeOf(page);
        const peak = rendererPeakMb(started.pid);
        const transactions = await page
          .getByRole('tab', { name: 'Transactions' })
          .getAttribute('aria-selected');
        await context.close();
        await closeEarlierSessions(started.host, closed);
        // The view is kept once the answer has gone: the next open finds it.
        if (kept && keptForThisFile) {
          const deadline = Date.now() + 60_000;
          while ((await keptViews(views)) === 0 && Date.now() < deadline) {
            await new Promise((resolve) => setTimeout(resolve, 100));
          }
        }
        return {
          ms: probe.painted - pressed,
          facts: {
            answerMs: probe.arrived - pressed,
            pageMs: probe.painted - probe.arrived,
            bridgeMb: probe.bytes / 1048576,
            transactionsTab: transactions === 'true' ? 1 : 0,
            keptView: kept && keptForThisFile ? 1 : 0,
            ...(peak === null ? {} : { rendererPeakMb: peak }),
          },
        };
      };
    },
    async dispose() {
      await env?.close();
    },
  };
}

export const openRowsStep = openRowsStepOf('open-rows', true);
export const openRowsFirstStep = openRowsStepOf('open-rows-first', false);
