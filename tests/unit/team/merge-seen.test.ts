// Merging "seen elsewhere" from this library and the team's book.
import { describe, expect, it } from 'vitest';
import type { SeenElsewhere } from '../../../src/shared/catalogue/types';
import { mergeSeen } from '../../../src/shared/team/merge-seen';

const alice = { owner: 'alice', team: 'retail-1', branch: 'Pune' };

/** The UPI counterparty x@ybl, seen in `sessions`. */
function xAtYbl(sessions: SeenElsewhere['matches'][number]['sessions']) {
  return {
    kind: 'upi',
    key: 'x@ybl',
    label: 'x@ybl',
    relation: 'counterparty',
    sessions,
  } satisfies SeenElsewhere['matches'][number];
}

describe('mergeSeen', () => {
  const local: SeenElsewhere = {
    sessionId: 'here',
    matches: [xAtYbl([{ sessionId: 'case-a', holderNames: ['A'] }])],
  };

  it('is the local answer alone when no team answered', () => {
    expect(mergeSeen(local, null)).toBe(local);
  });

  it('lists a case both hold once, with whose it is; a party only the team has is added', () => {
    const teamAnswer: SeenElsewhere = {
      sessionId: 'here',
      matches: [
        xAtYbl([
          { sessionId: 'case-a', holderNames: ['A'], team: alice },
          { sessionId: 'case-b', holderNames: ['B'], team: alice },
        ]),
        {
          kind: 'name',
          key: 'leela',
          label: 'LEELA',
          relation: 'counterparty',
          sessions: [{ sessionId: 'case-b', holderNames: ['B'], team: alice }],
        },
      ],
    };
    const merged = mergeSeen(local, teamAnswer);
    expect(
      merged.matches.map((m) => [m.key, m.sessions.map((s) => [s.sessionId, s.team])]),
    ).toEqual([
      [
        'x@ybl',
        [
          ['case-a', alice],
          ['case-b', alice],
        ],
      ],
      ['leela', [['case-b', alice]]],
    ]);
  });

  it('keeps a party seen as counterparty and as an applicant account apart', () => {
    const teamAnswer: SeenElsewhere = {
      sessionId: 'here',
      matches: [{ ...local.matches[0]!, relation: 'applicant-there' }],
    };
    expect(mergeSeen(local, teamAnswer).matches.map((m) => m.relation)).toEqual([
      'counterparty',
      'applicant-there',
    ]);
  });
});
