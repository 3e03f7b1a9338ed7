// Two desktops and one team server, in Chromium through the test bridge: two app instances
// (two test hosts, each with its own user-data folder and library, as two people's
// machines) against a throwaway PostgreSQL cluster with TLS. Each sets up its team profile
// on the Team screen, publishes a saved case, finds the other's in the Library's search and
// in "seen elsewhere" (whose case, which branch); the underwriter submits a recommendation
// with a FOIR over the team's limit, the second desktop signs in as the approver, is refused
// a decision before the deviation is approved, approves it and decides; the audit chain
// verifies. Skipped, saying why, without PostgreSQL 15+.
import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { appLibraryDir } from '../../src/core/library/paths';
import { Library } from '../../src/core/library/store';
import { caseHistory, verifyChain } from '../../src/core/team/audit';
import { AUDIT_QUEUE_DIR, queueExportRow } from '../../src/core/team/audit-queue';
import { BRIDGE_EVENTS } from '../../src/shared/ipc/api';
import { caseInput, SHARING } from '../unit/catalogue/helpers';
import { saveInput } from '../unit/library/helpers';
import {
  startTeamCluster,
  teamClusterUnavailable,
  type TeamCluster,
} from '../integration/support/team-cluster';
import { connectAs, setUpRetailTeam, type Login } from '../integration/support/team-logins';
import { foirCaseInput } from '../integration/support/foir-case';
import { expectNoAxeViolations } from './support/axe';
import { bridgeInitScript } from './support/bridge-client';
import { panel } from './report-steps';
import { expect, test } from './support/fixtures';
import { startTestHost, type TestHost } from './support/host';

const MEMO_DIR = join(__dirname, '../../test-results/memo');

const unavailable = teamClusterUnavailable();

/** A second desktop: its own host (user data, library, vault) and its own browser context. */
async function secondDesktop(browser: Browser): Promise<{ page: Page; host: TestHost }> {
  const host = await startTestHost();
  const context = await browser.newContext();
  const page = await context.newPage();
  // Its memo prints as the first desktop's does (the fixture's printer: Chromium's page.pdf).
  host.setPrinter(({ pageSize, ...options }) => page.pdf({ ...options, format: pageSize }));
  await page.addInitScript(bridgeInitScript({ events: BRIDGE_EVENTS, dropFolder: host.dropDir }));
  return { page, host };
}

/** The Team screen's fields for `login` on the cluster (not saved yet). */
async function fillProfile(page: Page, cluster: TeamCluster, login: Login): Promise<void> {
  await page.getByRole('button', { name: 'Team', exact: true }).click();
  const form = page.getByRole('form', { name: 'Team profile' });
  await form.getByLabel('Server host').fill(cluster.host);
  await form.getByLabel('Server port').fill(String(cluster.port));
  await form.getByLabel('Database').fill(cluster.database);
  await form.getByLabel('Your login').fill(login.user);
  await form.getByLabel('Password').fill(login.password);
}

/** The Team screen filled in and tested; with `host`, the CA file is chosen in main's dialog. */
async function setUpProfile(
  page: Page,
  cluster: TeamCluster,
  login: Login,
  host?: TestHost,
): Promise<void> {
  await fillProfile(page, cluster, login);
  const form = page.getByRole('form', { name: 'Team profile' });
  if (host) {
    host.setOpenFiles([cluster.caFile]);
    await form.getByRole('button', { name: 'Choose… CA file' }).click();
    await expect(form.getByLabel(/^CA file/)).toHaveValue(cluster.caFile);
  } else await form.getByLabel(/^CA file/).fill(cluster.caFile);
  await form.getByRole('button', { name: /Set up team|Save team profile/ }).click();
  await expect(page.getByTestId('team-link')).toContainText('Not connected yet');
  await form.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByTestId('team-link')).toContainText(
    `Connected to ${cluster.host}:${cluster.port}/${cluster.database} as ${login.user}`,
  );
}

async function search(page: Page, text: string): Promise<void> {
  const form = page.getByRole('search', { name: 'Search every saved case' });
  await form.getByLabel(/Counterparty, UPI handle/).fill(text);
  await form.getByRole('button', { name: 'Search' }).click();
}

test.describe('the team library on two desktops', () => {
  test.skip(unavailable !== null, `team library tests skipped: ${unavailable}`);
  let cluster: TeamCluster;
  let who: Record<'alice' | 'bob' | 'ravi' | 'adm', Login>;

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    cluster = await startTeamCluster();
    who = await setUpRetailTeam(cluster);
  });
  test.afterAll(async () => cluster?.stop());

  test('a read replica named on the Team screen: Test connection tries it and says which failed', async ({
    app,
  }) => {
    test.setTimeout(180_000);
    const page = app.page;
    await app.open();
    await fillProfile(page, cluster, who.bob);
    const form = page.getByRole('form', { name: 'Team profile' });
    await form.getByLabel(/^CA file/).fill(cluster.caFile);
    // A port that is none: refused at its field, which says why to a screen reader too.
    await form.getByLabel('Server port').fill('0');
    await form.getByRole('button', { name: 'Set up team' }).click();
    await expect(form.getByLabel('Server port')).toHaveAttribute('aria-invalid', 'true');
    await expect(form.getByLabel('Server port')).toHaveAccessibleDescription(
      'Enter a port from 1 to 65535',
    );
    await app.screenshot('team-profile-port-refused');
    await form.getByLabel('Server port').fill(String(cluster.port));
    await form.getByText('Read replica for search').click();
    // The primary's own host and port: refused at the field, in main.
    await form.getByLabel('Read replica host').fill(cluster.host);
    await form.getByLabel('Read replica port').fill(String(cluster.port));
    await form.getByRole('button', { name: 'Set up team' }).click();
    await expect(form.getByLabel('Read replica host')).toHaveAttribute('aria-invalid', 'true');
    await expect(form.getByLabel('Read replica host')).toHaveAccessibleDescription(
      'This is the primary server itself: leave it empty to read from the primary',
    );
    await expect(form.getByLabel('Server port')).not.toHaveAttribute('aria-invalid', 'true');

    // A replica nothing answers on (port 1): signed in on the primary, the replica's own line.
    await form.getByLabel('Read replica port').fill('1');
    await form.getByRole('button', { name: 'Set up team' }).click();
    await form.getByRole('button', { name: 'Test connection' }).click();
    await expect(page.getByTestId('team-link')).toContainText(
      `Connected to ${cluster.host}:${cluster.port}/${cluster.database} as bob`,
    );
    await expect(page.getByTestId('team-replica')).toHaveText(
      `Read replica not connected — The team server 127.0.0.1:1/${cluster.database} cannot be reached (ECONNREFUSED): check the host, the port and the network`,
    );
    await page.getByTestId('team-replica').scrollIntoViewIfNeeded();
    await expectNoAxeViolations(page, 'Team profile with a read replica not reached');

    // The hot standby: reached.
    const standby = await cluster.startStandby();
    await form.getByLabel('Read replica port').fill(String(standby.port));
    await form.getByRole('button', { name: 'Save team profile' }).click();
    await form.getByRole('button', { name: 'Test connection' }).click();
    await expect(page.getByTestId('team-replica')).toHaveText(
      `Read replica connected: Search and “seen elsewhere” read from the read replica 127.0.0.1:${standby.port}; everything else goes to ${cluster.host}:${cluster.port}.`,
    );
    await page.getByTestId('team-replica').scrollIntoViewIfNeeded();
    await expectNoAxeViolations(page, 'Team profile with a read replica');
    // Stored as the screen saved it (the screen reads it back after a reload).
    await page.reload();
    await page.locator('[data-app-ready]').waitFor();
    await page.getByRole('button', { name: 'Team', exact: true }).click();
    await expect(form.getByLabel('Read replica port')).toHaveValue(String(standby.port));
    await expect(form.getByLabel('Read replica host')).toHaveValue('127.0.0.1');
  });

  test('an export made while the server is out of reach: written, its audit row queued, sent on the next sign-in', async ({
    app,
  }) => {
    test.setTimeout(180_000);
    const page = app.page;
    await new Library({ dir: appLibraryDir(app.userDataDir), appVersion: 'test' }).save(
      saveInput('case-q'),
    );
    await app.open();
    await setUpProfile(page, cluster, who.bob);
    const form = page.getByRole('form', { name: 'Team profile' });
    await page.getByRole('button', { name: 'Library', exact: true }).click();
    await page.getByRole('button', { name: 'Publish to team case-q' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Published case-q' })).toBeVisible();

    // Port 1: nothing listens there.
    await page.getByRole('button', { name: 'Team', exact: true }).click();
    await form.getByLabel('Server port').fill('1');
    await form.getByRole('button', { name: 'Save team profile' }).click();
    await page.getByRole('button', { name: 'Library', exact: true }).click();
    await page
      .locator('tr[data-session="case-q"]')
      .getByRole('button', { name: 'Export…' })
      .click();
    const notice = page.getByRole('status').filter({ hasText: 'Exported to' });
    // The file is the latest snapshot's, named by it.
    await expect(notice).toContainText(`Exported to ${join(app.host.exportDir, 'case-q-')}`);
    await expect(notice).toContainText(
      `.bcsession. Its audit row is queued, to be sent to the team's audit trail on the next sign-in (The team server ${cluster.host}:1/${cluster.database} cannot be reached (ECONNREFUSED): check the host, the port and the network)`,
    );
    await expectNoAxeViolations(page, 'Library export with its audit row queued');

    // Back: the sign-in sends it; the Team screen says so once the sync is done.
    await page.getByRole('button', { name: 'Team', exact: true }).click();
    await form.getByLabel('Server port').fill(String(cluster.port));
    await form.getByRole('button', { name: 'Save team profile' }).click();
    await form.getByRole('button', { name: 'Test connection' }).click();
    await expect(page.getByTestId('team-sync')).toContainText(
      '1 audit row of exports made without the server sent to the audit trail.',
    );
    await page.getByTestId('team-sync').scrollIntoViewIfNeeded();
    await expectNoAxeViolations(page, 'Team screen after a queued export audit row was sent');

    const auditor = await connectAs(cluster, who.adm);
    try {
      const exports = (await caseHistory(auditor, 'case-q')).filter((r) => r.action === 'export');
      expect(exports.map((r) => [r.actor, JSON.parse(r.detail).file])).toEqual([
        ['bob', expect.stringMatching(/^case-q-.+\.bcsession$/)],
      ]);
      expect((await verifyChain(auditor)).broken).toBeNull();
    } finally {
      await auditor.close();
    }
  });

  test('publish, search each other, seen elsewhere, submit and approve', async ({
    app,
    browser,
  }) => {
    test.setTimeout(360_000);
    // Desktop A is alice's; desktop B is bob's (and later ravi signs in on it).
    const aliceLibrary = new Library({ dir: appLibraryDir(app.userDataDir), appVersion: 'test' });
    await aliceLibrary.save(saveInput('case-a'));
    // case-f: FOIR 62.5% by hand (support/foir-case.ts), over the team's limit of 50.
    await aliceLibrary.save(foirCaseInput());
    const b = await secondDesktop(browser);
    try {
      await new Library({ dir: appLibraryDir(b.host.userDataDir), appVersion: 'test' }).save(
        caseInput('case-b', { firstAccountNumber: '60124003651', transactions: SHARING }),
      );
      const a = app.page;
      await app.open();
      await setUpProfile(a, cluster, who.alice, app.host);
      await expectNoAxeViolations(a, 'Team profile');
      // The secret never went back to the page.
      for (const x of app.host.exchanges) expect(x.response).not.toContain(who.alice.password);

      await b.page.goto(b.host.url);
      await b.page.locator('[data-app-ready]').waitFor();
      await setUpProfile(b.page, cluster, who.bob);

      // Each publishes a saved case from the Library.
      for (const [page, id] of [
        [a, 'case-a'],
        [a, 'case-f'],
        [b.page, 'case-b'],
      ] as const) {
        await page.getByRole('button', { name: 'Library', exact: true }).click();
        await page.getByRole('button', { name: `Publish to team ${id}` }).click();
        await expect(page.getByRole('status').filter({ hasText: `Published ${id}` })).toBeVisible();
        await expect(page.locator(`tr[data-session="${id}"]`).getByTestId('team-mark')).toHaveText(
          `Team: ${id === 'case-b' ? 'bob' : 'alice'}'s case · team retail-1 · Pune`,
        );
      }
      await b.page.getByRole('button', { name: 'Refresh team cases' }).click();
      const teamCases = b.page.getByRole('table', { name: 'Team cases' });
      await expect(teamCases.locator('tr[data-team-case="case-a"]')).toContainText(
        /case-a.*alice.*retail-1.*Pune.*Open/,
      );
      await expect(teamCases.locator('tr[data-team-case="case-b"]')).toContainText('bob');

      // Bob's search finds alice's case in the team's book (SHARING's UPI handle).
      await search(b.page, '9160751095@ybl');
      const teamResults = b.page.getByLabel('Team search results');
      await expect(
        teamResults
          .getByRole('region', { name: 'Team matches in case-a' })
          .getByTestId('result-whose'),
      ).toHaveText("alice's case · team retail-1 · Pune");
      await expectNoAxeViolations(b.page, 'Library with team cases and team search');

      // Alice's search finds bob's case.
      await search(a, 'LEELA SANKAR');
      await expect(
        a
          .getByLabel('Team search results')
          .getByRole('region', { name: 'Team matches in case-b' })
          .getByTestId('result-whose'),
      ).toHaveText("bob's case · team retail-1 · Pune");

      // Bob opens his own case: "seen elsewhere" names alice's case, from the team's book only.
      await b.page
        .locator('tr[data-session="case-b"]')
        .getByRole('button', { name: 'Open', exact: true })
        .click();
      const seen = b.page.getByRole('region', { name: 'Seen in other saved cases' });
      await expect(seen).toBeVisible({ timeout: 30_000 });
      await seen.locator('summary').click();
      await expect(seen.getByTestId('seen-whose').first()).toHaveText('(alice, Pune)');
      await expect(b.page.getByTestId('team-case')).toContainText(
        "Team case bob's case · team retail-1 · Pune",
      );

      // Alice opens case-f and submits: its own FOIR, 62.5 (not typed), over the team's 50
      // raises a deviation.
      await a.getByRole('button', { name: 'Library', exact: true }).click();
      await a
        .locator('tr[data-session="case-f"]')
        .getByRole('button', { name: 'Open', exact: true })
        .click();
      const bar = a.getByTestId('team-case');
      await expect(bar.getByTestId('team-case-state')).toHaveText(
        'Open: alice has not submitted a recommendation yet',
      );
      const submitForm = bar.getByRole('form', { name: 'Submit a recommendation' });
      await submitForm
        .getByLabel('Reason')
        .selectOption({ label: 'Income verified / Salary credits' });
      const foir = submitForm.getByTestId('team-figure-foir_pct');
      await expect(foir).toHaveValue('62.5');
      await expect(foir).toHaveAttribute('readonly', '');
      await expect(submitForm).toContainText(
        'Summary: FOIR, whole session, policy “Default policy”',
      );
      await a.screenshot({ path: test.info().outputPath('team-submit-figures.png') });
      await submitForm.getByLabel('Note').fill('Salary credits regular for six years');
      await submitForm.getByRole('button', { name: 'Submit recommendation' }).click();
      await expect(bar.getByTestId('team-case-state')).toHaveText(
        'Submitted by alice (approve: Income verified / Salary credits), locked for them; awaiting an approver: 1 deviation to approve first',
      );
      await expect(bar.getByRole('list', { name: /Deviations/ })).toContainText(
        'FOIR %: 62.5 over the limit of 50 — not approved yet',
      );
      await expectNoAxeViolations(a, 'Team case submitted');

      // Ravi, the approver, signs in on desktop B and brings the case in.
      await setUpProfile(b.page, cluster, who.ravi);
      await b.page.getByRole('button', { name: 'Library', exact: true }).click();
      await b.page.getByRole('button', { name: 'Open team case case-f' }).click();
      const rbar = b.page.getByTestId('team-case');
      await expect(rbar.getByTestId('team-case-state')).toContainText('Submitted by alice');
      // Deciding before the deviation is approved: the server refuses, in one line.
      const decideForm = rbar.getByRole('form', { name: 'Decide the case' });
      await decideForm.getByLabel('Reason').fill('Income verified by the branch');
      await decideForm.getByRole('button', { name: 'Decide' }).click();
      await expect(rbar.getByTestId('team-case-error')).toContainText('Refused by the team server');
      await rbar.getByLabel('Reason to approve FOIR %').fill('Stable salary for six years');
      await rbar.getByRole('button', { name: 'Approve deviation' }).click();
      await expect(rbar.getByRole('list', { name: /Deviations/ })).toContainText(
        'approved by ravi: Stable salary for six years',
      );
      await decideForm.getByRole('button', { name: 'Decide' }).click();
      await expect(rbar.getByTestId('team-case-state')).toHaveText(
        'Decided: approve by ravi — Income verified by the branch',
      );
      await expect(rbar.getByTestId('team-case-error')).toHaveCount(0);
      await expectNoAxeViolations(b.page, 'Team case decided');

      // The credit memo carries the decision chain as its own section (read back as text,
      // and kept as PNGs to be looked at).
      const summary = panel(b.page).getByTestId('summary');
      await summary.getByRole('button', { name: 'Save credit memo (PDF)' }).click();
      await expect(summary.getByRole('status')).toContainText('Summary saved to', {
        timeout: 60_000,
      });
      const pdf = join(b.host.exportDir, 'case-f-credit-memo.pdf');
      await mkdir(MEMO_DIR, { recursive: true });
      await copyFile(pdf, join(MEMO_DIR, 'team-memo-case-f.pdf'));
      execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(MEMO_DIR, 'team-memo-case-f')]);
      const memoText = execFileSync('pdftotext', ['-layout', pdf, '-'])
        .toString()
        .replace(/\s+/g, ' ');
      expect(memoText).toContain('The decision chain');
      expect(memoText).toMatch(/Team case, decided, as the team server held it on /);
      // Words a table cell keeps on one line (pdftotext lays the columns out side by side).
      for (const words of [
        'Recommendation alice',
        'Deviation ravi (approver)',
        'Deviation approved',
        'Stable salary for six years',
        'FOIR % 62.5, over the limit',
        'Decision ravi (approver)',
      ]) {
        expect(memoText).toContain(words);
      }
    } finally {
      await b.page.context().close();
      await b.host.close();
    }

    const auditor = await connectAs(cluster, who.adm);
    try {
      expect((await verifyChain(auditor)).broken).toBeNull();
      const actions = (await caseHistory(auditor, 'case-f')).map((r) => `${r.actor} ${r.action}`);
      expect(actions).toEqual(
        expect.arrayContaining([
          'alice publish',
          'ravi open',
          'alice submission',
          'ravi deviation',
          'ravi decision',
        ]),
      );
    } finally {
      await auditor.close();
    }
  });
  test('a queued audit row the server refuses: listed on the Team screen with why, set aside by its login with a reason, never sent again', async ({
    app,
  }) => {
    test.setTimeout(180_000);
    const page = app.page;
    const libraryDir = appLibraryDir(app.userDataDir);
    const server = `${cluster.host}:${cluster.port}/${cluster.database}`;
    // Two rows queued while the server was away: bob's, whose file name holds a NUL (the
    // server's JSON refuses it: a damaged entry), and one alice made on this desktop.
    const damaged = await queueExportRow(libraryDir, {
      login: 'bob',
      server,
      sessionId: 'case-h',
      detail: { kind: 'workbook', file: 'case-h\u0000.xlsx', snapshotId: null, program: 'app' },
      exportedAt: new Date('2026-12-04T06:15:00Z'),
    });
    await queueExportRow(libraryDir, {
      login: 'alice',
      server,
      sessionId: 'case-h',
      detail: { kind: 'memo', file: 'case-h-credit-memo.pdf', snapshotId: null, program: 'app' },
      exportedAt: new Date('2026-12-04T07:40:00Z'),
    });
    const entryBytes = await readFile(join(libraryDir, AUDIT_QUEUE_DIR, damaged));

    await app.open();
    // The sign-in's sync tries bob's row: refused, so it is held and offered.
    await setUpProfile(page, cluster, who.bob);
    const held = page.getByRole('table', { name: 'Held export audit rows' });
    const bobsRow = held.locator('tr', { hasText: 'case-h\u0000.xlsx' }).first();
    await expect(bobsRow).toContainText('Refused by the team server');
    await expect(bobsRow).toContainText('unsupported Unicode escape sequence');
    await expect(bobsRow).toContainText('04 Dec 2026');
    await expect(page.getByTestId('team-sync')).toContainText(
      'case-h: export audit row held (listed below): Refused by the team server: unsupported Unicode escape sequence',
    );
    const alicesRow = held.locator('tr', { hasText: 'case-h-credit-memo.pdf' });
    await expect(alicesRow).toContainText('Waiting for alice');
    await expect(alicesRow.getByRole('button')).toHaveCount(0);
    await page.getByTestId('team-queue').scrollIntoViewIfNeeded();
    await expectNoAxeViolations(page, 'Team screen with held export audit rows');
    await app.screenshot('team-queue-01-held');

    // A reason of blanks is refused in main, at the field; then set aside with a real one.
    await bobsRow.getByRole('button', { name: /^Set aside the audit row of Workbook/ }).click();
    const form = page.getByRole('form', { name: /^Set aside the audit row of Workbook/ });
    await form.getByLabel('Why you set it aside').fill('   ');
    await form.getByRole('button', { name: 'Set aside', exact: true }).click();
    await expect(form.getByRole('alert')).toHaveText('Give the reason the row is set aside');
    await expectNoAxeViolations(page, 'Set aside form with its reason refused');
    await app.screenshot('team-queue-02-reason');
    const reason = 'Workbook name damaged on this desktop; export noted in the credit file';
    await form.getByLabel('Why you set it aside').fill(reason);
    await form.getByRole('button', { name: 'Set aside', exact: true }).click();
    await expect(page.getByTestId('team-queue-kept')).toContainText(
      `Set aside: the row is no longer sent; it is kept with your reason in ${join(libraryDir, AUDIT_QUEUE_DIR, 'set-aside')}`,
    );
    await expect(held.locator('tr', { hasText: 'case-h\u0000.xlsx' })).toHaveCount(0);
    await expect(alicesRow).toBeVisible();
    await expectNoAxeViolations(page, 'Team screen after a row was set aside');
    await app.screenshot('team-queue-03-set-aside');

    // Kept whole, with who, when and why; Sync now no longer names it.
    const keptDir = join(libraryDir, AUDIT_QUEUE_DIR, 'set-aside');
    const [keptName] = await readdir(keptDir);
    const kept = JSON.parse(await readFile(join(keptDir, keptName!), 'utf8'));
    expect(kept).toMatchObject({ setAsideBy: 'bob', reason, entryFile: damaged });
    expect(Buffer.from(kept.entryBase64, 'base64').equals(entryBytes)).toBe(true);
    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect(page.getByTestId('team-sync')).toContainText(
      '1 audit row of exports still queued.',
    );
    await expect(page.getByTestId('team-sync')).not.toContainText('not synced');
  });
});
