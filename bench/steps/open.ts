// open: a saved .bcsession to the ready view model, as `library:open` does it (read,
// gunzip, checksum, JSON, validation, normalisation), vs JSON.parse of the same
// uncompressed JSON text.
import { Library } from '../../src/core/library/store';
import { openInMain, readRawText } from '../lib/inputs';
import type { Step } from '../lib/types';

export const openStep: Step = {
  name: 'open',
  measured: 'Library.open (read, gunzip, sha256, JSON, zod) + session store normalisation',
  baseline: 'JSON.parse of the uncompressed subscribed_data text',
  async prepare(variant, data) {
    if (variant === 'baseline') {
      const text = await readRawText(data);
      return () => {
        const value = JSON.parse(text) as { accounts: object };
        return Promise.resolve({ facts: { accounts: Object.keys(value.accounts).length } });
      };
    }
    const library = new Library({ dir: data.libraryDir, appVersion: 'bench' });
    // The listing index is built once, as it is when the library screen was shown first.
    await library.list();
    return async () => {
      const { loaded } = await openInMain(library, data);
      return { facts: { transactions: loaded.view.accounts[0]?.transactions.length ?? 0 } };
    };
  },
};
