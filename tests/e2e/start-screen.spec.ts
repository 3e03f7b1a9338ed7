// The first screen: the Sandbox profile's demo sessions (one click opens one), where to
// drop a file, and the cases opened lately with their holder and bank, light and dark.
import { expectNoAxeViolations } from './support/axe';
import { expect, test } from './support/fixtures';
import { openFromLibrary, saveReport } from './support/journey';

test('the start screen lists demo sessions, recent cases and where to drop a file', async ({
  app,
}) => {
  const { page } = app;
  await app.open();
  await expect(page.getByLabel('Session id')).toBeFocused();
  const recent = page.getByRole('region', { name: 'Recent cases' });
  await expect(recent).toContainText('No saved case opened yet');
  await expect(page.getByRole('region', { name: 'Open a file' })).toContainText('.bcsession');
  const demos = page.getByRole('region', { name: 'Demo sessions' });
  await expect(demos.getByRole('button')).toHaveText([
    'demo-business',
    'demo-retail',
    'demo-processing',
    'demo-failed',
    'demo-large-20000',
  ]);
  await expectNoAxeViolations(page, 'Start screen');

  // A demo opens with one click; saved and opened from the Library, it is a recent case.
  await demos.getByRole('button', { name: 'demo-retail' }).click();
  await saveReport(page);
  await openFromLibrary(page, 'demo-retail');
  await expect(page.getByRole('note', { name: 'Saved session' })).toBeVisible();

  await app.open();
  await expect(recent.getByRole('listitem')).toHaveCount(1);
  await expect(recent.getByRole('listitem')).toContainText('PRIYA VENKATESH');
  await expect(recent.getByRole('listitem')).toContainText('HDFC Bank');
  await expectNoAxeViolations(page, 'Start screen with a recent case');
  await recent.getByRole('button', { name: 'demo-retail' }).click();
  await expect(page.getByRole('note', { name: 'Saved session' })).toContainText('Offline');
});
