// A .bcsession the OS opens the app with (double-click, Open with): main imports it into
// the library and the renderer opens it offline; a bad file gets the Library screen's
// one-line refusal. Through the test bridge, with the shell's own opener.
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { saveInput, tempLibrary } from '../unit/library/helpers';
import { expect, test } from './support/fixtures';

test('a double-clicked .bcsession opens offline; a bad one is refused in one line', async ({
  app,
}) => {
  const { page } = app;
  const dir = await mkdtemp(join(tmpdir(), 'bcv-open-file-'));
  try {
    const saved = await (await tempLibrary()).save(saveInput('opened-by-os'));
    const good = join(dir, 'From a colleague.bcsession');
    await copyFile(saved.file, good);
    const bad = join(dir, 'broken.bcsession');
    await writeFile(bad, 'not gzip');
    await app.open();

    await app.host.openSessionFiles([good]);
    const banner = page.getByRole('note', { name: 'Saved session' });
    await expect(banner).toContainText('Offline');
    await expect(page.getByText('opened-by-os').first()).toBeVisible();
    await app.screenshot('open-file-offline');
    // It joined the library.
    const listing = await app.host.handlers.handle('library:list', {}, { emit: () => {} });
    expect(JSON.stringify(listing)).toContain('opened-by-os');

    await app.host.openSessionFiles([bad]);
    await expect(page.getByRole('list', { name: 'Import problems' })).toHaveText(
      /^broken\.bcsession: not a \.bcsession file[^\n]*$/,
    );
    await expect(
      page.getByRole('status').filter({ hasText: 'could not be imported' }),
    ).toContainText('1 could not be imported');
    await app.screenshot('open-file-refused');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
