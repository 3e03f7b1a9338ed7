// The README's tour and docs/cli.md's examples, run as written (`npx bcv …` from the
// repository folder, as a newcomer types them) against the sandbox on 127.0.0.1, with a
// fresh home folder so the shared library starts empty. Each must succeed without a stack
// trace, and `--json` must print JSON alone. Needs the built CLI (npm install builds it).
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../..');
const run = promisify(execFile);

/** The `npx bcv` lines of the ```sh blocks in one section of a Markdown file. */
async function examples(file: string, heading: string): Promise<string[]> {
  const text = await readFile(join(ROOT, file), 'utf8');
  const start = text.indexOf(`\n## ${heading}\n`);
  expect(start, `${file} has a "## ${heading}" section`).toBeGreaterThan(-1);
  const end = text.indexOf('\n## ', start + 4);
  const section = text.slice(start, end === -1 ? undefined : end);
  const lines = [...section.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((m) => m[1]!.split('\n'));
  return lines.map((l) => l.trim()).filter((l) => l.startsWith('npx bcv '));
}

const before = await readdir(ROOT);
const home = await mkdtemp(join(tmpdir(), 'bcv-docs-home-'));
const env: NodeJS.ProcessEnv = { ...process.env, HOME: home };
for (const name of ['BCV_LIBRARY', 'XDG_CONFIG_HOME', 'XDG_DATA_HOME', 'BCV_REVIEWER']) {
  delete env[name];
}
for (const name of Object.keys(env)) if (name.startsWith('BANKCONNECT_')) delete env[name];

afterAll(async () => {
  // What the examples wrote into the repository (ignored by git), then the home folder.
  const made = (await readdir(ROOT)).filter((name) => !before.includes(name));
  for (const name of made) {
    if (/\.(xlsx|bcsession)$|^demo-.*\.json$/.test(name)) await rm(join(ROOT, name));
  }
  await rm(home, { recursive: true, force: true });
});

async function runsAsWritten(line: string): Promise<void> {
  let result: { stdout: string; stderr: string };
  try {
    result = await run('sh', ['-c', line], { cwd: ROOT, env, timeout: 120_000 });
  } catch (error) {
    const failed = error as { code?: number; stderr?: string };
    throw new Error(`${line}\nexit ${failed.code}: ${failed.stderr}`, { cause: error });
  }
  expect(result.stderr, line).not.toMatch(/^\s+at /m);
  if (line.includes('--json')) expect(() => JSON.parse(result.stdout), line).not.toThrow();
}

describe('the documented commands run as written', () => {
  it('README: the two-minute tour on the command line', { timeout: 300_000 }, async () => {
    const lines = await examples('README.md', 'A two-minute tour (sandbox)');
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) await runsAsWritten(line);
  });

  it('docs/cli.md: the examples', { timeout: 300_000 }, async () => {
    const lines = await examples('docs/cli.md', 'Examples');
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) await runsAsWritten(line);
  });
});
