// docs/cli.md against the CLI itself: every command, subcommand and flag bcv has is in the
// reference, under its own heading, and everything the reference names exists. The CLI's
// side is read from the specs bcv parses its arguments with (src/cli/commands.ts).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI_COMMANDS, isGroup } from '../../../src/cli/commands';
import { CONNECTION_OPTIONS } from '../../../src/cli/connection';
import { subcommandFlags } from '../../../src/cli/usage';

const ROOT = join(__dirname, '../../..');
const DOC = readFileSync(join(ROOT, 'docs/cli.md'), 'utf8');
const CONNECTION = new Set(Object.keys(CONNECTION_OPTIONS));

/** What bcv has: `status` -> its flags, `library export` -> its flags. */
function commands(): Map<string, Set<string>> {
  const all = new Map<string, Set<string>>();
  for (const { spec } of CLI_COMMANDS) {
    if (isGroup(spec)) {
      for (const sub of spec.subcommands) {
        all.set(`${spec.name} ${sub.name}`, new Set(subcommandFlags(spec, sub)));
      }
    } else {
      all.set(spec.name, new Set(Object.keys(spec.flags)));
    }
  }
  return all;
}

/** The reference's `### bcv x` / `#### bcv x y` sections, each with the text under it. */
function sections(): Map<string, string> {
  const found = new Map<string, string>();
  const parts = DOC.split(/^(#{2,4} .*)$/m);
  for (let i = 1; i < parts.length; i += 2) {
    const heading = /^#{3,4} bcv ([a-z-]+(?: [a-z-]+)?)$/.exec(parts[i]!);
    if (heading) found.set(heading[1]!, parts[i + 1]!);
  }
  return found;
}

/** The flags a section's table documents (`| \`-o, --out FILE\` | … |` rows). */
function tableFlags(text: string): Set<string> {
  return new Set([...text.matchAll(/^\| `(?:-\w, )?--([a-z][a-z0-9-]*)/gm)].map((m) => m[1]!));
}

function section(title: string): string {
  const start = DOC.indexOf(`\n## ${title}\n`);
  expect(start, `docs/cli.md has a "## ${title}" section`).toBeGreaterThan(-1);
  const end = DOC.indexOf('\n## ', start + 4);
  return DOC.slice(start, end === -1 ? undefined : end);
}

describe('docs/cli.md and bcv agree', () => {
  it('documents every command and subcommand, and no other', () => {
    const documented = [...sections().keys()].filter((name) => {
      // A group's own heading (`### bcv library`) introduces its subcommands.
      const spec = CLI_COMMANDS.find((c) => c.spec.name === name)?.spec;
      return !(spec && isGroup(spec));
    });
    expect(documented.sort()).toEqual([...commands().keys()].sort());
  });

  it("documents each command's flags under its heading, and no flag it does not take", () => {
    const docs = sections();
    for (const [name, flags] of commands()) {
      const text = docs.get(name) ?? '';
      // A command with every connection flag points at their section; any other lists all.
      const connects = [...CONNECTION].every((f) => flags.has(f));
      const own = [...flags].filter((f) => !(connects && CONNECTION.has(f))).sort();
      expect([...tableFlags(text)].sort(), `bcv ${name}: its flags table`).toEqual(own);
      expect(text.includes('[connection flags](#connection-flags)'), `bcv ${name}`).toBe(connects);
    }
  });

  it('documents the connection flags once, as they are', () => {
    const text = section('Connection flags');
    expect([...tableFlags(text)].sort()).toEqual([...CONNECTION].sort());
  });

  it('names only flags and variables that exist', () => {
    const flags = new Set(['help', 'version']);
    for (const set of commands().values()) for (const f of set) flags.add(f);
    // The grammar's own example of an unknown flag names one that does not exist, on purpose.
    const prose = DOC.replace(/has no flag --[a-z-]+/g, '');
    const named = new Set([...prose.matchAll(/(?<![\w-])--([a-z][a-z0-9-]*)/g)].map((m) => m[1]!));
    expect([...named].filter((f) => !flags.has(f))).toEqual([]);

    const source = sourceText(join(ROOT, 'src'));
    const variables = new Set(
      [...DOC.matchAll(/\b(?:BANKCONNECT|BCV)_[A-Z_]+\b/g)].map((m) => m[0]),
    );
    expect([...variables].filter((v) => !source.includes(v))).toEqual([]);
  });
});

function sourceText(dir: string): string {
  return readdirSync(dir)
    .map((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return sourceText(path);
      return /\.(ts|svelte)$/.test(name) ? readFileSync(path, 'utf8') : '';
    })
    .join('\n');
}
