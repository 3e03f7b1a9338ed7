import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MONTHLY_ANALYSIS_KEYS, PREDICTOR_KEYS } from '../../../src/shared/format/finbox-keys';
import {
  groupByLabel,
  KEY_GROUPS,
  monthlyKeyLabel,
  PREDICTOR_SCALAR_KEYS,
  PREDICTOR_SERIES_FIELDS,
  predictorFieldLabel,
  predictorKeyLabel,
  type KeyLabel,
} from '../../../src/shared/format/key-labels';
import { perMonthPredictor } from '../../../src/shared/model/predictor-keys';

// The reference lists beside the project (../shared/reference/data); the copy in
// finbox-keys.ts must hold exactly their keys.
const DATA = join(__dirname, '../../../../shared/reference/data');

function referenceKeys(file: string): string[] {
  return readFileSync(join(DATA, file), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

function expectLabelled(labels: readonly KeyLabel[]): void {
  const raw = labels.filter((l) => !l.known || l.label === l.key || l.group === 'Other');
  expect(raw.map((l) => l.key)).toEqual([]);
  const byLabel = new Map<string, string[]>();
  for (const l of labels) byLabel.set(l.label, [...(byLabel.get(l.label) ?? []), l.key]);
  const shared = [...byLabel].filter(([, keys]) => keys.length > 1);
  expect(shared).toEqual([]);
}

describe('labels for the keys FinBox sends', () => {
  it.runIf(existsSync(DATA))('holds exactly the reference lists', () => {
    expect([...MONTHLY_ANALYSIS_KEYS]).toEqual(referenceKeys('monthly_analysis_keys.txt'));
    expect([...PREDICTOR_KEYS]).toEqual(referenceKeys('predictors_keys.txt'));
  });

  it('gives every monthly_analysis key its own readable label and a group', () => {
    expect(MONTHLY_ANALYSIS_KEYS).toHaveLength(404);
    expectLabelled(MONTHLY_ANALYSIS_KEYS.map(monthlyKeyLabel));
  });

  it('gives every predictor (single and per month) its own readable label and a group', () => {
    expect(PREDICTOR_SCALAR_KEYS.length + PREDICTOR_SERIES_FIELDS.length).toBeGreaterThan(800);
    expectLabelled(PREDICTOR_SCALAR_KEYS.map(predictorKeyLabel));
    expectLabelled(PREDICTOR_SERIES_FIELDS.map(predictorFieldLabel));
  });

  it('reads what the keys mean', () => {
    const monthly: Record<string, string> = {
      opening_balance: 'Opening balance',
      avg_bal: 'Average balance',
      amt_upi_credit: 'UPI credits: amount',
      cnt_cash_withdrawl_debit: 'Cash withdrawal debits: count',
      max_amt_chq_debit: 'Cheque debits: largest amount',
      avg_amt_emi_debit: 'EMI debits: average amount',
      amt_outward_cheque_bounce_insuff_funds_debit:
        'Outward cheque bounce insufficient funds debits: amount',
      cnt_days_eod_bal_lt_1000: 'Days with EOD balance below ₹1,000',
      no_of_days_eod_lt_1lk: 'Days with EOD below ₹1 lakh',
      eod_bal_on_05: 'EOD balance on day 5',
      avg_of_eod_bal_on_1_5_15_25: 'Average of EOD balance on days 1, 5, 15 and 25',
      balance_net_off_on_10th: 'Balance net off on day 10',
      perc_cash_deposit_to_total_credit: 'Cash deposit to total credit (%)',
      amt_perc_cash_deposit_to_total_credit: 'Cash deposit to total credit (% by amount)',
      turnover_excluding_loan_self_and_fdrd_credit: 'Turnover excluding loan self and FD/RD credit',
      cnt_ccod_interest: 'CC/OD interest: count',
      perc_salary_amt_debit_within5_days: 'Salary amount debit within 5 days (%)',
    };
    const predictors: Record<string, string> = {
      amt_loan_credits_gt_50k_c30: 'Loan credits above ₹50k last 30 days: amount',
      cnt_auto_debit_bounce_6m: 'Auto debit bounce last 6 months: count',
      avg_cnt_upi_credit_txn_in_a_day: 'Average count UPI credit transaction per day',
      amt_credit_last_31_60_days: 'Credit last 31–60 days: amount',
      avg_daily_closing_balance_1month: 'Average daily closing balance last month',
      max_debit_amt_of_eb_bill_inlast_30days:
        'Maximum debit amount of electricity bill in the last 30 days',
      turnover_excluding_non_business_and_loan_credits_m6_to_m11:
        'Turnover excluding non business and loan credits months 6 to 11',
    };
    const series: Record<string, string> = {
      balance_on_5th: 'Balance on day 5',
      total_inward_chq_bounces_insuff_fund: 'Total inward cheque bounces insufficient funds',
      cnt_eod_bal_lt_500: 'EOD balance below ₹500: count',
      min_eod_bal_2_10_15_24_28th_day: 'Lowest EOD balance on days 2, 10, 15, 24 and 28',
    };
    for (const [key, label] of Object.entries(monthly))
      expect(monthlyKeyLabel(key).label).toBe(label);
    for (const [key, label] of Object.entries(predictors))
      expect(predictorKeyLabel(key).label).toBe(label);
    for (const [key, label] of Object.entries(series))
      expect(predictorFieldLabel(key).label).toBe(label);
  });

  it('groups keys by what they are about', () => {
    expect(monthlyKeyLabel('closing_balance').group).toBe('Balances');
    expect(monthlyKeyLabel('amt_upi_credit').group).toBe('Credits');
    expect(monthlyKeyLabel('amt_upi_debit').group).toBe('Debits');
    expect(monthlyKeyLabel('cnt_inward_cheque_bounce_credit').group).toBe('Bounces and charges');
    expect(monthlyKeyLabel('amt_emi_debit').group).toBe('Loans and EMIs');
    expect(monthlyKeyLabel('amt_cash_deposit_credit').group).toBe('Cash');
    expect(monthlyKeyLabel('total_amount_of_salary').group).toBe('Salary and income');
    expect(predictorKeyLabel('author_fraud').group).toBe('Fraud signals');
    expect(predictorKeyLabel('ifsc_code').group).toBe('Account and period');
  });

  it('keeps an unknown key raw, in Other, and orders groups as KEY_GROUPS', () => {
    expect(monthlyKeyLabel('some_new_metric')).toEqual({
      key: 'some_new_metric',
      label: 'some_new_metric',
      group: 'Other',
      known: false,
    });
    expect(predictorKeyLabel('brand_new_flag').group).toBe('Other');
    const grouped = groupByLabel(
      ['zz_new', 'amt_upi_debit', 'closing_balance', 'opening_balance'],
      monthlyKeyLabel,
    );
    expect(grouped.map((g) => g.group)).toEqual(['Balances', 'Debits', 'Other']);
    expect(grouped[0]!.items.map((i) => i.item)).toEqual(['closing_balance', 'opening_balance']);
    expect(KEY_GROUPS[KEY_GROUPS.length - 1]).toBe('Other');
  });

  it('tells per-month predictors from single values ending in a day', () => {
    expect(perMonthPredictor('expense_0')).toEqual({ field: 'expense', month: 0 });
    expect(perMonthPredictor('expense_11')).toEqual({ field: 'expense', month: 11 });
    expect(perMonthPredictor('avg_of_eod_bal_on_15')).toBeNull();
    expect(perMonthPredictor('avg_of_eod_bal_on_05')).toBeNull();
    expect(perMonthPredictor('avg_of_eod_bal_on_10')).toBeNull();
    expect(perMonthPredictor('x_12')).toBeNull();
  });
});
