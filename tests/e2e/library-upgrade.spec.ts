// The Library screen with a format-1 snapshot (saved by an earlier version): it opens as
// it is, is marked "format 1", and becomes format 2 only when Upgrade is pressed.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFormat1Snapshot } from '../unit/library/helpers';
import { expect, test } from './support/fixtures';

test('a format-1 snapshot is marked, opens unchanged and upgrades on request', async ({ app }) => {
  const { page, host } = app;
  const { file, bytes } = await writeFormat1Snapshot(join(host.userDataDir, 'library'), 'old-case');

  await app.open();
  await page.getByRole('button', { name: 'Library', exact: true }).click();
  const row = page.locator('tr[data-session="old-case"]');
  await expect(row).toContainText('R K ENTERPRISES');
  await row.getByRole('button', { name: '1 snapshot of old-case' }).click();
  const snapshot = page.locator('tr[data-snapshot="20261120T100000000Z-0a0b0c0d"]');
  await expect(snapshot).toContainText('format 1');
  await app.screenshot('library-format-1');
  expect(await readFile(file)).toEqual(bytes);

  await snapshot
    .getByRole('button', { name: 'Upgrade the format-1 snapshots of old-case to format 2' })
    .click();
  // The notice, not the listing's own "Reading the library…" line shown while it reloads.
  await expect(page.locator('p.notice[role="status"]')).toHaveText(
    'Upgraded 1 snapshot of old-case to format 2',
  );
  // The listing is reloaded with the snapshot still unfolded.
  await expect(snapshot).toBeVisible();
  await expect(snapshot).not.toContainText('format 1');
  await app.screenshot('library-format-1-upgraded');
  expect((await readFile(file)).subarray(0, 7).toString()).toBe('BCSESS2');
  await row.getByRole('button', { name: 'Open' }).click();
  await expect(page.getByText('R K ENTERPRISES').first()).toBeVisible();
});
