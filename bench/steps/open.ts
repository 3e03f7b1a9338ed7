// open: a saved .bcsession (format 2, as the app saves it) to the ready view model, as
// `library:open` does it (read, SHA-256 of the stored block, zstd, JSON, validation,
// normalisation; the duplicate keys as the save recorded them), vs JSON.parse of the same
// uncompressed JSON text.
import { Library } from '../../src/core/library/store';
import { openInMain, readRawText } from '../lib/inputs';
import type { Step } from '../lib/types';

export const openStep: Step = {
  name: 'open',
  measured:
    'Library.open of format 2 (read, sha256, zstd, JSON, shape; duplicate keys as recorded) + normalisation',
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
