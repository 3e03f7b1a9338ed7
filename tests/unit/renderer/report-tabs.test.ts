// The report's sections and views: every view in exactly one section, and a view
// remembered under an old tab's id (before the tabs were grouped) opens where it now lives.
import { describe, expect, it } from 'vitest';
import { readViewId, sectionOf, SECTIONS } from '../../../src/renderer/src/report/tabs';
import { SECTION_NAMES } from '../../e2e/support/report-names';

describe('the report sections', () => {
  it('holds each view once, in six sections at most', () => {
    const views = SECTIONS.flatMap((s) => s.views.map((v) => v.id));
    expect(new Set(views).size).toBe(views.length);
    expect(SECTIONS.length).toBeLessThanOrEqual(6);
    expect(SECTIONS.map((s) => s.label)).toEqual(SECTION_NAMES);
  });

  it('reads a remembered view, an old tab id where it now lives, and nothing else', () => {
    // The old Insights tab opened on its month table: that view.
    expect(readViewId('insights')).toBe('months');
    expect(sectionOf(readViewId('insights')!).id).toBe('analyses');
    // Old tabs whose ids are still views, now inside a section.
    expect(sectionOf(readViewId('eod')!).id).toBe('analyses');
    expect(sectionOf(readViewId('salary')!).id).toBe('analyses');
    expect(sectionOf(readViewId('overview')!).id).toBe('finbox');
    expect(sectionOf(readViewId('monthly')!).id).toBe('finbox');
    expect(readViewId('summary')).toBe('summary');
    expect(readViewId('analyses')).toBeNull(); // a section, not a view
    expect(readViewId('toString')).toBeNull();
    expect(readViewId(3)).toBeNull();
  });
});
