// Refusals read as one plain line where they belong: the profile form's at its field (never
// an IPC channel name as a page banner), a refused session id without the channel or the
// BAD_ARGUMENT code; the profile form has a Cancel.
import { expectNoAxeViolations } from './support/axe';
import { expect, test } from './support/fixtures';
import { openReport, openSession } from './support/journey';

const CHANNEL_NAMES = /\b(profiles|session|library|export|review):[a-z]+\b/;

test('the profile form shows a refusal at its field, and Cancel leaves it', async ({ app }) => {
  const { page } = app;
  await app.open();
  await page.getByRole('button', { name: 'Connection', exact: true }).click();
  await page.getByRole('button', { name: 'New profile' }).click();
  const form = page.getByRole('form', { name: 'Profile' });
  await form.getByLabel('Name').fill('Branch office');
  await form.getByLabel('Base URL').fill('ftp://files.example.in/bank-connect');
  await form.getByRole('button', { name: 'Create profile' }).click();

  const baseUrl = form.getByLabel('Base URL');
  await expect(baseUrl).toHaveAttribute('aria-invalid', 'true');
  await expect(baseUrl).toHaveAccessibleDescription('Enter an http(s) base URL');
  await expect(form.getByLabel('Name')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(await page.locator('body').innerText()).not.toMatch(CHANNEL_NAMES);
  await app.screenshot('profile-form-field-error');
  await expectNoAxeViolations(page, 'the profile form with a refused field');

  // Fixed at the field, the error goes; Cancel instead leaves the form unsaved.
  await form.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('form', { name: 'Profile' })).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Sandbox' })).toBeVisible();
  await expect(page.getByText('Enter an http(s) base URL')).toBeHidden();
  const listed = await app.host.handlers.handle('profiles:list', {}, { emit: () => undefined });
  expect(JSON.stringify(listed)).not.toContain('Branch office');
});

test('a refused session id reads as one plain line', async ({ app }) => {
  const { page } = app;
  await app.open();
  await openSession(page, 'a b<script>');
  const alert = page.getByRole('alert');
  await expect(alert).toHaveText(/^\s*Session id: .+$/);
  await expect(alert).not.toContainText('BAD_ARGUMENT');
  expect(await page.locator('body').innerText()).not.toMatch(CHANNEL_NAMES);
  await app.screenshot('session-id-refused');
});

test("the menu's Save and Export on a greyed report do nothing and say why", async ({ app }) => {
  const { page, host } = app;
  await app.open();
  await openReport(page, 'demo-retail');
  await openSession(page, 'no-such-session-42');
  await expect(page.getByTestId('stale-report')).toBeVisible();
  // The report is greyed while the fetch runs too: wait for the fetch to have failed.
  await expect(page.getByRole('alert')).toContainText('SESSION_NOT_FOUND');
  const before = host.exchanges.length;
  host.menu('save');
  const notice = page.getByTestId('session-notice');
  await expect(notice).toHaveText(
    'Save is not available: the report on screen is the previous one (the last fetch failed)',
  );
  host.menu('export');
  await expect(notice).toHaveText(
    'Export is not available: the report on screen is the previous one (the last fetch failed)',
  );
  await app.screenshot('stale-report-menu-refused');
  const asked = host.exchanges.slice(before).map((x) => x.channel);
  expect(asked).not.toContain('library:save');
  expect(asked).not.toContain('export:xlsx');
  await expectNoAxeViolations(page, 'a greyed report with the menu refusal');
});
