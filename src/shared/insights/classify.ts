// What one transaction is, by the rules in rules.ts: cash, a return or its charge, a
// penalty, an EMI or mandate debit, a loan disbursal, salary. The statement's own channel
// and description values win; narration patterns catch banks that send `Other`.
import type { AccountView, TransactionView } from '../model/view-model';
import type { BounceKind, ObligationKind } from './types';
import * as rules from './rules';

// Imported bindings are read once into locals: run from source (the tests, `npm run bench`
// under tsx) each use of an imported binding is a getter call, too slow for the
// per-transaction loops.
const {
  AUTO_DEBIT_RETURN_VALUES,
  BOUNCE_CHARGE_VALUES,
  BOUNCE_STRONG_PATTERN,
  CASH_DEPOSIT_PATTERN,
  CASH_DEPOSIT_VALUES,
  CASH_WITHDRAWAL_PATTERN,
  CASH_WITHDRAWAL_VALUES,
  CHARGE_PATTERN,
  EMI_CATEGORY_PATTERN,
  EMI_PATTERN,
  EMI_VALUES,
  INWARD_CHEQUE_RETURN_VALUES,
  INWARD_PATTERN,
  LENDER_DISBURSAL_MIN_AMOUNT,
  LENDER_PATTERN,
  LOAN_DISBURSAL_PATTERN,
  LOAN_DISBURSAL_VALUES,
  MANDATE_DEBIT_VALUES,
  MANDATE_PATTERN,
  OUTWARD_CHEQUE_RETURN_VALUES,
  OUTWARD_PATTERN,
  PENALTY_PATTERN,
  PENALTY_VALUES,
  RETURN_INSTRUMENT_PATTERN,
  RETURN_WORD_PATTERN,
  SALARY_PATTERN,
  SALARY_VALUES,
  SELF_TRANSFER_PATTERN,
  SELF_TRANSFER_VALUES,
} = rules;

// Channels, descriptions and categories come from short fixed lists: lower-case each
// distinct value once.
const lowered = new Map<string, string>();
function lower(s: string): string {
  let l = lowered.get(s);
  if (l === undefined) {
    l = s.trim().toLowerCase();
    if (lowered.size < 10_000) lowered.set(s, l);
  }
  return l;
}

/** The parts of a transaction the rules read, lower-cased once. */
export interface Facts {
  readonly type: TransactionView['type'];
  readonly amount: number;
  readonly channel: string;
  readonly description: string;
  readonly category: string;
  readonly narration: string;
  /** False when the narration has none of the rules' words: its patterns need not run. */
  readonly keywords: boolean;
  /** False when neither channel nor description is in any of the rules' value lists. */
  readonly valued: boolean;
}

const ANY_VALUE: ReadonlySet<string> = new Set(
  [
    CASH_DEPOSIT_VALUES,
    CASH_WITHDRAWAL_VALUES,
    INWARD_CHEQUE_RETURN_VALUES,
    OUTWARD_CHEQUE_RETURN_VALUES,
    AUTO_DEBIT_RETURN_VALUES,
    BOUNCE_CHARGE_VALUES,
    PENALTY_VALUES,
    EMI_VALUES,
    MANDATE_DEBIT_VALUES,
    LOAN_DISBURSAL_VALUES,
    SALARY_VALUES,
    SELF_TRANSFER_VALUES,
  ].flatMap((set) => [...set]),
);

const ANY_KEYWORD = new RegExp(
  [
    CASH_DEPOSIT_PATTERN,
    CASH_WITHDRAWAL_PATTERN,
    BOUNCE_STRONG_PATTERN,
    RETURN_WORD_PATTERN,
    PENALTY_PATTERN,
    EMI_PATTERN,
    MANDATE_PATTERN,
    LOAN_DISBURSAL_PATTERN,
    LENDER_PATTERN,
    SALARY_PATTERN,
    SELF_TRANSFER_PATTERN,
  ]
    .map((p) => `(?:${p.source})`)
    .join('|'),
  // Tested on the upper-cased narration: case-sensitive matching is several times faster.
);

/** `upper` is the narration upper-cased, when the caller has it already. */
export function factsOf(t: TransactionView, upper: string = t.narration.toUpperCase()): Facts {
  const channel = lower(t.channel);
  const description = lower(t.description);
  return {
    type: t.type,
    amount: t.amount,
    channel,
    description,
    category: lower(t.category),
    narration: upper,
    keywords: ANY_KEYWORD.test(upper),
    valued: ANY_VALUE.has(channel) || ANY_VALUE.has(description),
  };
}

/** `channel:x` or `description:x` when either value is in the set. */
function valueRule(t: Facts, set: ReadonlySet<string>): string | null {
  if (!t.valued) return null;
  if (set.has(t.channel)) return `channel:${t.channel}`;
  if (set.has(t.description)) return `description:${t.description}`;
  return null;
}

/** The pattern's match as a rule, when the narration has any keyword at all. */
function narrationMatch(t: Facts, pattern: RegExp): string | null {
  if (!t.keywords) return null;
  const match = pattern.exec(t.narration);
  return match ? `narration:${match[0].toUpperCase()}` : null;
}

export type CashKind = 'deposit' | 'withdrawal';

export function cashKind(t: Facts): CashKind | null {
  if (t.type === 'credit')
    return valueRule(t, CASH_DEPOSIT_VALUES) || narrationMatch(t, CASH_DEPOSIT_PATTERN)
      ? 'deposit'
      : null;
  return valueRule(t, CASH_WITHDRAWAL_VALUES) || narrationMatch(t, CASH_WITHDRAWAL_PATTERN)
    ? 'withdrawal'
    : null;
}

export interface BounceMatch {
  readonly kind: BounceKind;
  readonly direction: 'inward' | 'outward' | null;
  readonly rule: string;
}

export function bounceOf(t: Facts): BounceMatch | null {
  const n = t.narration;
  const debit = t.type === 'debit';
  const penaltyRule = valueRule(t, PENALTY_VALUES);
  const chargeRule = valueRule(t, BOUNCE_CHARGE_VALUES);
  const inwardRule = valueRule(t, INWARD_CHEQUE_RETURN_VALUES);
  const outwardRule = valueRule(t, OUTWARD_CHEQUE_RETURN_VALUES);
  const autoRule = valueRule(t, AUTO_DEBIT_RETURN_VALUES);
  const returnWord = narrationMatch(t, RETURN_WORD_PATTERN);
  const narrated =
    narrationMatch(t, BOUNCE_STRONG_PATTERN) ??
    (returnWord && RETURN_INSTRUMENT_PATTERN.test(n) ? returnWord : null);
  const rule = chargeRule ?? inwardRule ?? outwardRule ?? autoRule ?? narrated;

  if (!rule) {
    if (!debit) return null;
    const penalty = penaltyRule ?? narrationMatch(t, PENALTY_PATTERN);
    return penalty ? { kind: 'penalty_charge', direction: null, rule: penalty } : null;
  }
  // From here the statement says it is a return or a return's charge: a `penalty_charge`
  // description on `CHQ RTN CHGS` is still the return's charge.

  const direction: 'inward' | 'outward' | null = inwardRule
    ? 'inward'
    : outwardRule
      ? 'outward'
      : INWARD_PATTERN.test(n)
        ? 'inward'
        : OUTWARD_PATTERN.test(n)
          ? 'outward'
          : null;
  if (chargeRule || (debit && CHARGE_PATTERN.test(n)))
    // A failed mandate's charge falls on the holder's own obligation.
    return { kind: 'bounce_charge', direction: direction ?? (autoRule ? 'inward' : null), rule };
  if (autoRule || (!inwardRule && !outwardRule && MANDATE_PATTERN.test(n)))
    // A returned mandate is the holder's own obligation failing.
    return { kind: 'auto_debit_return', direction: direction ?? 'inward', rule };
  // A cheque return without direction words: a credit gives back money the holder's own
  // cheque had taken (inward); a debit takes back a deposited cheque (outward).
  return { kind: 'cheque_return', direction: direction ?? (debit ? 'outward' : 'inward'), rule };
}

export interface ObligationMatch {
  readonly kind: ObligationKind;
  readonly rule: string;
}

export function obligationOf(t: Facts): ObligationMatch | null {
  if (t.type === 'credit') {
    const rule =
      valueRule(t, LOAN_DISBURSAL_VALUES) ??
      narrationMatch(t, LOAN_DISBURSAL_PATTERN) ??
      (t.amount >= LENDER_DISBURSAL_MIN_AMOUNT ? narrationMatch(t, LENDER_PATTERN) : null);
    return rule ? { kind: 'loan_disbursal', rule } : null;
  }
  const emi =
    valueRule(t, EMI_VALUES) ??
    (EMI_CATEGORY_PATTERN.test(t.category) ? `category:${t.category}` : null) ??
    narrationMatch(t, EMI_PATTERN) ??
    narrationMatch(t, LENDER_PATTERN);
  if (emi) return { kind: 'emi', rule: emi };
  const mandate = valueRule(t, MANDATE_DEBIT_VALUES) ?? narrationMatch(t, MANDATE_PATTERN);
  return mandate ? { kind: 'mandate_debit', rule: mandate } : null;
}

/** Why a credit counts as salary, or null. */
export function salaryRuleOf(t: Facts): string | null {
  if (t.type !== 'credit') return null;
  return (
    valueRule(t, SALARY_VALUES) ??
    (t.category.includes('salary') ? `category:${t.category}` : null) ??
    narrationMatch(t, SALARY_PATTERN)
  );
}

export function marksSelfTransfer(t: Facts): boolean {
  return (
    valueRule(t, SELF_TRANSFER_VALUES) !== null || narrationMatch(t, SELF_TRANSFER_PATTERN) !== null
  );
}

/**
 * The main list's indices of the transactions FinBox names in one of its flat lists
 * (`lender_transactions`, `self_and_sister_transactions`): matched by FinBox's own hash
 * only, never by a hash this app derived.
 */
export function listedByFinBox(account: AccountView, key: string): number[] {
  const txs = account.transactions;
  const set = account.transactionSets.find((s) => s.key === key);
  return (set?.transactions ?? []).flatMap((listed) => {
    const t = txs[listed.index];
    return t && !listed.hashDerived && t.hash === listed.hash ? [listed.index] : [];
  });
}

/** FinBox itself marks the transaction `self_transfer` (channel or description). */
export function finboxSelfTransfer(t: Pick<TransactionView, 'channel' | 'description'>): boolean {
  return (
    SELF_TRANSFER_VALUES.has(lower(t.channel)) || SELF_TRANSFER_VALUES.has(lower(t.description))
  );
}

export interface Classification {
  readonly cash: CashKind | null;
  readonly bounce: BounceMatch | null;
  readonly obligation: ObligationMatch | null;
  readonly salaryRule: string | null;
  readonly selfWords: boolean;
}

const NOTHING: Classification = {
  cash: null,
  bounce: null,
  obligation: null,
  salaryRule: null,
  selfWords: false,
};

export function classify(t: TransactionView, upper?: string): Classification {
  const facts = factsOf(t, upper);
  const bounce = bounceOf(facts);
  const cash = cashKind(facts);
  // A returned EMI is a bounce, not an EMI paid; a returned salary is not salary.
  const obligation = bounce ? null : obligationOf(facts);
  const salaryRule = bounce ? null : salaryRuleOf(facts);
  const selfWords = marksSelfTransfer(facts);
  if (!bounce && !cash && !obligation && !salaryRule && !selfWords) return NOTHING;
  return { cash, bounce, obligation, salaryRule, selfWords };
}
