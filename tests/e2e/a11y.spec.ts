// Accessibility on every screen, light and dark: axe-core finds nothing, each screen has
// one h1, and focus goes where the user is: the session field on the first screen, the
// report's heading after a session opens, back to the row after the detail panel closes.
import { expect, test } from './support/fixtures';
import { expectNoAxeViolations, expectOneH1 } from './support/axe';
import { openSession } from './support/journey';
import { EVERY_SCREEN, selectEntry, selectTab } from './report-steps';

test('every screen passes axe-core in light and dark, one h1 each, focus where the user is', async ({
  app,
}) => {
  // Two axe runs (light, dark) on each of a dozen screens: slow on a shared 2-core machine.
  test.setTimeout(480_000);
  const { page } = app;
  await app.open();
  await expect(page.getByLabel('Session id')).toBeFocused();
  await expectOneH1(page);
  await expectNoAxeViolations(page, 'first screen');

  await page.getByRole('button', { name: 'Connection', exact: true }).click();
  await expectOneH1(page);
  await expectNoAxeViolations(page, 'Connection');

  await page.getByRole('button', { name: 'Team', exact: true }).click();
  await expect(page.getByRole('form', { name: 'Team profile' })).toBeVisible();
  await expectOneH1(page);
  await expectNoAxeViolations(page, 'Team, none set up');

  await page.getByRole('button', { name: 'Library', exact: true }).click();
  await expectOneH1(page);
  await expectNoAxeViolations(page, 'Library');

  await openSession(page, 'demo-business');
  const heading = page.getByRole('heading', { level: 1, name: /demo-business/ });
  await expect(heading).toBeFocused({ timeout: 60_000 });
  await expectOneH1(page);
  await expectNoAxeViolations(page, 'Summary');
  // Every screen after the Summary: each section, each view of Analyses and FinBox's data.
  for (const entry of EVERY_SCREEN.slice(1)) {
    await selectEntry(page, entry);
    await expectOneH1(page);
    await expectNoAxeViolations(page, entry[1] ? `${entry[0]} ${entry[1]}` : entry[0]);
  }

  // The detail panel: Escape closes it and the row's date button has the focus again.
  await selectTab(page, 'Transactions');
  const first = page.getByRole('tabpanel').locator('tbody tr').first().getByRole('button').first();
  await first.click();
  const detail = page.getByRole('complementary', { name: /Transaction/ });
  await expect(detail).toBeVisible();
  await expectNoAxeViolations(page, 'Transactions with the detail panel');
  await page.keyboard.press('Escape');
  await expect(detail).toBeHidden();
  await expect(first).toBeFocused();
});
