// Every figure the Summary shows has its one definition, written from the policy that made
// it; the registry is complete and names the policy settings its text depends on.
import { describe, expect, it } from 'vitest';
import {
  defineFigure,
  figureDefinitions,
  isFigureId,
  summarizeSession,
} from '../../../src/shared/insights';
import { DEFAULT_POLICY, policyFrom } from '../../../src/shared/insights/policy';
import { DEMO_BUSINESS_PLAN } from '../../../src/sandbox/sessions';
import { generatedSession } from './helpers';

describe('figure definitions', () => {
  it('cover every figure of the Summary, each with its text', () => {
    const { view, insights } = generatedSession(DEMO_BUSINESS_PLAN);
    const summary = summarizeSession(view, insights);
    for (const a of summary.accounts)
      for (const s of a.sections)
        for (const f of s.figures) {
          expect(isFigureId(f.key), f.key).toBe(true);
          expect(f.definition, f.key).toBe(defineFigure(f.key as never, DEFAULT_POLICY));
        }
  });

  it('are unique and say the policy where it decides', () => {
    const ids = figureDefinitions().map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    const three = policyFrom({ name: 'LAP 2026', abbDays: 'three', partialMonths: 'exclude' });
    expect(defineFigure('abb', three)).toContain('5th, 15th and 25th');
    expect(defineFigure('abb', three)).toContain('left out');
    expect(defineFigure('abb', three)).toMatch(/\(LAP 2026\.\)$/);
    expect(defineFigure('totalCredits', three)).not.toContain('LAP 2026');
    for (const d of figureDefinitions())
      if (d.policy.length === 0) expect(d.define(three)).toBe(d.define(DEFAULT_POLICY));
  });
});
