// Compare two snapshots in the Library screen, in Chromium: demo-retail saved twice (two
// fetch files imported, the second after a corrected upload: one transaction gone, one
// new, one narration corrected, a statement and a month more, a new fraud item), the two
// latest compared by default, the counts and lists checked against the change made.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtInSession } from '../../src/sandbox/sessions';
import { expectNoAxeViolations } from './support/axe';
import { expect, test } from './support/fixtures';

type Account = {
  account_details: { statements: string[]; months: string[] }[];
  transactions: Record<string, unknown>[];
  fraud: { fraud_type: Record<string, unknown>[] };
};

test('Library: compare the two latest snapshots of a session', async ({ app }) => {
  const { page, host } = app;
  const found = builtInSession('demo-retail');
  if (found?.kind !== 'data') throw new Error('no demo-retail');
  const first = found.session.subscribed;
  const second = structuredClone(first) as unknown as { accounts: Record<string, Account> };
  const [accountId, account] = Object.entries(second.accounts)[0]!;
  const txns = account.transactions;
  txns.splice(3, 1);
  txns[7] = { ...txns[7], transaction_note: 'CORRECTED NARRATION' };
  txns.push({ ...txns[0], hash: 'added-in-the-correction', amount: 4321.5 });
  account.account_details[0]!.statements.push('statement-added-later');
  account.account_details[0]!.months.push('2024-10');
  account.fraud.fraud_type.push({
    statement_id: null,
    account_id: accountId,
    fraud_type: 'negative_balance',
    fraud_category: 'transaction',
    transaction_hash: null,
  });
  const dir = await mkdtemp(join(tmpdir(), 'bcv-diff-'));
  const file = (name: string, fetchedAt: string, data: unknown) => {
    const path = join(dir, name);
    return writeFile(
      path,
      JSON.stringify({ session_id: 'demo-retail', fetched_at: fetchedAt, subscribed_data: data }),
    ).then(() => path);
  };
  const paths = [
    await file('before.json', '2026-11-02T09:00:00.000Z', first),
    await file('after.json', '2026-11-20T09:00:00.000Z', second),
  ];

  await app.open();
  await page.getByRole('button', { name: 'Library', exact: true }).click();
  host.setOpenFiles(paths);
  await page.getByRole('button', { name: 'Import…' }).click();
  const row = page.locator('tr[data-session="demo-retail"]');
  await expect(row).toContainText('2');
  await row.getByRole('button', { name: 'Compare…' }).click();

  const compare = page.getByRole('region', { name: 'Compare snapshots of demo-retail' });
  const counts = compare.getByRole('list', { name: 'What changed' });
  await expect(counts.locator('[data-count="added"]')).toHaveText('1 transaction added');
  await expect(counts.locator('[data-count="removed"]')).toHaveText('1 removed');
  await expect(counts.locator('[data-count="changed"]')).toHaveText('1 changed');
  await expect(counts.locator('[data-count="statements"]')).toHaveText('1 statement added');
  await expect(counts.locator('[data-count="months"]')).toHaveText('1 month added');
  await expect(counts.locator('[data-count="fraud-appeared"]')).toHaveText('1 fraud item appeared');
  await expect(compare.getByRole('table', { name: 'Transactions added' })).toContainText(
    '₹4,321.50',
  );
  await expect(compare.getByRole('table', { name: 'Transactions changed' })).toContainText(
    'CORRECTED NARRATION',
  );
  await expect(compare.getByRole('list', { name: 'Months' })).toContainText('Added: ');
  await expect(compare.getByRole('list', { name: 'Fraud items' })).toContainText(
    'Appeared: negative_balance',
  );
  const figures = compare.getByRole('table', { name: 'Figures that moved' });
  await expect(figures.getByRole('row', { name: /Credits \(₹\)/ })).toContainText('+₹4,321.50');
  await expect(figures.getByRole('row', { name: /Credits \(count\)/ })).toContainText('+1');
  // The defaults are the two latest, older first.
  await expect(compare.getByLabel('From (older)')).toHaveValue(/.+/);
  const call = host.exchanges.filter((x) => x.channel === 'library:diff').at(-1)!;
  expect(call.args).toEqual({
    sessionId: 'demo-retail',
    from: expect.any(String),
    to: expect.any(String),
  });
  await expectNoAxeViolations(page, 'Library with the snapshot comparison');
  await app.screenshot('snapshot-diff-01-compared');

  // The same snapshot on both sides: nothing differs.
  const to = await compare.getByLabel('To (newer)').inputValue();
  await compare.getByLabel('From (older)').selectOption(to);
  await expect(compare).toContainText('No differences between these two snapshots.');
  await compare.getByRole('button', { name: 'Close' }).click();
  await expect(compare).toHaveCount(0);
});
