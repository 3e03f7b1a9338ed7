// "Seen elsewhere" from this library and from the team's book as one answer: a party found
// in both lists each other case once, a team case with whose it is (the team's word on a
// case both hold), most other cases first as each answer is.
import type { SeenElsewhere, SeenMatch, SeenSession } from '../catalogue/types';

const keyOf = (m: SeenMatch) => `${m.kind}\u0000${m.key}\u0000${m.relation}`;

export function mergeSeen(local: SeenElsewhere, teamAnswer: SeenElsewhere | null): SeenElsewhere {
  if (!teamAnswer) return local;
  const merged = new Map<string, { match: SeenMatch; sessions: Map<string, SeenSession> }>();
  for (const match of [...local.matches, ...teamAnswer.matches]) {
    const entry = merged.get(keyOf(match)) ?? { match, sessions: new Map() };
    for (const s of match.sessions) {
      const known = entry.sessions.get(s.sessionId);
      entry.sessions.set(s.sessionId, known?.team ? known : { ...known, ...s });
    }
    merged.set(keyOf(match), entry);
  }
  const matches = [...merged.values()].map(({ match, sessions }) => ({
    ...match,
    sessions: [...sessions.values()],
  }));
  // Stable: among equals, the local answer's order first.
  matches.sort((a, b) => b.sessions.length - a.sessions.length);
  return { sessionId: local.sessionId, matches };
}
