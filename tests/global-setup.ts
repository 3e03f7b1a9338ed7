// One folder per test run for every temporary folder the tests make (they call mkdtemp in
// os.tmpdir(), thousands a run), removed when the run ends: left in /tmp they piled up by
// the thousand (about 10,000 folders here). Workers inherit TMPDIR from this process.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'bcv-tests-'));
  process.env['TMPDIR'] = root;
  return () => rmSync(root, { recursive: true, force: true });
}
