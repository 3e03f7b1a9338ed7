import { expect, test } from './support/fixtures';

test('the app loads with the Sandbox profile active', async ({ app }) => {
  await app.open();
  await expect(app.page.getByText('Sandbox data')).toBeVisible();
  await expect(app.page.getByLabel('Session id')).toBeVisible();
  await app.screenshot('journey-01-start');
});
