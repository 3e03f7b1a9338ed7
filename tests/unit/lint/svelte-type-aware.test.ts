// The type-aware rules run on a component's script too (eslint.config.mjs reads .svelte
// files with the renderer's TypeScript project): a floating promise in a component is
// refused as it is in a .ts file. Linted in memory at an existing component's path, as
// `npm run lint` would lint that file.
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const PROBE = `<script lang="ts">
  async function load(): Promise<number> {
    return 1;
  }
  load();
  const text: string = 'a';
  const n = text as string;
</script>

<p>{n}</p>
`;

describe('type-aware lint of Svelte components', () => {
  it('refuses a floating promise and an assertion that changes nothing', async () => {
    const eslint = new ESLint({ cwd: join(__dirname, '../../..') });
    const [result] = await eslint.lintText(PROBE, {
      filePath: 'src/renderer/src/report/eod/EodMonthChart.svelte',
    });
    const rules = result!.messages.map((m) => m.ruleId);
    expect(rules).toContain('@typescript-eslint/no-floating-promises');
    expect(rules).toContain('@typescript-eslint/no-unnecessary-type-assertion');
  }, 120_000);
});
