// What a generated session is made of: the accounts, their date ranges and the events
// planted in them (salary, EMIs, bounces, own-account transfers...). The planted events
// are reported back so tests can check that insights find exactly them.
import type { CalendarDate } from '@shared/model/calendar';

export interface SalaryPlan {
  readonly employer: string;
  /** Rupees. */
  readonly amount: number;
  readonly day: number;
}

export interface EmiPlan {
  readonly lender: string;
  readonly loanNo: string;
  readonly amount: number;
  readonly day: number;
}

export interface AccountPlan {
  readonly holder: string;
  readonly category: 'individual' | 'corporate';
  readonly bank: string;
  readonly accountNumber: string;
  readonly ifsc: string | null;
  readonly micr: string | null;
  readonly kind: 'salaried' | 'business';
  readonly firstDate: CalendarDate;
  readonly lastDate: CalendarDate;
  /** Everyday transactions besides the planted ones. */
  readonly everyday: number;
  readonly openingBalance: number;
  readonly odLimit?: number;
  readonly salary?: SalaryPlan;
  readonly emis?: readonly EmiPlan[];
  readonly chequeBounces?: number;
  readonly autoDebitBounces?: number;
  readonly loanDisbursal?: {
    readonly lender: string;
    readonly loanNo: string;
    readonly amount: number;
  };
  /** Dates with no statement coverage: reported in `missing_data`, no transactions. */
  readonly missingGap?: { readonly from: CalendarDate; readonly to: CalendarDate };
  /** Plant statement fraud: an untrusted PDF author and one tampered balance. */
  readonly fraud?: boolean;
  readonly statements?: number;
}

export interface OwnTransferPlan {
  /** Indexes into `accounts`. */
  readonly from: number;
  readonly to: number;
  readonly count: number;
}

export interface SessionPlan {
  readonly seed: string;
  readonly sessionId: string;
  readonly accounts: readonly AccountPlan[];
  readonly ownTransfers?: readonly OwnTransferPlan[];
}

export interface PlantedBounce {
  readonly kind: 'inward_cheque' | 'auto_debit';
  readonly originalHash: string;
  readonly returnHash: string;
  readonly chargeHash: string;
}

export interface PlantedAccount {
  readonly accountId: string;
  readonly salary: string[];
  readonly emis: string[];
  readonly bounces: PlantedBounce[];
  readonly loanDisbursals: string[];
  readonly balanceBreaks: { hash: string; expected: number; found: number }[];
}

export interface PlantedTransfer {
  readonly date: CalendarDate;
  readonly amount: number;
  readonly debitAccountId: string;
  readonly debitHash: string;
  readonly creditAccountId: string;
  readonly creditHash: string;
}

export interface Planted {
  readonly accounts: PlantedAccount[];
  readonly ownTransfers: PlantedTransfer[];
}
