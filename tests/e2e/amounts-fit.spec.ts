// Any amount the data can hold lays out: demo-retail with one credit of
// ₹99,99,99,99,99,999.99 and a balance of -₹99,99,99,99,99,999.99, opened from a file.
// On every tab no amount overlaps other text or is clipped by its box (a region that
// scrolls is fine: the reader scrolls it), and the table marks the amount as implausible.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtInSession } from '../../src/sandbox/sessions';
import { expect, test } from './support/fixtures';
import { EVERY_SCREEN, openFromFile, selectEntry, selectTab } from './report-steps';

const HUGE = 9_999_999_999_999.99;

async function hugeSessionFile(): Promise<{ file: string; sessionId: string }> {
  const made = builtInSession('demo-retail');
  if (made?.kind !== 'data') throw new Error('demo-retail is not a data session');
  const data = structuredClone(made.session.subscribed) as unknown as {
    session_id: string;
    accounts: Record<string, { transactions: Record<string, unknown>[] }>;
  };
  data.session_id = 'demo-huge';
  const account = Object.values(data.accounts)[0]!;
  const credit = account.transactions.find((t) => t['transaction_type'] === 'credit')!;
  credit['amount'] = HUGE;
  credit['balance'] = -HUGE;
  const dir = await mkdtemp(join(tmpdir(), 'bcv-huge-'));
  const file = join(dir, 'demo-huge.json');
  await writeFile(file, JSON.stringify(data));
  return { file, sessionId: 'demo-huge' };
}

/** Amount texts that overlap another text, or are cut by a box that does not scroll. */
const FIND_BROKEN = `(() => {
  const amount = /-?₹?\\d{1,3}(,\\d{2,3})+\\.\\d\\d/;
  const report = document.querySelector('[aria-label="Report"]');
  const texts = [];
  const walker = document.createTreeWalker(report, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!n.textContent || !n.textContent.trim()) continue;
    const range = document.createRange();
    range.selectNodeContents(n);
    const whole = range.getBoundingClientRect();
    if (whole.width === 0 || whole.height === 0) continue;
    // What shows: the text clipped by the boxes that hide their overflow (an ellipsis cell).
    let left = whole.left, right = whole.right, top = whole.top, bottom = whole.bottom;
    for (let el = n.parentElement; el && el !== report; el = el.parentElement) {
      const style = getComputedStyle(el);
      if (style.overflowX !== 'visible' || style.overflowY !== 'visible') {
        const box = el.getBoundingClientRect();
        left = Math.max(left, box.left); right = Math.min(right, box.right);
        top = Math.max(top, box.top); bottom = Math.min(bottom, box.bottom);
      }
    }
    if (right - left <= 0 || bottom - top <= 0) continue;
    texts.push({ node: n, r: whole, v: { left, right, top, bottom }, isAmount: amount.test(n.textContent) });
  }
  const broken = [];
  for (const a of texts) {
    if (!a.isAmount) continue;
    // Cut by an ancestor that hides what overflows (not one that scrolls).
    for (let el = a.node.parentElement; el && el !== report; el = el.parentElement) {
      const style = getComputedStyle(el);
      if (style.overflowX === 'hidden' || style.overflowX === 'clip') {
        const box = el.getBoundingClientRect();
        if (a.r.right > box.right + 1 || a.r.left < box.left - 1) {
          broken.push('cut: ' + a.node.textContent.trim());
        }
        break;
      }
      if (style.overflowX === 'auto' || style.overflowX === 'scroll') break;
    }
    for (const b of texts) {
      if (b === a || b.node.parentElement === a.node.parentElement) continue;
      if (a.node.parentElement.contains(b.node) || b.node.parentElement.contains(a.node)) continue;
      const x = Math.min(a.v.right, b.v.right) - Math.max(a.v.left, b.v.left);
      const y = Math.min(a.v.bottom, b.v.bottom) - Math.max(a.v.top, b.v.top);
      if (x > 2 && y > 2) {
        broken.push('overlaps: ' + a.node.textContent.trim() + ' / ' + b.node.textContent.trim());
      }
    }
  }
  return [...new Set(broken)].slice(0, 20);
})()`;

test('₹99,99,99,99,99,999.99 and its negative fit every view, and are marked implausible', async ({
  app,
}) => {
  test.setTimeout(240_000);
  const { page } = app;
  await app.open();
  const { file, sessionId } = await hugeSessionFile();
  await openFromFile(app, file, sessionId);
  const problems: string[] = [];
  for (const entry of EVERY_SCREEN) {
    await selectEntry(page, entry);
    const label = entry.filter(Boolean).join(' > ');
    for (const p of await page.evaluate<string[]>(FIND_BROKEN)) problems.push(`${label}: ${p}`);
  }
  expect(problems).toEqual([]);

  await selectTab(page, 'Transactions');
  const table = page.getByRole('region', { name: /^Transactions table, scrollable$/ });
  await page.getByLabel('Min amount (₹)').fill('1000000000000');
  const cell = table.locator('td.implausible').first();
  await expect(cell).toHaveText('99,99,99,99,99,999.99');
  await expect(cell).toHaveAttribute('title', /implausible for this account/i);
  await app.screenshot('amounts-fit-transactions');
});
