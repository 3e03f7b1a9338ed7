// Every rule and threshold the insights use, in one place, each with what it follows.
// Changing a figure's meaning means changing it here; the insight files only apply these.

// ---------------------------------------------------------------------------------------
// Values of `transaction_channel` and `description` (FinBox's fixed lists: the BankConnect
// appendix and the values seen in responses). Compared lower-cased.

/** Channels and descriptions meaning cash paid in (FinBox `cash_deposit`). */
export const CASH_DEPOSIT_VALUES: ReadonlySet<string> = new Set([
  'cash_deposit',
  'cash_deposit_machine',
]);
/**
 * Channels and descriptions meaning cash taken out: FinBox spells its channel
 * `cash_withdrawl`; `cash_withdrawal` and ATM values are other spellings seen.
 */
export const CASH_WITHDRAWAL_VALUES: ReadonlySet<string> = new Set([
  'cash_withdrawl',
  'cash_withdrawal',
  'atm_withdrawal',
  'atm_withdrawl',
  'atm',
]);
/**
 * The account holder's own cheque presented and returned: FinBox's `inward_cheque_bounce`
 * ("credit when the cheque bounces and money is credited back") and the description
 * `chq_bounce_insuff_funds` behind its `total_inward_chq_bounces_insuff_fund` predictor.
 */
export const INWARD_CHEQUE_RETURN_VALUES: ReadonlySet<string> = new Set([
  'inward_cheque_bounce',
  'chq_bounce_insuff_funds',
  'inward_chq_bounce',
]);
/** A cheque the holder deposited, returned: FinBox's `outward_cheque_bounce`. */
export const OUTWARD_CHEQUE_RETURN_VALUES: ReadonlySet<string> = new Set([
  'outward_cheque_bounce',
  'outward_chq_bounce',
  'chq_bounce_others',
]);
/** An ECS/NACH or auto-debit mandate presented and returned: FinBox's `auto_debit_payment_bounce`. */
export const AUTO_DEBIT_RETURN_VALUES: ReadonlySet<string> = new Set([
  'auto_debit_payment_bounce',
  'ach_bounce',
  'ecs_bounce',
  'nach_bounce',
]);
/** Charges the bank levies for a return (FinBox descriptions). */
export const BOUNCE_CHARGE_VALUES: ReadonlySet<string> = new Set([
  'chq_bounce_charge',
  'ach_bounce_charge',
  'ecs_bounce_charge',
  'nach_bounce_charge',
  'bounce_charge',
]);
/** Penal charges (FinBox `penalty_charge`, minimum-balance charges). */
export const PENALTY_VALUES: ReadonlySet<string> = new Set([
  'penalty_charge',
  'min_bal_charge',
  'minimum_balance_charge',
]);
/**
 * EMI and loan repayments (FinBox descriptions and channels). On a debit, FinBox's
 * `lender_transaction` is a repayment to a lender, whoever the lender is.
 */
export const EMI_VALUES: ReadonlySet<string> = new Set([
  'emi',
  'emi_payment',
  'loan',
  'loan_repayment',
  'lender_transaction',
]);
/**
 * FinBox categories of a repayment debit ("EMI Payment", "Loan EMI", "Loan Repayment"):
 * a lower-cased category containing one of these words.
 */
export const EMI_CATEGORY_PATTERN = /\b(emi|loan)\b/;
/** Auto-debit mandates (FinBox `auto_debit_payment`): EMIs, SIPs, insurance premiums. */
export const MANDATE_DEBIT_VALUES: ReadonlySet<string> = new Set(['auto_debit_payment']);
/** Loan money coming in (FinBox `loan_disbursal`, `lender_transaction` on a credit). */
export const LOAN_DISBURSAL_VALUES: ReadonlySet<string> = new Set([
  'loan_disbursal',
  'loan_disbursement',
  'lender_transaction',
  'loan',
]);
/** Salary credits (FinBox `salary` channel and description). */
export const SALARY_VALUES: ReadonlySet<string> = new Set(['salary']);
/**
 * Transfers the statement itself marks as between the holder's accounts: FinBox's
 * `self_transfer` channel or description. Such a credit is not income and such a debit
 * not a payee, whether or not the other account is in the session.
 */
export const SELF_TRANSFER_VALUES: ReadonlySet<string> = new Set(['self_transfer']);

// ---------------------------------------------------------------------------------------
// Narration patterns, for banks and responses whose channel says only `Other`. They follow
// the wording of Indian bank statements (SBI, HDFC, ICICI, Axis, Central Bank samples).

/** Cash in: `BY CASH`, `CASH DEP`, `CDM`, `CASH DEPOSIT`. */
export const CASH_DEPOSIT_PATTERN =
  /\b(BY CASH|CASH\s*DEP[A-Z]*|CASH\s*CR|CDM|CASHRC|CASH DEPOSIT)\b/i;
/** Cash out: ATM (`ATM WDL`, `ATM-CASH-AXIS`, `ATW`, `NWD`), `CASH WDL`, and self cheques (`CSH(CHQ) ... SELF`). */
export const CASH_WITHDRAWAL_PATTERN =
  /\b(ATM[\s-]*(WDL|CASH|WD)|ATW|NWD|CASH\s*(WDL|WITHDRAWAL|PAID)|CHQ PAID TO SELF|SELF\s*CHQ|CASH\s*CHQ)\b|\bCSH\s*\(CHQ\)/i;
/** Unambiguous return words: any of these marks a return (or its charge). */
export const BOUNCE_STRONG_PATTERN =
  /\b(BOUNCE[DS]?|BOUNCING|DISHONOU?R(ED)?|INSUFF[A-Z]*|FUNDS? INSUFFICIENT|EXCEEDS ARRANGEMENT)\b/i;
/** Return words that need an instrument word too: `RETURN` alone is also a shop refund. */
export const RETURN_WORD_PATTERN = /\b(RTN|RTND|RET|RETN|RETURN(ED|S)?|REJECT(ED)?|UNPAID)\b/i;
/** Instruments whose return is a bounce: cheque, clearing, ECS, NACH, ACH, mandate. */
export const RETURN_INSTRUMENT_PATTERN =
  /\b(CHQ|CHEQUE|CLG|CLEARING|ECS|NACH|ACH|MANDATE|SI|I\/W|O\/W|IW|OW|INWARD|OUTWARD)\b/i;
/** ECS/NACH/ACH mandates, for telling an auto-debit return from a cheque return. */
export const MANDATE_PATTERN = /\b(ECS|NACH|ACH|MANDATE|AUTO\s*DEBIT|SI)\b/i;
/** Direction words banks print on returns: inward = the holder's cheque came back. */
export const INWARD_PATTERN = /\b(I\/W|IW|INWARD|INW)\b/i;
export const OUTWARD_PATTERN = /\b(O\/W|OW|OUTWARD|OUTW)\b/i;
/** A charge rather than the returned item itself. */
export const CHARGE_PATTERN = /\b(CHG|CHGS|CHRG|CHRGS|CHARGE|CHARGES|FEE|FEES|GST)\b/i;
/** Penal charges: penalty, minimum or average balance not kept, late payment. */
export const PENALTY_PATTERN =
  /\b(PENAL[A-Z]*|MIN(IMUM)?\s*BAL[A-Z]*|NON[\s-]?MAINT[A-Z]*|AMB\s*(CHG|CHARGES?)|LATE\s*(PAYMENT\s*)?(FEE|CHG|CHARGES?)|OVERDUE\s*(INT|CHG|CHARGES?))\b/i;
/** EMI and loan repayments. */
export const EMI_PATTERN =
  /\b(EMI|LOAN|LN\s*(REPAY[A-Z]*|RECOVERY|INST[A-Z]*)|REPAYMENT|INSTAL+MENT|EQUATED)\b/i;
/** Loan money in: disbursal wording. */
export const LOAN_DISBURSAL_PATTERN =
  /\b(DISB[A-Z]*|LOAN\s*(CR|CREDIT|AMT|A\/C)|SANCTION[A-Z]*)\b/i;
/**
 * Lenders whose name on a debit marks a loan repayment and on a large credit a disbursal
 * (banks' NBFC arms and the largest NBFCs and fintech lenders in India).
 */
export const LENDER_PATTERN =
  /\b(BAJAJ\s*FIN[A-Z]*|HDB\s*FIN[A-Z]*|TATA\s*CAP[A-Z]*|FULLERTON|MUTHOOT|MANAPPURAM|L\s*&\s*T\s*FIN[A-Z]*|MAHINDRA\s*FIN[A-Z]*|SHRIRAM|CHOLAMANDALAM|IIFL|ADITYA\s*BIRLA\s*FIN[A-Z]*|POONAWALLA|KREDITBEE|MONEYVIEW|LENDINGKART|INDIABULLS|PIRAMAL|HERO\s*FINCORP|CAPITAL\s*FLOAT|HOME\s*CREDIT)\b/i;
/** Salary wording; `\bSAL\b` and not `SALE`. */
export const SALARY_PATTERN = /\b(SALARY|SAL|SALARIES|PAYROLL|SAL\s*CR|STIPEND)\b/i;
/** Transfers the narration marks as the holder's own. */
export const SELF_TRANSFER_PATTERN = /\b(SELF|OWN\s*A\/?C|OWN\s*ACCOUNT|SWEEP)\b/i;

// ---------------------------------------------------------------------------------------
// Thresholds.

/**
 * Recurring series: at least 3 payments with the same counterparty and type, amounts
 * within 10% of the series' median, and at least 75% of the intervals within the
 * cadence's tolerance. Cadences follow how Indian payments recur (weekly wages, fortnightly
 * payroll, monthly EMIs/rent/salary, quarterly premiums).
 */
export const RECURRING_MIN_OCCURRENCES = 3;
export const RECURRING_AMOUNT_TOLERANCE = 0.1;
export const RECURRING_REGULAR_SHARE = 0.75;
export const CADENCES: readonly {
  readonly name: 'weekly' | 'fortnightly' | 'monthly' | 'quarterly';
  readonly days: number;
  readonly tolerance: number;
}[] = [
  { name: 'weekly', days: 7, tolerance: 1 },
  { name: 'fortnightly', days: 14, tolerance: 2 },
  // Month lengths (28-31) and weekend/holiday shifts of 2-3 days.
  { name: 'monthly', days: 30, tolerance: 5 },
  { name: 'quarterly', days: 91, tolerance: 10 },
];

/**
 * Salary regularity: salary in at least 75% of the covered months, no month's total more
 * than 20% from the median month, and credit days within 7 days of each other (pay days
 * move with weekends and holidays).
 */
export const SALARY_REGULAR_MONTH_SHARE = 0.75;
export const SALARY_AMOUNT_TOLERANCE = 0.2;
export const SALARY_DAY_SPREAD = 7;
/**
 * When the statement marks no salary, a monthly recurring credit of at least this much is
 * reported as probable salary (individual accounts only: for a business every monthly
 * customer receipt would qualify).
 */
export const SALARY_DETECTED_MIN_AMOUNT = 5000;

/** Top payers and payees listed per account and for the session. */
export const TOP_COUNTERPARTIES = 10;

/**
 * Own-account transfers: a debit in one of the session's accounts and a credit of the
 * same amount (to the paisa) in another, dated at most 2 days apart (NEFT settles next
 * working day; a weekend adds one more). Amounts below ₹1,000 are left out. A pair with
 * nothing else tying it to the holder (self words, the other account's number, the
 * holder's name) counts only from ₹25,000: below that, everyday UPI payments of equal
 * amounts on the same day coincide by chance (seen in generated sessions at ₹2,744).
 */
export const OWN_TRANSFER_MAX_DAYS = 2;
export const OWN_TRANSFER_MIN_AMOUNT = 1000;
export const OWN_TRANSFER_UNSUPPORTED_MIN_AMOUNT = 25000;

/**
 * Circular flows (round-tripping): money out to a party and back from it (or in and back
 * out) within 7 days, the two amounts within 1% of each other (the same money, less a
 * charge), from ₹10,000. A looser rule (90%, ₹1,000) flagged thousands of everyday UPI
 * exchanges with friends and family in generated sessions: noise, not round-tripping.
 */
export const CIRCULAR_MAX_DAYS = 7;
export const CIRCULAR_MIN_SHARE_BACK = 0.99;
export const CIRCULAR_MIN_AMOUNT = 10000;

/**
 * Integrity: a stretch of more than 10 days without any transaction is reported as a gap
 * (most accounts move at least every few days; quieter accounts show as gaps the
 * underwriter judges against `missing_data`).
 */
export const GAP_MIN_DAYS = 10;
/** Loan disbursal from a lender's name alone needs at least this credit (not a refund). */
export const LENDER_DISBURSAL_MIN_AMOUNT = 10000;

/**
 * A return (ECS/NACH/auto-debit or cheque) is paired with the entry it gives back: the
 * opposite entry of the same amount to the paisa, at most 10 days earlier (banks return a
 * mandate the same or the next working day; a cheque within its clearing cycle).
 */
export const RETURN_PAIR_MAX_DAYS = 10;

/**
 * Refunds and reversals of purchases or charges are money given back, not income
 * (FinBox descriptions `refund`, `reversal`; narrations `REFUND`, `REV`, `REVERSAL`,
 * `CASHBACK`, `CHARGEBACK`).
 */
export const REFUND_VALUES: ReadonlySet<string> = new Set([
  'refund',
  'reversal',
  'charge_reversal',
  'cashback',
]);
export const REFUND_PATTERN =
  /\b(REFUND(ED)?|RFND|REVERSAL|REVERSED|REV|CASHBACK|CASH\s*BACK|CHARGEBACK)\b/i;
