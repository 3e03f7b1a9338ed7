// Every variant of bankconnect-real-responses.md, on both endpoints: the reference example
// in the subscribed_data shape and the same session in the Insights shape, each changed in
// one place, must open with nothing set aside and read the changed place as it means.
import { describe, expect, it } from 'vitest';
import { parseSessionData } from '../../../src/shared/api/parse';
import type { SubscribedDataResponse } from '../../../src/shared/api/schemas';
import { normalizeSession } from '../../../src/shared/model/normalize';
import type { AccountView, SessionView } from '../../../src/shared/model/view-model';
import { insightsResponse } from '../../../src/sandbox/insights-shape';
import reference from '../../../src/sandbox/data/reference-subscribed-data.json';

type Json = Record<string, unknown>;
const CENTRAL = '8cdcf3f2-e4ba-4be8-b0eb-bc619c6cc753';

const SHAPES = {
  subscribed_data: () => structuredClone(reference) as unknown as Json,
  insights: () => insightsResponse(structuredClone(reference) as unknown as SubscribedDataResponse),
};

/** The central account's block, in either shape. */
function block(data: Json): Json {
  const accounts = data['accounts'];
  if (Array.isArray(accounts)) {
    return (accounts as Json[]).find((a) => a['account_id'] === CENTRAL)!['data'] as Json;
  }
  return (accounts as Record<string, Json>)[CENTRAL]!;
}
const details = (b: Json): Json =>
  (Array.isArray(b['account_details']) ? b['account_details'][0] : b['account_details']) as Json;
const firstTx = (b: Json): Json => (b['transactions'] as Json[])[0]!;
const central = (view: SessionView): AccountView =>
  view.accounts.find((a) => a.accountId === CENTRAL)!;

interface Variant {
  readonly name: string;
  readonly change: (data: Json) => void;
  readonly check: (view: SessionView) => void;
}

const VARIANTS: Variant[] = [
  {
    name: 'account_details as one object',
    change: (d) => (block(d)['account_details'] = details(block(d))),
    check: (v) => expect(central(v).details.bank).toBe('central'),
  },
  {
    name: 'account_details as a list of one',
    change: (d) => (block(d)['account_details'] = [details(block(d))]),
    check: (v) => expect(central(v).details.accountNumber).toBe('3055870344'),
  },
  {
    name: 'fraud as a list without account ids',
    change: (d) =>
      (block(d)['fraud'] = [
        {
          statement_id: 's1',
          fraud_type: 'author_fraud',
          transaction_hash: null,
          fraud_category: 'metadata',
        },
      ]),
    check: (v) =>
      expect(central(v).fraudItems.map((f) => [f.fraudType, f.scope])).toEqual([
        ['author_fraud', 'statement'],
      ]),
  },
  {
    name: 'top credits/debits as a list with transactions, DD-Mon-YY dates and an empty month',
    change: (d) =>
      (block(d)['top_credits_debits'] = [
        {
          type: 'top_5_debit',
          data: [
            {
              month: 'Oct-23',
              data: [
                {
                  transaction_type: 'debit',
                  transaction_note: 'RTGS X',
                  amount: 500000,
                  date: '27-Oct-23',
                },
              ],
            },
            { month: 'Nov-23', data: [] },
          ],
        },
      ]),
    check: (v) =>
      expect(central(v).topCreditsDebits).toEqual([
        {
          month: '2023-10',
          type: 'debit',
          rank: 1,
          narration: 'RTGS X',
          amount: 500000,
          date: '2023-10-27',
        },
      ]),
  },
  {
    name: 'an amount as numeric text "59.0"',
    change: (d) => (firstTx(block(d))['amount'] = '59.0'),
    check: (v) => expect(central(v).transactions[0]!.amount).toBe(59),
  },
  {
    name: 'an amount as a JSON integer',
    change: (d) => (firstTx(block(d))['amount'] = 6500),
    check: (v) => expect(central(v).totals.debits).toBe(6500),
  },
  {
    name: 'a balance missing',
    change: (d) => delete firstTx(block(d))['balance'],
    check: (v) => expect(central(v).transactions[0]!.balance).toBeNull(),
  },
  {
    name: 'a balance as text',
    change: (d) => (firstTx(block(d))['balance'] = '-404202.41'),
    check: (v) => expect(central(v).transactions[0]!.balance).toBe(-404202.41),
  },
  {
    name: 'an ISO 8601 date',
    change: (d) => (firstTx(block(d))['date'] = '2023-10-23T00:00:00Z'),
    check: (v) => expect(central(v).transactions[0]!.date).toBe('2023-10-23'),
  },
  {
    name: 'a date without time',
    change: (d) => (firstTx(block(d))['date'] = '2023-10-23'),
    check: (v) => expect(central(v).transactions[0]!.date).toBe('2023-10-23'),
  },
  {
    name: 'a DD-Mon-YY date',
    change: (d) => (firstTx(block(d))['date'] = '23-Oct-23'),
    check: (v) => expect(central(v).transactions[0]!.date).toBe('2023-10-23'),
  },
  {
    name: 'a DD/MM/YYYY date',
    change: (d) => (firstTx(block(d))['date'] = '23/10/2023'),
    check: (v) => expect(central(v).transactions[0]!.date).toBe('2023-10-23'),
  },
  {
    name: 'chq_num as a number',
    change: (d) => (firstTx(block(d))['chq_num'] = 81343),
    check: (v) => expect(central(v).transactions[0]!.ref).toBe('81343'),
  },
  {
    name: 'chq_num null',
    change: (d) => (firstTx(block(d))['chq_num'] = null),
    check: (v) => expect(central(v).transactions[0]!.ref).toBe(''),
  },
  {
    name: 'no hash: a stable derived id, marked derived',
    change: (d) => delete firstTx(block(d))['hash'],
    check: (v) => {
      const t = central(v).transactions[0]!;
      expect(t.hashDerived).toBe(true);
      expect(t.hash).toMatch(/^derived-[0-9a-f]{16}$/);
      expect(central(v).transactions[1]!.hashDerived).toBe(false);
    },
  },
  {
    name: 'channel inside metadata',
    change: (d) => {
      const t = firstTx(block(d));
      delete t['transaction_channel'];
      delete t['description'];
      t['metadata'] = { transaction_channel: 'upi', description: 'gst', unclean_merchant: null };
    },
    check: (v) =>
      expect([
        central(v).transactions[0]!.channel,
        central(v).transactions[0]!.description,
      ]).toEqual(['upi', 'gst']),
  },
  {
    name: 'no channel at all (the lender does not subscribe to it)',
    change: (d) => {
      const t = firstTx(block(d));
      for (const k of ['transaction_channel', 'description', 'merchant_category', 'metadata'])
        delete t[k];
    },
    check: (v) => expect(central(v).transactions[0]!.channel).toBe(''),
  },
  {
    name: 'limits as numbers',
    change: (d) => Object.assign(details(block(d)), { credit_limit: 0, od_limit: 500000 }),
    check: (v) => expect(central(v).details.odLimit).toBe(500000),
  },
  {
    name: 'limits as null and text "0.0"',
    change: (d) => Object.assign(details(block(d)), { credit_limit: null, od_limit: '0.0' }),
    check: (v) =>
      expect([central(v).details.creditLimit, central(v).details.odLimit]).toEqual([null, 0]),
  },
  {
    name: 'micr and ifsc as "" and null',
    change: (d) => Object.assign(details(block(d)), { micr: '', ifsc: null }),
    check: (v) => expect([central(v).details.micr, central(v).details.ifsc]).toEqual([null, null]),
  },
  {
    name: 'the extra account_details fields',
    change: (d) =>
      Object.assign(details(block(d)), {
        name: 'R K ENTERPRISES',
        address: '12 MG ROAD',
        pan_number: 'ABCDE1234F',
        phone_number: '9876543210',
        email: 'rk@example.com',
        holder_type: '',
        metadata_analysis: { name_matches: [] },
        account_date_range: { from_date: '2023-10-23', to_date: '2024-02-29' },
      }),
    check: (v) =>
      expect(central(v).details).toMatchObject({
        address: '12 MG ROAD',
        pan: 'ABCDE1234F',
        holderType: null,
      }),
  },
  ...[
    'fraud',
    'transactions',
    'salary_transactions',
    'top_credits_debits',
    'monthly_analysis',
    'predictors',
    'eod_balances',
  ].map((key): Variant => ({
    name: `${key} absent (not subscribed)`,
    change: (d) => delete block(d)[key],
    check: (v) => expect(central(v).accountId).toBe(CENTRAL),
  })),
  {
    name: 'transactions: []',
    change: (d) => (block(d)['transactions'] = []),
    check: (v) =>
      expect(central(v).totals).toEqual({ credits: 0, debits: 0, creditCount: 0, debitCount: 0 }),
  },
  {
    name: 'start_date shorter than Months_order: paired by month, not position',
    change: (d) => {
      const eod = block(d)['eod_balances'] as Json;
      eod['start_date'] = ['23-Oct-23', '01-Dec-23', '02-Jan-24', '01-Feb-24'];
    },
    check: (v) => {
      const eod = central(v).eod;
      expect(eod.map((m) => m.startDate)).toEqual([
        '2023-10-23',
        null,
        '2023-12-01',
        '2024-01-02',
        '2024-02-01',
      ]);
    },
  },
  {
    name: 'EOD starting_balance',
    change: (d) => ((block(d)['eod_balances'] as Json)['starting_balance'] = 10289.49),
    check: (v) => expect(central(v).other.map((o) => o.key)).toContain('starting_balance'),
  },
  {
    name: 'monthly metrics as text, booleans and loan_emi objects',
    change: (d) =>
      Object.assign(block(d)['monthly_analysis'] as Json, {
        cnt_transactions: { 'Oct-2023': '0' },
        is_current_month: { 'Oct-2023': false },
        loan_emi: { 'Oct-2023': { HDFC: [{ date: '2023-10-05', amount: 5000 }] }, 'Nov-2023': {} },
      }),
    check: (v) => {
      expect(central(v).monthly.values['cnt_transactions']!['2023-10']).toBe('0');
      expect(central(v).other.filter((o) => o.path.includes('loan_emi'))).toHaveLength(2);
    },
  },
  {
    name: 'predictors with booleans and a masked account number',
    change: (d) =>
      Object.assign(block(d)['predictors'] as Json, {
        accountnumber: 'XXXXXX0344',
        is_fraud: true,
      }),
    check: (v) =>
      expect(central(v).predictors.scalars.find((s) => s.key === 'is_fraud')!.value).toBe(true),
  },
  {
    name: 'salary transactions with employer_name null and salary_month',
    change: (d) =>
      (block(d)['salary_transactions'] = [
        { ...firstTx(block(d)), employer_name: null, salary_month: 'Sep-2023' },
      ]),
    check: (v) => expect(central(v).salaryTransactions[0]!.extra['salary_month']).toBe('Sep-2023'),
  },
  {
    name: 'the newer blocks',
    change: (d) =>
      Object.assign(block(d), {
        recurring_transactions: {
          debit_transactions: [
            {
              transaction_channel: 'AUTO_DEBIT_PAYMENT',
              clean_transaction_note: 'HDFC LOAN',
              median: 5000,
              start_date: '2023-10-05 00:00:00',
              end_date: '2024-02-05 00:00:00',
              transactions: [firstTx(block(d))],
            },
          ],
          credit_transactions: [],
        },
        statement_stats: {
          s1: { source: 'PDF', page_count: 4, transaction_count: 120, is_scanned_pdf: false },
        },
        expense_categories: { Transfers: 60, Bills: 40 },
        score: '712',
        lender_transactions: [firstTx(block(d))],
        fraud_details: { statement: [], account: [] },
      }),
    check: (v) => {
      const a = central(v);
      expect(a.recurring.debit[0]).toMatchObject({
        counterparty: 'HDFC LOAN',
        median: 5000,
        startDate: '2023-10-05',
      });
      expect(a.statementStats).toEqual([
        {
          statementId: 's1',
          source: 'PDF',
          pageCount: 4,
          transactionCount: 120,
          scannedPdf: false,
        },
      ]);
      expect(a.expenseCategories.map((e) => e.percent)).toEqual([60, 40]);
      expect(a.score).toBe(712);
      expect(a.transactionSets[0]!.transactions).toHaveLength(1);
      expect(a.other.map((o) => o.key)).toContain('fraud_details');
    },
  },
  {
    name: 'the top-level extras',
    change: (d) =>
      Object.assign(d, {
        link_id: 'link-1',
        session_date_range: { from_date: '2023-10-01', to_date: '2024-02-29' },
        aggregate_monthly_analysis: {},
        aggregate_xlsx_report_url: 'https://s3.example/agg.xlsx?X-Amz-Expires=3600',
      }),
    check: (v) => {
      expect(v.other.map((o) => o.key)).toEqual([
        'link_id',
        'session_date_range',
        'aggregate_monthly_analysis',
      ]);
      expect(v.aggregateReportUrl).toBe('https://s3.example/agg.xlsx?X-Amz-Expires=3600');
    },
  },
];

describe.each(Object.keys(SHAPES) as (keyof typeof SHAPES)[])('on the %s endpoint', (endpoint) => {
  it('reads the unchanged session with nothing set aside', () => {
    const view = normalizeSession(parseSessionData(SHAPES[endpoint]()));
    expect(view.dataShape).toBe(endpoint);
    expect(view.unreadable).toEqual([]);
    expect(view.accounts).toHaveLength(2);
    expect(central(view).transactions).toHaveLength(2);
  });

  it.each(VARIANTS.map((v) => [v.name, v] as const))('accepts %s', (_name, variant) => {
    const data = SHAPES[endpoint]();
    variant.change(data);
    const view = normalizeSession(parseSessionData(JSON.parse(JSON.stringify(data))));
    expect(view.unreadable).toEqual([]);
    variant.check(view);
  });

  it('sets aside what has no one meaning, and says where', () => {
    const data = SHAPES[endpoint]();
    const b = block(data);
    firstTx(b)['amount'] = 'n/a';
    (b['transactions'] as unknown[]).push('not a transaction');
    const view = normalizeSession(parseSessionData(data));
    expect(central(view).transactions).toHaveLength(1);
    const base = endpoint === 'insights' ? '$.accounts[0].data' : `$.accounts["${CENTRAL}"]`;
    expect(view.unreadable.map((u) => [u.path, u.reason])).toEqual([
      [`${base}.transactions[0].amount`, expect.stringContaining('expected')],
      [`${base}.transactions[2]`, 'expected an object'],
    ]);
    expect(view.unreadable[1]!.value).toBe('"not a transaction"');
  });

  it('gives the same view from both endpoints', () => {
    const a = normalizeSession(SHAPES.subscribed_data());
    const b = normalizeSession(SHAPES[endpoint]());
    const strip = (v: SessionView) =>
      v.accounts.map((x) => ({
        id: x.accountId,
        totals: x.totals,
        hashes: x.transactions.map((t) => [t.hash, t.amount, t.date, t.channel]),
        months: x.monthly.months,
        eod: x.eod.map((m) => m.balances.length),
        fraud: x.fraudItems.map((f) => [f.fraudType, f.transactionHash, f.scope]),
        top: x.topCreditsDebits.map((t) => [t.month, t.type, t.narration, t.amount]),
      }));
    expect(strip(b)).toEqual(strip(a));
  });
});
