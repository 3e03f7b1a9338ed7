// Words for the kinds and rules the insights report, as the Insights tab and sheet show them.
import { channelName } from '../format/channel-names';
import { fieldLabel } from '../format/field-labels';
import type {
  BounceItem,
  Cadence,
  CreditExclusionReason,
  ObligationItem,
  ObligationKind,
  SalaryInsights,
  SessionMonthFlow,
} from './types';

export const BOUNCE_KIND: Record<BounceItem['kind'], string> = {
  cheque_return: 'Cheque return',
  auto_debit_return: 'ECS/NACH/auto-debit return',
  bounce_charge: 'Return charge',
  penalty_charge: 'Penal charge',
};

export const DIRECTION: Record<'inward' | 'outward', string> = {
  inward: 'Inward (holder’s own)',
  outward: 'Outward (deposited)',
};

export const OBLIGATION_KIND: Record<ObligationKind, string> = {
  emi: 'EMI / loan debit',
  mandate_debit: 'Other mandate debit',
  loan_disbursal: 'Loan disbursal',
};

export const CADENCE: Record<Cadence, string> = {
  weekly: 'Weekly',
  fortnightly: 'Fortnightly',
  monthly: 'Monthly',
  quarterly: 'Quarterly',
};

export const SALARY_SOURCE: Record<SalaryInsights['source'], string> = {
  salary_transactions: 'BankConnect’s salary transactions',
  marked: 'credits the statement marks as salary',
  recurring: 'a regular monthly credit (probable salary, not marked as such)',
  none: 'none found',
};

/**
 * `narration:RTN` -> `narration says “RTN”`; `channel:inward_cheque_bounce` -> `FinBox's
 * channel “Inward cheque return”`; `description:emi` -> `FinBox's description “EMI”`.
 */
export function ruleLabel(rule: string): string {
  const at = rule.indexOf(':');
  if (at < 0) return rule;
  const source = rule.slice(0, at);
  const value = rule.slice(at + 1);
  // Our own match reads as such; the others name the FinBox field that said so, in words.
  if (source === 'narration') return `narration says “${value}”`;
  if (source === 'channel') return `FinBox's channel “${channelName(value)}”`;
  return `FinBox's ${source} “${fieldLabel(value)}”`;
}

export const EXCLUSION_REASON: Record<CreditExclusionReason, string> = {
  own_transfer: 'Own-account transfers',
  loan_disbursal: 'Loan disbursals',
  reversal: 'Reversals and returns',
  refund: 'Refunds',
  cash_deposit: 'Cash deposits (not eligible under the policy)',
  reviewer: 'Excluded by the reviewer',
};

export type SessionFlowKey = Exclude<keyof SessionMonthFlow, 'month'>;

/** The session's month-by-month flows, in the order the Insights tab and sheet show them. */
export const SESSION_FLOW: Record<SessionFlowKey, string> = {
  credits: 'Credits',
  ownTransferCredits: 'of which from own accounts',
  externalCredits: 'Credits from others',
  debits: 'Debits',
  ownTransferDebits: 'of which to own accounts',
  externalDebits: 'Debits to others',
};

export const SESSION_FLOW_KEYS = Object.keys(SESSION_FLOW) as SessionFlowKey[];

/** `Honoured`, or `Bounced` for a debit that came back. */
export function obligationOutcome(item: ObligationItem): string {
  if (item.kind === 'loan_disbursal') return 'Received';
  return item.returnedBy === null ? 'Honoured' : 'Bounced (returned)';
}
