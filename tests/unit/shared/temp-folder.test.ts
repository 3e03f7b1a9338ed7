// The run's temporary folders go under the folder tests/global-setup.ts made (removed at
// the end of the run), not loose in the system's temp folder.
import { tmpdir } from 'node:os';
import { basename } from 'node:path';
import { expect, it } from 'vitest';

it('tests make their temporary folders inside the run folder', () => {
  expect(basename(tmpdir())).toMatch(/^bcv-tests-/);
});
