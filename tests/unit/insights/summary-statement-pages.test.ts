// The Summary's statement list takes each statement's page count from the newer API's
// statement_stats (Insights shape); where no statistics came, the pages stay unknown.
import { describe, expect, it } from 'vitest';
import { parseSessionData } from '../../../src/shared/api/parse';
import { computeSessionInsights, summarizeAccount } from '../../../src/shared/insights';
import { normalizeSession } from '../../../src/shared/model/normalize';
import { generateSession } from '../../../src/sandbox/generator';
import { insightsResponse } from '../../../src/sandbox/insights-shape';
import { DEMO_BUSINESS_PLAN } from '../../../src/sandbox/sessions';

const generated = generateSession(DEMO_BUSINESS_PLAN);

function summaries(data: unknown) {
  const view = normalizeSession(parseSessionData(data));
  const insights = computeSessionInsights(view);
  return view.accounts.map((account, k) => summarizeAccount(account, insights.accounts[k]!));
}

describe('statement pages in the Summary', () => {
  it('come from statement_stats, statement by statement', () => {
    const data = insightsResponse(generated.subscribed) as {
      accounts: {
        data: { statement_stats: Record<string, { page_count: number | null; source: string }> };
      }[];
    };
    const shown = summaries(data);
    let pages = 0;
    data.accounts.forEach((a, k) => {
      const stats = a.data.statement_stats;
      for (const s of shown[k]!.statements) {
        const stat = stats[s.statementId];
        expect(stat, s.statementId).toBeDefined();
        expect(s.pages).toBe(stat!.page_count);
        if (s.pages !== null) pages += 1;
      }
    });
    expect(pages).toBeGreaterThan(0);
  });

  it('stay unknown when the response has no statement_stats (subscribed_data)', () => {
    for (const summary of summaries(generated.subscribed))
      for (const s of summary.statements) expect(s.pages).toBeNull();
  });
});
