// docs/credit-figures.md lists every registered figure with the definition the app shows
// (default policy) and every policy setting with its default and allowed values: the
// reference cannot drift from what the app says.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineFigure, figureDefinitions } from '../../../src/shared/insights/definitions';
import { DEFAULT_POLICY, type CreditPolicy } from '../../../src/shared/insights/policy';
import { defaultText, POLICY_SETTINGS } from '../../../src/shared/insights/policy-text';

const doc = readFileSync(join(__dirname, '../../../docs/credit-figures.md'), 'utf8');

describe('docs/credit-figures.md', () => {
  it.each(figureDefinitions().map((d) => [d.id, d] as const))(
    'defines %s as the app does',
    (id, d) => {
      expect(doc).toContain(`- **${d.name}** (\`${id}\``);
      expect(doc).toContain(defineFigure(id, DEFAULT_POLICY));
    },
  );

  /** The policy table's rows as trimmed cells (Prettier pads the columns). */
  const tableRows = doc
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) =>
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );

  it.each(Object.keys(POLICY_SETTINGS) as (keyof CreditPolicy)[])(
    'lists the policy setting %s with its default and allowed values',
    (key) => {
      expect(tableRows).toContainEqual([
        `\`${key}\``,
        `\`${defaultText(key)}\``,
        POLICY_SETTINGS[key].allowed,
        POLICY_SETTINGS[key].meaning,
      ]);
    },
  );
});
