// The layering rules of eslint.config.mjs refuse each forbidden import, in each layer, with
// a message naming the rule; allowed imports pass. Linted in memory with ESLint's Node API,
// as `npm run lint` would lint a file at that path.
import { join } from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

// The probe files are in no TypeScript project: linted without the type-aware rules, which
// the layering rules do not need.
const eslint = new ESLint({
  cwd: join(__dirname, '../../..'),
  overrideConfig: tseslint.configs.disableTypeChecked,
});

async function layeringMessages(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport {};\n`, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

// [file, import that must be refused]
const refused: [string, string][] = [
  ['src/shared/model/probe.ts', 'node:fs'],
  ['src/shared/model/probe.ts', 'path'],
  ['src/shared/model/probe.ts', 'electron'],
  ['src/shared/model/probe.ts', '../../core/core-error'],
  ['src/shared/model/probe.ts', '../../main/ipc/ipc-errors'],
  ['src/shared/model/probe.ts', '../../renderer/src/app/api'],
  ['src/shared/model/probe.ts', '../../cli/usage'],
  ['src/core/session/probe.ts', 'electron'],
  ['src/core/session/probe.ts', '../../main/ipc/ipc-errors'],
  ['src/core/session/probe.ts', '../../renderer/src/app/api'],
  ['src/core/session/probe.ts', '../../cli/usage'],
  ['src/renderer/src/app/probe.ts', 'node:fs'],
  ['src/renderer/src/app/probe.ts', 'fs'],
  ['src/renderer/src/app/probe.ts', 'electron'],
  ['src/renderer/src/app/probe.ts', '../../../core/core-error'],
  ['src/renderer/src/app/probe.ts', '../../../main/ipc/ipc-errors'],
  ['src/renderer/src/app/probe.ts', '../../../cli/usage'],
  ['src/cli/commands/probe.ts', 'electron'],
  ['src/cli/commands/probe.ts', '../../main/ipc/ipc-errors'],
  ['src/cli/commands/probe.ts', '../../renderer/src/app/api'],
  ['src/main/ipc/probe.ts', 'electron'],
  ['src/main/ipc/probe.ts', '../../renderer/src/app/api'],
  ['src/main/ipc/probe.ts', '../../cli/usage'],
];

// [file, import that is allowed]
const allowed: [string, string][] = [
  ['src/shared/model/probe.ts', '../api/parse'],
  ['src/core/session/probe.ts', 'node:fs'],
  ['src/core/session/probe.ts', '@shared/ipc/contract'],
  ['src/renderer/src/app/probe.ts', '@shared/ipc/api'],
  ['src/cli/commands/probe.ts', '../../core/session/open-session'],
  ['src/cli/commands/probe.ts', 'node:fs'],
  ['src/main/ipc/probe.ts', '../../core/core-error'],
  ['src/main/shell/probe.ts', 'electron'],
  ['src/preload/probe.ts', 'electron'],
];

describe('layering rules', () => {
  it.each(refused)('%s may not import %s', async (file, source) => {
    const messages = await layeringMessages(
      file,
      `import * as probe from '${source}';\nvoid probe;`,
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/\(layering rule\)$/);
  });

  it.each(allowed)('%s may import %s', async (file, source) => {
    const messages = await layeringMessages(
      file,
      `import * as probe from '${source}';\nvoid probe;`,
    );
    expect(messages).toEqual([]);
  });

  it('a renderer file importing node:fs fails with the rule named', async () => {
    const [message] = await layeringMessages(
      'src/renderer/src/report/probe.svelte.ts',
      "import { readFileSync } from 'node:fs';\nvoid readFileSync;",
    );
    expect(message).toBe(
      "'node:fs' import is restricted from being used by a pattern. src/renderer imports only src/shared: no Node, no electron, nothing from core, main, cli or sandbox (layering rule)",
    );
  });
});
