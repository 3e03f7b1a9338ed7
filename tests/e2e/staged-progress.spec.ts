// Long work shows where it is: opening a large session says the bytes received of the
// announced size, then checking, then preparing the report; Cancel stops it mid-download.
// The data answer is held after its first 2 MiB (a gate in the host's fetch) so the
// download stage is on screen for as long as the test looks at it.
import { expect, test } from './support/fixtures';
import { expectNoAxeViolations } from './support/axe';
import { openSession } from './support/journey';

const HOLD_AFTER = 2 << 20;
let release: () => void = () => undefined;
let held = new Promise<void>((resolve) => (release = resolve));

function rearm(): void {
  held = new Promise<void>((resolve) => (release = resolve));
}

/** Node's fetch, with a data answer's body paused after HOLD_AFTER bytes until released. */
const gatedFetch: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  if (!String(input).includes('/subscribed_data/') || !response.body) return response;
  const reader = response.body.getReader();
  const gate = held;
  const aborted = new Promise<void>((resolve) =>
    init?.signal?.addEventListener('abort', () => resolve()),
  );
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (sent >= HOLD_AFTER) await Promise.race([gate, aborted]);
      if (init?.signal?.aborted) {
        await reader.cancel();
        controller.error(new DOMException('The operation was aborted', 'AbortError'));
        return;
      }
      const { done, value } = await reader.read();
      if (done) return controller.close();
      sent += value.byteLength;
      controller.enqueue(value);
    },
    cancel: () => reader.cancel(),
  });
  return new Response(body, { status: response.status, headers: response.headers });
};

test.use({ hostOptions: { deps: { fetch: gatedFetch } } });

test('a large session: bytes of the announced size, then checking, then preparing; Cancel stops it', async ({
  app,
}) => {
  const { page } = app;
  await app.open();
  rearm();
  await openSession(page, 'demo-large-20000');
  const progress = page.getByRole('status', { name: 'Progress' });
  await expect(progress).toContainText(/Downloading the data: [\d.]+ MB of [\d.]+ MB/);
  const bar = progress.getByRole('progressbar', { name: 'Download progress' });
  await expect(bar).toBeVisible();
  const percent = Number(await bar.getAttribute('value'));
  expect(percent).toBeGreaterThan(0);
  expect(percent).toBeLessThan(100);
  await expect(progress).toContainText(`${percent}%`);
  await app.screenshot('progress-download-held');
  await expectNoAxeViolations(page, 'the download progress');

  await progress.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('Cancelled opening demo-large-20000.')).toBeVisible();
  expect(app.host.exchanges.map((x) => x.channel)).toContain('job:cancel');

  // Again, recording every line the progress box shows, and released this time.
  rearm();
  // Page code as text: this spec is type-checked without the DOM library.
  await page.evaluate(`(() => {
    const seen = (window.seenProgress = []);
    new MutationObserver(() => {
      const line = document.querySelector('[role="status"][aria-label="Progress"] > span:nth-child(2)');
      const text = line && line.textContent;
      if (text && text !== seen[seen.length - 1]) seen.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  })()`);
  await openSession(page, 'demo-large-20000');
  await expect(progress).toContainText(/Downloading the data: [\d.]+ MB of [\d.]+ MB/);
  release();
  await expect(page.getByRole('heading', { name: /Session demo-large-20000/ })).toBeVisible({
    timeout: 60_000,
  });
  const seen = await page.evaluate<string[]>('window.seenProgress');
  const stages = seen.map((line) =>
    line.replace(/^Opening demo-large-20000: /, '').replace(/:.*/, ''),
  );
  const order = stages.filter((s, i) => s !== stages[i - 1]);
  expect(order).toEqual(
    expect.arrayContaining(['Downloading the data', 'Checking the data', 'Preparing the report']),
  );
  expect(order.indexOf('Checking the data')).toBeGreaterThan(order.indexOf('Downloading the data'));
  expect(order.indexOf('Preparing the report')).toBeGreaterThan(order.indexOf('Checking the data'));
  // The byte counts rose to the whole announced size.
  const counts = seen.filter((l) => l.includes('Downloading the data: '));
  const last = counts.at(-1)!.match(/([\d.]+) MB of ([\d.]+) MB/)!;
  expect(last[1]).toBe(last[2]);
});
