// open: a saved .bcsession (format 2, as the app saves it) to the ready view model, as
// `library:open` does it. `open`: a session opened before, its view kept for the file's
// bytes (read, SHA-256 of the file, the kept view checked and read back). `open-first`: a
// first open (read, SHA-256 of the stored block, zstd, JSON, validation, normalisation;
// the duplicate keys as the save recorded them). Both vs JSON.parse of the same
// uncompressed JSON text.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Library } from '../../src/core/library/store';
import { ViewCache } from '../../src/core/session/view-cache';
import { openInMain, readRawText } from '../lib/inputs';
import type { SizeData, Step, StepName } from '../lib/types';

/** JSON.parse of the uncompressed subscribed_data text (also open-rows' baseline). */
export function parseBaseline(data: SizeData) {
  return readRawText(data).then((text) => () => {
    const value = JSON.parse(text) as { accounts: object };
    return Promise.resolve({ facts: { accounts: Object.keys(value.accounts).length } });
  });
}

function openStepOf(name: StepName, again: boolean): Step {
  return {
    name,
    measured: again
      ? 'library:open of a session opened before: its kept view (file SHA-256, HMAC, zstd, v8)'
      : 'library:open, first time: format 2 (read, sha256, zstd, JSON, shape) + normalisation',
    baseline: 'JSON.parse of the uncompressed subscribed_data text',
    async prepare(variant, data) {
      if (variant === 'baseline') return parseBaseline(data);
      const library = new Library({ dir: data.libraryDir, appVersion: 'bench' });
      // The listing index is built once, as it is when the library screen was shown first.
      await library.list();
      const key = randomBytes(32);
      const views = again
        ? new ViewCache({
            dir: join(data.scratchDir, `view-cache-${process.pid}`),
            fingerprint: 'bench',
            key: () => Promise.resolve(key),
          })
        : null;
      // Opened once before, as a session reopened is.
      if (views) await (await openInMain(library, data, views)).opened.keeping;
      return async () => {
        const { loaded, opened } = await openInMain(library, data, views);
        return {
          facts: {
            transactions: loaded.view.accounts[0]?.transactions.length ?? 0,
            keptView: opened.from === 'kept view' ? 1 : 0,
          },
        };
      };
    },
  };
}

export const openStep = openStepOf('open', true);
export const openFirstStep = openStepOf('open-first', false);
