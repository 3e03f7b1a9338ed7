// The misbehaving servers of issue 14 as the underwriter meets them in the app: the
// sandbox's fault sessions through the Sandbox profile, each answered by one line that
// names what went wrong and never shows the credentials the server echoed back.
import { SANDBOX_CREDENTIALS } from '../../src/core/profiles/profile-store';
import { expect, test } from './support/fixtures';
import { openSession } from './support/journey';

test('a 403 that echoes the request headers, bodies too large to read, a redirect: one line each, no secret', async ({
  app,
}) => {
  const { page } = app;
  await app.open();
  const secrets = Object.values(SANDBOX_CREDENTIALS);

  await openSession(page, 'fault-echo-403');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('ACCESS_DENIED');
  for (const secret of secrets) {
    await expect(page.locator('body')).not.toContainText(secret);
    for (const x of app.host.exchanges) expect(x.response).not.toContain(secret);
  }
  await app.screenshot('hostile-01-echo-403');

  // 8 GiB announced: refused from the header, before any of it is read.
  await openSession(page, 'fault-huge');
  await expect(alert).toContainText('TOO_LARGE');
  await expect(alert).toContainText('more than the largest session this app opens');
  await app.screenshot('hostile-02-huge');

  // A body that never ends: read up to the ceiling, then refused the same way.
  await openSession(page, 'fault-endless');
  await expect(alert).toContainText('TOO_LARGE', { timeout: 90_000 });
  await expect(alert).toContainText('more than the largest session this app opens');
  await app.screenshot('hostile-03-endless');

  // A gateway that redirects to a sign-in page: said with where it pointed, not followed.
  await openSession(page, 'fault-redirect');
  await expect(alert).toContainText('REDIRECTED');
  await expect(alert).toContainText('https://login.example/sso');
  await expect(alert).toContainText('not followed');
  await app.screenshot('hostile-04-redirect');
  for (const secret of secrets) await expect(page.locator('body')).not.toContainText(secret);
});
