// "FinBox's own report" in Chromium: the Sandbox profile on insights/, demo-retail fetched,
// the action on More API data saves the report through main (the bridge call names only
// the session handle and the account, never a URL), and an hour later the same link gets
// the one-line "expired" message.
import { readFileSync } from 'node:fs';
import type { SandboxStarter } from '../../src/core/deps';
import { startSandboxServer } from '../../src/sandbox/server';
import { expectNoAxeViolations } from './support/axe';
import { expect, test } from './support/fixtures';
import { openReport } from './support/journey';
import { FINBOX, selectView } from './report-steps';

let shift = 0;
const clockedSandbox: SandboxStarter = (credentials) =>
  startSandboxServer({ ...credentials, clock: () => new Date(Date.now() + shift) });

test.use({ hostOptions: { deps: { startSandbox: clockedSandbox } } });

test("FinBox's own report: saved within the hour, a clear line once the link expired", async ({
  app,
}) => {
  const { page, host } = app;
  shift = 0;
  await app.open();
  await page.getByRole('button', { name: 'Connection', exact: true }).click();
  await page.getByLabel('Data endpoint').selectOption('insights');
  await openReport(page, 'demo-retail');

  await selectView(page, FINBOX, 'More API data');
  const panel = page.getByRole('tabpanel', { name: 'More API data' });
  await panel.getByRole('button', { name: "FinBox's own report" }).click();
  const status = panel.getByRole('status').filter({ hasText: "FinBox's report" });
  await expect(status).toContainText(`FinBox's report saved to ${host.exportDir}/demo-retail-`);
  const path = (await status.innerText()).replace("FinBox's report saved to ", '').trim();
  expect(readFileSync(path).subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
  const call = host.exchanges.filter((x) => x.channel === 'report:finbox').at(-1)!;
  expect(JSON.stringify(call.args)).not.toMatch(/https?:|report\.xlsx/);
  await expectNoAxeViolations(page, "More API data with FinBox's own report");
  await app.screenshot('finbox-report-01-saved');

  // The sandbox's clock an hour on: the link in the response has expired.
  shift = 61 * 60 * 1000;
  await panel.getByRole('button', { name: "FinBox's own report" }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'expired' })).toHaveText(
    "FinBox's report link has expired (links last one hour); fetch the session again for a new one",
  );
  await app.screenshot('finbox-report-02-expired');
});
