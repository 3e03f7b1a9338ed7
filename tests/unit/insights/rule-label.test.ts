import { describe, expect, it } from 'vitest';
import { ruleLabel } from '../../../src/shared/insights/labels';

// "Found by" on the Obligations and Bounces views and in the workbook: a reader sees who
// matched a transaction (our narration match or a FinBox field) in words, not `description emi`.
describe('ruleLabel', () => {
  it('says our narration match in words', () => {
    expect(ruleLabel('narration:RTN')).toBe('narration says “RTN”');
  });

  it("names FinBox's field and its value in words", () => {
    expect(ruleLabel('description:emi')).toBe("FinBox's description “EMI”");
    expect(ruleLabel('channel:inward_cheque_bounce')).toMatch(
      /^FinBox's channel “[A-Z][a-z]+ cheque [a-z]+”$/,
    );
  });

  it('leaves a rule with no source as it is', () => {
    expect(ruleLabel('recurring')).toBe('recurring');
  });
});
