// The app's policy setting: a chosen file's settings are kept (not its path), read back
// as they were chosen; a setting edited into something unreadable reads as the default.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { POLICY_SETTING_FILE, PolicySetting } from '../../../src/core/policy/policy-setting';
import { DEFAULT_POLICY } from '../../../src/shared/insights/policy';

describe('policy setting', () => {
  it('keeps the chosen policy, survives the file going, and resets', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bcv-policy-setting-'));
    const setting = new PolicySetting(join(dir, 'userData'));
    expect(await setting.get()).toEqual(DEFAULT_POLICY);

    const file = join(dir, 'lap.json');
    await writeFile(file, JSON.stringify({ name: 'LAP', foirLimit: 0.6 }));
    const chosen = await setting.choose(file, 'lap.json');
    expect(chosen).toMatchObject({ name: 'LAP', foirLimit: 0.6, abbDays: 'six' });
    await rm(file);
    expect(await setting.get()).toEqual(chosen);

    await expect(setting.choose(file, 'lap.json')).rejects.toThrow('lap.json: no such policy file');
    expect(await setting.get()).toEqual(chosen);

    await writeFile(join(dir, 'userData', POLICY_SETTING_FILE), '{"foirLimit": "high"}');
    expect(await setting.get()).toEqual(DEFAULT_POLICY);

    expect(await setting.reset()).toEqual(DEFAULT_POLICY);
    const kept = JSON.parse(await readFile(join(dir, 'userData', POLICY_SETTING_FILE), 'utf8'));
    expect(kept).toEqual({ ...DEFAULT_POLICY });
  });
});
