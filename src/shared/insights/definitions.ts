// Every credit figure's name and its definition in plain words: what the app shows under
// "How is this computed?", what the workbook prints beside the figure, and what the
// figures reference (docs/credit-figures.md) is written from. Each definition says what the
// code in this folder does; where the lender's credit policy decides a detail, the text is
// written from the policy, and `policy` lists the settings it depends on.
import { formatPercent } from '../format/value';
import { ABB_DAY_SET_LABELS, abbLabel, DEFAULT_POLICY, type CreditPolicy } from './policy';

export type FigureId =
  | 'monthlyObligations'
  | 'foir'
  | 'abbOverEmi'
  | 'totalCredits'
  | 'totalDebits'
  | 'eligibleCredits'
  | 'eligibleMonthly'
  | 'averageMonthlyCredits'
  | 'ownTransfersIn'
  | 'loanDisbursals'
  | 'reversals'
  | 'refunds'
  | 'reviewerExcluded'
  | 'cashDeposits'
  | 'cashWithdrawals'
  | 'cashShare'
  | 'cashWithdrawalShare'
  | 'abb'
  | 'abbThree'
  | 'averageBalance'
  | 'minBalance'
  | 'maxBalance'
  | 'negativeDays'
  | 'overdrawnDays'
  | 'odPeak'
  | 'odAverage'
  | 'emiHonoured'
  | 'emiHonouredAmount'
  | 'emiBounced'
  | 'mandateDebits'
  | 'mandateBounced'
  | 'inwardReturns'
  | 'outwardReturns'
  | 'allReturns'
  | 'returnCharges'
  | 'penalCharges'
  | 'salaryAverage'
  | 'salaryEmployer'
  | 'salaryMissing'
  | 'balanceBreaks'
  | 'gaps'
  | 'duplicates';

export type PolicyField = Exclude<keyof CreditPolicy, 'name'>;

export interface FigureDefinition {
  readonly id: FigureId;
  readonly name: string;
  /** The policy settings the figure depends on (empty: none). */
  readonly policy: readonly PolicyField[];
  /** The definition in plain words, for a policy. */
  readonly define: (policy: CreditPolicy) => string;
}

const partialWords = (p: CreditPolicy): string =>
  p.partialMonths === 'prorate'
    ? 'a month the statements cover only in part counts as the share of its days covered (10 of 30 days is a third of a month)'
    : 'a month the statements cover only in part is marked and left out, its amounts with it';

const monthsWords = (p: CreditPolicy): string =>
  `divided by the months the statements cover: months with no statement and days FinBox declares missing (missing_data) do not count, and ${partialWords(p)}`;

const EMI_WORDS =
  "a debit FinBox marks as a loan repayment (description or channel lender_transaction, emi or loan_repayment; an EMI or loan category; FinBox's lender_transactions list), or whose narration names an EMI, a loan instalment or a known lender";

const DEFINITIONS: readonly FigureDefinition[] = [
  {
    id: 'monthlyObligations',
    name: 'Monthly obligations',
    policy: [],
    define: () =>
      "The applicant's fixed monthly repayments: each loan EMI, credit-card or BNPL repayment stream by lender (from FinBox's lender_transactions, its recurring debit sets and monthly loan_emi, and our own detection; a debit named in several places counts once), at its monthly amount, summed over the streams presented in the account's last two months. A stream's monthly amount is the median, over the months it was paid, of what was paid to the lender that month; a presentment that came back is returned, not paid.",
  },
  {
    id: 'foir',
    name: 'FOIR',
    policy: ['foirIncomeBasis', 'foirLimit', 'partialMonths'],
    define: (p) =>
      `Fixed obligations to income: monthly obligations divided by ${p.foirIncomeBasis === 'salary' ? 'the average monthly salary' : 'eligible credits a month'}, against the policy's limit of ${formatPercent(p.foirLimit)}.`,
  },
  {
    id: 'abbOverEmi',
    name: 'ABB over EMI',
    policy: ['abbDays', 'partialMonths'],
    define: (p) =>
      `The period ABB (on ${ABB_DAY_SET_LABELS[p.abbDays]}) divided by the monthly obligations: how many months of repayments the average balance would pay.`,
  },
  {
    id: 'totalCredits',
    name: 'Total credits',
    policy: [],
    define: () => 'Every credit in the statements, summed to the paisa.',
  },
  {
    id: 'totalDebits',
    name: 'Total debits',
    policy: [],
    define: () => 'Every debit in the statements, summed to the paisa.',
  },
  {
    id: 'eligibleCredits',
    name: 'Eligible credits',
    policy: ['cashDepositsEligible'],
    define: (p) =>
      `Credits that count as the applicant's income: every credit less transfers from the applicant's own accounts and sister concerns (FinBox's self_transfer mark and its self_and_sister_transactions list, or a matching debit in another account of the session), loan disbursals, returns and reversals of the applicant's own failed debits, refunds${p.cashDepositsEligible ? '' : ', cash deposits'} and credits a reviewer excluded.${p.cashDepositsEligible ? ' Cash deposits count.' : ''}`,
  },
  {
    id: 'eligibleMonthly',
    name: 'Eligible credits, average month',
    policy: ['partialMonths', 'cashDepositsEligible'],
    define: (p) => `Eligible credits ${monthsWords(p)}.`,
  },
  {
    id: 'averageMonthlyCredits',
    name: 'Average monthly credits',
    policy: ['partialMonths'],
    define: (p) => `Total credits ${monthsWords(p)}.`,
  },
  {
    id: 'ownTransfersIn',
    name: 'Own-account transfers in',
    policy: [],
    define: () =>
      "Credits from the applicant's own accounts and sister concerns: those FinBox marks self_transfer or lists in self_and_sister_transactions (whether or not the other account is in the session), and credits matching a debit of the same amount in another account of the session at most 2 days earlier. Not income.",
  },
  {
    id: 'loanDisbursals',
    name: 'Loan disbursals',
    policy: [],
    define: () =>
      "Credits of loan money: FinBox's loan_disbursal or lender_transaction on a credit, FinBox's lender_transactions list, disbursal wording, or a known lender's name on a credit of ₹10,000 or more. Not income.",
  },
  {
    id: 'reversals',
    name: 'Reversals and returns',
    policy: [],
    define: () =>
      "Credits that give back one of the applicant's own debits that failed (a returned EMI, mandate or cheque), and deposited cheques taken back. Not income.",
  },
  {
    id: 'refunds',
    name: 'Refunds',
    policy: [],
    define: () =>
      'Credits FinBox or the narration marks as a refund, reversal, cashback or chargeback. Not income.',
  },
  {
    id: 'reviewerExcluded',
    name: 'Excluded by the reviewer',
    policy: [],
    define: () => 'Credits a reviewer took out of eligible credits, each with its reason.',
  },
  {
    id: 'cashDeposits',
    name: 'Cash deposits',
    policy: [],
    define: () =>
      'Credits FinBox marks cash_deposit (or cash_deposit_machine), or whose narration says cash was paid in (BY CASH, CASH DEP, CDM).',
  },
  {
    id: 'cashWithdrawals',
    name: 'Cash withdrawals',
    policy: [],
    define: () =>
      "Debits FinBox marks cash_withdrawl (FinBox's spelling), cash_withdrawal or ATM, or whose narration says cash was taken out (ATM WDL, ATM-CASH, NWD, CASH WDL, a self cheque).",
  },
  {
    id: 'cashShare',
    name: 'Cash % of credits',
    policy: [],
    define: () => 'Cash deposits as a share of total credits, by amount.',
  },
  {
    id: 'cashWithdrawalShare',
    name: 'Cash % of debits',
    policy: [],
    define: () => 'Cash withdrawals as a share of total debits, by amount.',
  },
  {
    id: 'abb',
    name: 'ABB',
    policy: ['abbDays', 'partialMonths'],
    define: (p) =>
      `Average bank balance: for each month, the mean of the end-of-day balances on ${ABB_DAY_SET_LABELS[p.abbDays]} (FinBox's EOD series; where it sent none for a month, the running balance of the day's last transaction, carried over days without one up to the statement's last day; a day without a balance, before the first transaction, is left out, never counted as zero). The period ABB is the months' ABBs averaged over the months the statements cover: ${partialWords(p)}.`,
  },
  {
    id: 'abbThree',
    name: 'ABB (5/15/25)',
    policy: ['partialMonths'],
    define: (p) =>
      `As ABB, on the 5th, 15th and 25th of each month; the period figure weighs months as ABB does (${p.partialMonths === 'prorate' ? 'partial months pro-rated' : 'partial months left out'}).`,
  },
  {
    id: 'averageBalance',
    name: 'Average balance',
    policy: [],
    define: () =>
      "The mean of every day's end-of-day balance in the period, days without a balance left out.",
  },
  {
    id: 'minBalance',
    name: 'Minimum balance',
    policy: [],
    define: () => 'The lowest end-of-day balance in the period, and the day it fell on.',
  },
  {
    id: 'maxBalance',
    name: 'Maximum balance',
    policy: [],
    define: () => 'The highest end-of-day balance in the period, and the day it fell on.',
  },
  {
    id: 'negativeDays',
    name: 'Days negative',
    policy: [],
    define: () =>
      'Days whose end-of-day balance is below zero, counted per account (never added across accounts). On an account with no overdraft limit, a negative balance is a data-trust warning.',
  },
  {
    id: 'overdrawnDays',
    name: 'Days beyond the limit',
    policy: [],
    define: () =>
      "Days whose end-of-day balance is below minus the account's overdraft limit (below zero when it has none).",
  },
  {
    id: 'odPeak',
    name: 'Overdraft used, peak',
    policy: [],
    define: () =>
      'The most of the overdraft or credit limit drawn on any day: the lowest negative end-of-day balance over the limit.',
  },
  {
    id: 'odAverage',
    name: 'Overdraft used, average',
    policy: [],
    define: () =>
      'The average share of the overdraft or credit limit drawn, over every day with a balance (a positive balance draws none).',
  },
  {
    id: 'emiHonoured',
    name: 'EMIs honoured',
    policy: [],
    define: () =>
      `How many EMI debits stood (a count; their amount is shown beside it). An EMI debit is ${EMI_WORDS}. A debit that came back (a return of the same amount within 10 days) is bounced, not honoured.`,
  },
  {
    id: 'emiHonouredAmount',
    name: 'EMIs honoured, amount',
    policy: [],
    define: () => 'The amount of the EMI debits honoured (see EMIs honoured).',
  },
  {
    id: 'emiBounced',
    name: 'EMIs bounced',
    policy: [],
    define: () =>
      'How many EMI debits were presented and returned: the debit paired with a return credit of the same amount at most 10 days later. A returned EMI is not counted as paid anywhere.',
  },
  {
    id: 'mandateDebits',
    name: 'Other mandate debits',
    policy: [],
    define: () =>
      'ECS/NACH/auto-debit mandates that are not EMIs (SIPs, insurance premiums, utilities), not returned.',
  },
  {
    id: 'mandateBounced',
    name: 'Other mandates bounced',
    policy: [],
    define: () => 'Mandate debits other than EMIs that were presented and returned.',
  },
  {
    id: 'inwardReturns',
    name: 'Inward returns',
    policy: [],
    define: () =>
      "The applicant's own cheques and ECS/NACH mandates that came back unpaid (FinBox's inward_cheque_bounce, auto_debit_payment_bounce, and return wording with an instrument): a sign of stress.",
  },
  {
    id: 'outwardReturns',
    name: 'Outward returns',
    policy: [],
    define: () => 'Cheques the applicant deposited that came back (FinBox outward_cheque_bounce).',
  },
  {
    id: 'allReturns',
    name: 'All returns',
    policy: [],
    define: () =>
      'Every return: inward, outward and those whose direction the statement does not tell.',
  },
  {
    id: 'returnCharges',
    name: 'Return charges',
    policy: [],
    define: () => 'Charges the bank levied for returns (RTN CHGS, bounce charges).',
  },
  {
    id: 'penalCharges',
    name: 'Penal charges',
    policy: [],
    define: () =>
      'Penalties other than return charges: minimum balance not kept, late payment, overdue charges (FinBox penalty_charge).',
  },
  {
    id: 'salaryAverage',
    name: 'Salary, average month',
    policy: [],
    define: () =>
      "Salary credits (FinBox's salary_transactions; else credits marked salary; else, for an individual, a regular monthly credit of ₹5,000 or more) summed by the month they were credited, averaged over the months with salary. FinBox's salary_month is shown beside a credit where it names another month.",
  },
  {
    id: 'salaryEmployer',
    name: 'Employer',
    policy: [],
    define: () =>
      "FinBox's employer_name, else the counterparty named in the narration; a payment-rail prefix (NEFT, IMPS...) or Cash is never an employer.",
  },
  {
    id: 'salaryMissing',
    name: 'Months without salary',
    policy: [],
    define: () =>
      'Months the statements cover, from the first salary on, in which no salary was credited.',
  },
  {
    id: 'balanceBreaks',
    name: 'Balance breaks',
    policy: [],
    define: () =>
      'Places where a stated balance does not follow from the previous stated balance plus the credits and less the debits in between (an entry without a balance carries the chain to the next one).',
  },
  {
    id: 'gaps',
    name: 'Gaps',
    policy: [],
    define: () =>
      'Stretches of more than 10 days without a transaction, each with the FinBox missing_data range that explains it, if any.',
  },
  {
    id: 'duplicates',
    name: 'Possible duplicates',
    policy: [],
    define: () =>
      'Entries of the same day and amount with the same hash, or the same type, narration, reference and balance.',
  },
];

const BY_ID = new Map(DEFINITIONS.map((d) => [d.id, d]));

/** Every definition, in the order the figures are listed. */
export function figureDefinitions(): readonly FigureDefinition[] {
  return DEFINITIONS;
}

export function figureDefinition(id: FigureId): FigureDefinition {
  return BY_ID.get(id)!;
}

/** A figure's name as labelled on every surface (the ABB names its days). */
export function figureName(id: FigureId, policy: CreditPolicy = DEFAULT_POLICY): string {
  return id === 'abb' ? abbLabel(policy.abbDays) : BY_ID.get(id)!.name;
}

/** A figure's definition for a policy, ending with the policy that made it. */
export function defineFigure(id: FigureId, policy: CreditPolicy = DEFAULT_POLICY): string {
  const d = BY_ID.get(id)!;
  return d.policy.length > 0 ? `${d.define(policy)} (${policy.name}.)` : d.define(policy);
}

export function isFigureId(key: string): key is FigureId {
  return BY_ID.has(key as FigureId);
}
