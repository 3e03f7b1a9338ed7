// Plain-language names and explanations of the fraud types FinBox reports. Unknown types
// still show, by the words of their name, with a generic explanation.
import { fieldLabel } from './field-labels';

const EXPLANATIONS: Readonly<Record<string, string>> = {
  author_fraud:
    'The statement PDF was produced by software that banks do not use: it may have been edited or made outside the bank.',
  date_fraud:
    'Dates in the statement are out of order or impossible (for example a transaction dated before the previous one, or after the statement was generated).',
  transaction_fraud: 'A transaction in the statement looks altered or invented.',
  inconsistent_transaction:
    'The balance after this transaction does not follow from the previous balance and the amount: a row may have been edited, added or removed.',
  more_cash_deposits_than_salary:
    'Cash deposits are larger than the salary credits: income may be inflated with cash.',
  salary_remains_unchanged:
    'The salary is exactly the same every month, down to the rupee: unusual for real payrolls with deductions.',
  salary_1000_multiple:
    'Salary credits are exact multiples of ₹1,000: real salaries after deductions rarely are.',
  mostly_cash_transactions:
    'Most transactions are in cash, so the flows cannot be traced to counterparties.',
  equal_credit_debit:
    'Credits and debits are nearly equal: money may be passing straight through the account (round-tripping).',
  negative_balance:
    'The end-of-day balance goes below zero on some days: compare it with the account’s overdraft limit.',
  tax_100_multiple: 'Tax debits are exact multiples of ₹100: real tax deductions rarely are.',
  min_rtgs_amount:
    'An RTGS transfer is below the RTGS minimum of ₹2,00,000: such a transfer cannot be real.',
};

const CATEGORIES: Readonly<Record<string, string>> = {
  metadata: 'From the statement file itself (author, producer, dates)',
  accounting: 'The statement’s arithmetic does not add up',
  transactional: 'From individual transactions',
  behavioural: 'From the pattern of the account’s activity',
};

export function fraudExplanation(fraudType: string): string {
  return (
    EXPLANATIONS[fraudType] ??
    'A fraud check reported by BankConnect; this viewer has no description for this type yet.'
  );
}

export function isKnownFraudType(fraudType: string): boolean {
  return fraudType in EXPLANATIONS;
}

/** `inconsistent_transaction` -> `Inconsistent transaction`; `min_rtgs_amount` -> `Minimum RTGS amount`. */
export function fraudTypeLabel(fraudType: string): string {
  const key = fraudType.trim();
  return key === '' ? '—' : fieldLabel(key);
}

const CATEGORY_LABELS: Readonly<Record<string, string>> = {
  metadata: 'Statement file',
  accounting: 'Arithmetic',
  transactional: 'Transaction',
  behavioural: 'Behaviour',
};

/** FinBox's fraud category (`metadata`, `accounting`...) as a reader names it. */
export function fraudCategoryLabel(category: string): string {
  return CATEGORY_LABELS[category.trim().toLowerCase()] ?? fieldLabel(category);
}

export function fraudCategoryHint(category: string | null): string | null {
  return category ? (CATEGORIES[category] ?? null) : null;
}
