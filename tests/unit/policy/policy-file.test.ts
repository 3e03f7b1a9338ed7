// The policy file: settings given win, the defaults fill the rest, and a bad file is one
// line naming the setting and what it may be.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { policyFromText, readPolicyFile } from '../../../src/core/policy/policy-file';

describe('policy file', () => {
  it('fills what the file leaves out with the defaults', () => {
    expect(policyFromText('{"name": "Retail LAP", "foirLimit": 0.45}', 'p.json')).toEqual({
      name: 'Retail LAP',
      abbDays: 'six',
      partialMonths: 'prorate',
      cashDepositsEligible: true,
      foirLimit: 0.45,
      foirIncomeBasis: 'eligible_credits',
    });
    expect(policyFromText('\uFEFF{}', 'p.json').name).toBe('Default policy');
  });

  it.each([
    [
      '{"foirLimit": 55}',
      'p.json: foirLimit must be a number above 0 and at most 1 (0.5 is 50%) (it is 55)',
    ],
    [
      '{"abbDays": "five"}',
      'p.json: abbDays must be one of "six", "three", "every" (it is "five")',
    ],
    [
      '{"cashDepositsEligible": "yes"}',
      'p.json: cashDepositsEligible must be true or false (it is "yes")',
    ],
    [
      '{"foirIncomeBasis": "income"}',
      'p.json: foirIncomeBasis must be one of "eligible_credits", "salary" (it is "income")',
    ],
    ['{"name": ""}', 'p.json: name must be a name of 1 to 80 characters (it is "")'],
    [
      '{"abbDay": "six"}',
      'p.json: "abbDay" is not a policy setting (the settings are name, abbDays, partialMonths, cashDepositsEligible, foirLimit, foirIncomeBasis)',
    ],
    [
      '{"foirLimit": 0.4, "foirLimit": 0.6}',
      'p.json: "foirLimit" is given twice; give each setting once',
    ],
    [
      '[0.5]',
      'p.json: a policy is a JSON object of settings, such as {"name": "Retail", "foirLimit": 0.5}',
    ],
  ])('%s: one line naming the setting', (text, message) => {
    expect(() => policyFromText(text, 'p.json')).toThrow(message);
  });

  it('says so in one line when the text is not JSON or the file is missing', async () => {
    expect(() => policyFromText('{foirLimit: 0.5}', 'p.json')).toThrow(/^p\.json: not JSON/);
    const dir = await mkdtemp(join(tmpdir(), 'bcv-policy-'));
    await expect(readPolicyFile(join(dir, 'none.json'), undefined, 'none.json')).rejects.toThrow(
      'none.json: no such policy file',
    );
    await writeFile(join(dir, 'p.json'), '{"abbDays": "three"}');
    expect((await readPolicyFile(join(dir, 'p.json'))).abbDays).toBe('three');
    await expect(readPolicyFile(dir, undefined, 'the folder')).rejects.toThrow(/folder/);
  });
});
