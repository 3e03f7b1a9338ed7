import { describe, expect, it } from 'vitest';
import {
  emptyReview,
  mergeReviews,
  parseReviewDocument,
  type ReviewChange,
  type ReviewDocument,
} from '../../../src/shared/review/document';
import { parseFlagLabel, parseVerdict } from '../../../src/shared/review/labels';
import { describeEvent, describeFlag, reviewState } from '../../../src/shared/review/state';

let n = 0;
function doc(reviewer: string, changes: [string, ReviewChange][]): ReviewDocument {
  return {
    ...emptyReview('s-1'),
    events: changes.map(([at, change]) => ({ id: `${reviewer}-${n++}`, at, reviewer, change })),
  };
}
const seen = null;

describe('review state', () => {
  it('folds labels, notes and exclusions; a later change wins, the history keeps all', () => {
    const d = doc('Asha', [
      [
        '2026-12-01T10:00:00Z',
        { kind: 'label', key: 'h1', derived: false, label: 'one-off', on: true, seen },
      ],
      [
        '2026-12-01T10:01:00Z',
        { kind: 'label', key: 'h1', derived: false, label: 'loan', on: true, seen },
      ],
      [
        '2026-12-01T10:02:00Z',
        { kind: 'label', key: 'h1', derived: false, label: 'one-off', on: false, seen },
      ],
      [
        '2026-12-01T10:03:00Z',
        { kind: 'exclude', key: 'h1', derived: false, target: 'eligible', on: true, seen },
      ],
      [
        '2026-12-01T10:04:00Z',
        { kind: 'flag-note', key: 'h2', derived: false, text: 'rent to brother', seen },
      ],
      ['2026-12-01T10:05:00Z', { kind: 'flag-note', key: 'h2', derived: false, text: '', seen }],
      ['2026-12-01T10:06:00Z', { kind: 'verdict', decision: 'refer', reason: 'need ITR' }],
      ['2026-12-01T10:07:00Z', { kind: 'verdict', decision: 'approve', reason: 'ITR seen' }],
      ['2026-12-01T10:08:00Z', { kind: 'note', noteId: 'n1', account: null, text: 'first' }],
      [
        '2026-12-01T10:09:00Z',
        { kind: 'note', noteId: 'n1', account: null, text: 'first, edited' },
      ],
    ]);
    const state = reviewState(d);
    expect(state.flags).toHaveLength(1); // h2 lost its only note, so it is no longer flagged
    expect(state.flags[0]).toMatchObject({
      key: 'h1',
      labels: ['loan'],
      exclude: { eligible: true, abb: false },
    });
    expect(describeFlag(state.flags[0]!)).toBe('Loan; excluded from eligible credits');
    expect(state.verdict).toMatchObject({
      decision: 'approve',
      reason: 'ITR seen',
      reviewer: 'Asha',
    });
    expect(state.verdicts.map((v) => v.decision)).toEqual(['refer', 'approve']);
    expect(state.notes).toEqual([
      expect.objectContaining({
        text: 'first, edited',
        author: 'Asha',
        editedAt: '2026-12-01T10:09:00Z',
      }),
    ]);
    expect(state.history).toHaveLength(10);
    expect(describeEvent(state.history[6]!)).toBe('Verdict Refer: need ITR');
  });

  it('merges two reviewers: both entries kept, once each, either way round', () => {
    const a = doc('Asha', [
      [
        '2026-12-01T10:00:00Z',
        { kind: 'label', key: 'h1', derived: false, label: 'related-party', on: true, seen },
      ],
      ['2026-12-01T12:00:00Z', { kind: 'note', noteId: 'na', account: null, text: 'Asha says' }],
    ]);
    const b = doc('Ravi', [
      [
        '2026-12-01T11:00:00Z',
        { kind: 'label', key: 'h2', derived: false, label: 'suspicious', on: true, seen },
      ],
      ['2026-12-01T11:30:00Z', { kind: 'note', noteId: 'nb', account: null, text: 'Ravi says' }],
    ]);
    const ab = mergeReviews(a, b);
    expect(mergeReviews(b, a).events).toEqual(ab.events);
    expect(mergeReviews(ab, a).events).toEqual(ab.events);
    const state = reviewState(ab);
    expect(state.flags.map((f) => [f.key, f.reviewers])).toEqual([
      ['h1', ['Asha']],
      ['h2', ['Ravi']],
    ]);
    expect(state.notes.map((x) => `${x.author}: ${x.text}`)).toEqual([
      'Ravi: Ravi says',
      'Asha: Asha says',
    ]);
  });

  it('refuses a damaged document, naming the path', () => {
    const bad = {
      ...emptyReview('s'),
      events: [
        {
          id: 'x',
          at: 'now',
          reviewer: 'A',
          change: {
            kind: 'label',
            key: 'h',
            derived: false,
            label: 'friend',
            on: true,
            seen: null,
          },
        },
      ],
    };
    expect(() => parseReviewDocument(bad)).toThrow(/events\[0\]\.change/);
  });

  it('says an ABB exclusion with ABB in capitals, in the cell and the history', () => {
    const state = reviewState(
      doc('Asha', [
        [
          '2026-12-01T10:00:00Z',
          { kind: 'exclude', key: 'h9', derived: false, target: 'abb', on: true, seen },
        ],
        [
          '2026-12-01T10:01:00Z',
          { kind: 'label', key: 'h9', derived: false, label: 'loan', on: true, seen },
        ],
        [
          '2026-12-01T10:02:00Z',
          { kind: 'exclude', key: 'h9', derived: false, target: 'abb', on: false, seen },
        ],
      ]),
    );
    expect(describeEvent(state.history[2]!)).toBe('No longer excluded from ABB: transaction h9');
    const first = reviewState(doc('Asha', [[state.history[0]!.at, state.history[0]!.change]]));
    expect(describeFlag(first.flags[0]!)).toBe('excluded from ABB');
  });

  it('reads labels and verdicts as people type them', () => {
    expect(parseFlagLabel('Related party')).toBe('related-party');
    expect(parseFlagLabel('cash_before_EMI')).toBe('cash-before-emi');
    expect(parseFlagLabel('friend')).toBeNull();
    expect(parseVerdict('Decline')).toBe('decline');
    expect(parseVerdict('maybe')).toBeNull();
  });
});
