// Copies the README's screenshots from the gallery the Chromium suite writes
// (test-results/gallery/, every screen light and dark, at 1366x768) into docs/images, so the
// README shows the screens as the tests saw them. Refresh the gallery first:
//   npm run build && npm run test:e2e -- tests/e2e/a11y.spec.ts && npm run readme-images
import { copyFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const gallery = join(root, 'test-results/gallery');
const images = join(root, 'docs/images');

/** Gallery screen -> README image: demo-business's first account, light. */
const CHOSEN = [
  ['summary-light.png', 'summary.png'],
  ['transactions-light.png', 'transactions.png'],
  ['analyses-obligations-light.png', 'analyses.png'],
];

const missing = CHOSEN.filter(([from]) => !existsSync(join(gallery, from))).map(([f]) => f);
if (missing.length > 0) {
  console.error(
    `readme-images: not in test-results/gallery: ${missing.join(', ')}. Run the gallery first: npm run build && npm run test:e2e -- tests/e2e/a11y.spec.ts`,
  );
  process.exit(1);
}
for (const [from, to] of CHOSEN) {
  copyFileSync(join(gallery, from), join(images, to));
  console.log(`docs/images/${to} <- test-results/gallery/${from}`);
}
