// Whether the memo is laid out for printing right now (it exists only while it prints),
// when and by what it was generated (its first page and every page's footer say so), and a
// team case's decision chain (read just before printing).
import type { TeamDecisionChain } from '@shared/team/decision-chain';

export const memo = $state({
  printing: false,
  generatedAt: '',
  generatedBy: '',
  decisions: null as TeamDecisionChain | null,
});
