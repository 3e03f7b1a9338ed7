// Labels written by hand where the rule set in key-words.ts reads badly, is ambiguous, or
// would give two keys one name. `monthly`: monthly_analysis keys (with the names the app
// labelled before the full key list, kept so earlier labels stay); `predictor`: single
// predictors; `series`: per-month predictor fields (the key without `_N`).

const MIN_EOD_5_DAYS = 'Lowest EOD balance on days 2, 10, 15, 24 and 28';

export const KEY_LABEL_OVERRIDES: {
  readonly monthly: Readonly<Record<string, string>>;
  readonly predictor: Readonly<Record<string, string>>;
  readonly series: Readonly<Record<string, string>>;
} = {
  monthly: {
    amt_credit: 'Credits: amount',
    amt_debit: 'Debits: amount',
    cnt_credit: 'Credits: count',
    cnt_debit: 'Debits: count',
    min_amt_credit: 'Credits: smallest amount',
    max_amt_credit: 'Credits: largest amount',
    max_debit: 'Largest debit',
    min_debit: 'Smallest debit',
    avg_credit_transaction_size: 'Average credit size',
    avg_debit_transaction_size: 'Average debit size',
    mode_balance: 'Most frequent balance (mode)',
    eod_balance_lt_500_2_months_gte_10:
      'EOD balance below ₹500 on 10 days or more, in each of 2 months',
    avg_bal_multipleof5: 'Average of balances on multiples of 5 days',
    avg_bal_top_15_days: 'Average balance of the 15 highest days',
    highest_salary_date: 'Date of the highest salary credit',
    is_current_month: 'Current month (partial)',
    is_complete_month: 'Complete month',
    is_salary_imps: 'Salary received by IMPS',
    loan_emi: 'EMIs by lender',
    abb_isto_emi: 'ABB to EMI ratio',
    bounce_penal: 'Bounce and penal charges: amount',
    max_bounce_penal: 'Bounce and penal charges: largest amount',
    min_bounce_penal: 'Bounce and penal charges: smallest amount',
    avg_bounce_penal: 'Bounce and penal charges: average amount',
    cnt_bounce_penal: 'Bounce and penal charges: count',
    sum_of_cnt_credit_debit_excluding_reversal_and_cnt_iw_bounce_non_tech_ow_bounce:
      'Credits and debits without reversals, plus non-technical inward and outward bounces: count',
    cnt_of_eod_balance: 'Days with an EOD balance',
    // Names the app labelled before the full list was known (other FinBox versions).
    avg_balance: 'Average balance',
    median_bal: 'Median balance',
    abb: 'Average bank balance (ABB)',
    adjusted_abb: 'Adjusted ABB',
    avg_eod_balance: 'Average EOD balance',
    total_credit: 'Total credits',
    total_debit: 'Total debits',
    cash_deposits: 'Cash deposits',
    cash_withdrawals: 'Cash withdrawals',
    total_emi_ecs_loan: 'EMI, ECS and loan debits',
    total_salary: 'Salary: amount',
    cnt_inward_cheque_bounce_insuff_funds: 'Inward cheque bounces (insufficient funds): count',
    cnt_outward_cheque_bounce_insuff_funds: 'Outward cheque bounces (insufficient funds): count',
    cnt_auto_debit_payment_bounce: 'Auto-debit bounces: count',
    amt_auto_debit_payment_bounce: 'Auto-debit bounces: amount',
    net_cash_flow: 'Net cash flow',
    max_credit_transaction_size: 'Largest credit',
    max_debit_transaction_size: 'Largest debit (transaction size)',
    cnt_days_overdrawn: 'Overdrawn days',
    overdrawn_days: 'Overdrawn days (days)',
    cnt_overdrawn_days: 'Overdrawn days (count)',
    cnt_negative_balance_days: 'Days with a negative balance',
    negative_balance_days: 'Days with a negative balance (days)',
    cnt_inward_cheque_bounce: 'Inward cheque bounces: count',
    cnt_outward_cheque_bounce: 'Outward cheque bounces: count',
    amt_inward_cheque_bounce: 'Inward cheque bounces: amount',
    amt_outward_cheque_bounce: 'Outward cheque bounces: amount',
    total_inward_chq_bounces_insuff_fund: 'Inward cheque bounces (insufficient funds)',
    total_outward_chq_bounces_insuff_fund: 'Outward cheque bounces (insufficient funds)',
    emi: 'EMI debits',
    amt_emi: 'EMI debits: amount',
    cnt_emi: 'EMI debits: count',
  },
  // FinBox's own figures named as FinBox's where ours have the same name and another
  // meaning: FinBox's income is not our eligible income (loan money and own transfers
  // are in it), its EMI totals count EMIs presented, returned ones included.
  predictor: {
    income: "FinBox's income estimate",
    total_income: "FinBox's total income estimate",
    avg_monthly_income: "FinBox's average monthly income estimate",
    fixed_obligation_to_income_ratio: "FinBox's FOIR (fixed obligations to income)",
    adjusted_abb: "FinBox's adjusted ABB",
    total_emi: "FinBox's EMI total (presented, returned EMIs included)",
    total_emi_ecs_loan: "FinBox's EMI, ECS and loan debits (returned ones included)",
    accountnumber: 'Account number',
    ccod_limit: 'CC/OD limit',
    cnt_inward_cheque_bounce_6m: 'Inward cheque bounce credits last 6 months: count',
    cnt_inward_chq_bounce_6_months: 'Inward cheque bounces last 6 months: count',
    min_eod_bal_2_10_15_24_28th_day_ever: `${MIN_EOD_5_DAYS}, whole period`,
    total_salary_latest_6m: 'Total salary, latest 6 months',
    salary_1000_multiple: 'Salary in multiples of ₹1,000',
    tax_100_multiple: 'Tax in multiples of ₹100',
    equal_credit_debit: 'Credits equal debits',
    bank_connect_status: 'BankConnect status',
  },
  series: {
    income: "FinBox's income estimate",
    total_emi: "FinBox's EMI total (presented, returned EMIs included)",
    month: 'Month',
    bal_last: 'Last balance of the month',
    bal_avgof_6dates: 'Average balance of 6 dates',
    min_eod_bal_2_10_15_24_28th_day: MIN_EOD_5_DAYS,
    chq_dep_isto_chq_issues: 'Cheque deposits to cheque issues',
    cnt_salary_last_90days_and_application_date_minus:
      'Salary credits in the 90 days before the application date: count',
    cnt_month_business_credits_except_intrest_eq: 'Business credits except interest: count',
  },
};
