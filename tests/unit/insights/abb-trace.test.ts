// The transactions behind the ABB, as the Summary lists them: each once, as the Analyses
// tab lists the same figure's.
import { describe, expect, it } from 'vitest';
import {
  computeSessionInsights,
  periodFigures,
  summarizeSession,
} from '../../../src/shared/insights';
import { normalizeSession } from '../../../src/shared/model/normalize';
import { apiTransaction, withTransactions } from '../export/helpers';

describe("the Summary's ABB trace", () => {
  it('names a transaction once though its balance stands on several ABB dates', () => {
    // Two entries, on 2 and 20 Oct 2023: the 5th, 10th and 15th stand on the first's
    // balance, the 20th, 25th and 31st (and every later date) on the second's. Two
    // transactions lie behind the ABB, whichever dates it takes.
    const view = normalizeSession(
      withTransactions((id) => [
        apiTransaction(id, 0, { date: '2023-10-02 00:00:00', balance: 1000 }),
        apiTransaction(id, 1, { date: '2023-10-20 00:00:00', balance: 400 }),
      ]),
    );
    const insights = computeSessionInsights(view);
    const account = summarizeSession(view, insights).accounts[0]!;
    const figure = (key: string) =>
      account.sections.flatMap((s) => s.figures).find((f) => f.key === key)!;
    expect(figure('abb').trace).toHaveLength(2);
    expect(figure('abbThree').trace).toHaveLength(2);
    // The Analyses tab's figures for the period name the same two.
    const tab = periodFigures(insights.accounts[0]!);
    const tabTrace = (key: string) => tab.find((f) => f.key === key)!.trace;
    expect([...figure('abb').trace].sort()).toEqual([...tabTrace('abb')].sort());
    expect([...figure('abbThree').trace].sort()).toEqual([...tabTrace('abbThree')].sort());
  });
});
