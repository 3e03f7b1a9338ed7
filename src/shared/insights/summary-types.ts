// The shapes of the credit summary (summary.ts lays them out): figures by section, the
// statements, the data-trust verdict, and the session's figures across accounts.
import type { CalendarDate } from '../model/calendar';
import type { EodMonthView, MissingRange, StatusTone } from '../model/view-model';
import type { Figure, FigureKind } from './figures';
import type { ObligationsAnswer } from './obligations-answer';
import type { ReconciliationCounts } from './reconciliation';
import type { EligibleMonth } from './types';

/**
 * A figure the reviewer's adjustments changed (issue 16; src/shared/review/summary-adjustments.ts):
 * the figure as computed stays here, one click away, with the transactions taken out.
 */
export interface FigureAdjustment {
  readonly unadjusted: number | null;
  readonly unadjustedTrace: readonly number[];
  /** What the reviewer took out (positions in the account; amount: their sum or net effect). */
  readonly excluded: {
    readonly amount: number;
    readonly count: number;
    readonly indices: readonly number[];
  };
  /** `adjusted by the reviewer: 3 transactions, ₹4,20,000.00`. */
  readonly line: string;
}

export interface SummaryFigure extends Figure {
  /** Stable name for tests, the sheet and the memo: the figure's id in definitions.ts. */
  readonly key: string;
  /** How the figure is computed, in plain words, under the policy that made it. */
  readonly definition: string;
  /** Set when the reviewer's adjustments changed the figure (`value` is then the adjusted one). */
  readonly adjustment?: FigureAdjustment | undefined;
  readonly tone?: 'bad' | 'ok' | undefined;
  /** Some of its transactions come from a failed or flagged statement. */
  readonly caution: boolean;
  /** A short word beside the value (`of ₹10,00,000 limit`, `3 months`). */
  readonly note?: string | undefined;
}

export interface SummarySection {
  readonly title: string;
  /** `obligations`: the answer a summary leads with, laid out as a band of its own. */
  readonly key?: string | undefined;
  readonly figures: readonly SummaryFigure[];
}

export interface StatementSummary {
  readonly statementId: string;
  /** `PDF`, `Account Aggregator`, or as the API sent it; null when not told. */
  readonly source: string | null;
  readonly from: CalendarDate | null;
  readonly to: CalendarDate | null;
  readonly transactions: number;
  /** Page count when the API sent one. */
  readonly pages: number | null;
  readonly status: string | null;
  readonly tone: StatusTone;
  readonly message: string | null;
  /** Fraud types naming this statement, in words. */
  readonly fraud: readonly string[];
  readonly flagged: boolean;
}

export type TrustLevel = 'reliable' | 'caution' | 'unreliable';

export interface TrustReason {
  readonly severity: 'bad' | 'warn';
  readonly text: string;
  /** Transactions behind the reason, when it has some. */
  readonly trace: readonly number[];
  /** The account the trace is in (session-level reasons). */
  readonly accountId?: string | undefined;
}

export interface TrustVerdict {
  readonly level: TrustLevel;
  /** `Data can be relied on`, `Use with caution`, `Do not rely on this data`. */
  readonly label: string;
  readonly reasons: readonly TrustReason[];
}

export interface AccountSummary {
  readonly accountId: string;
  /** `ICICI Bank XXXXXXXX1234`. */
  readonly title: string;
  readonly holder: string | null;
  readonly bank: string | null;
  readonly maskedNumber: string;
  readonly category: string | null;
  readonly from: CalendarDate | null;
  readonly to: CalendarDate | null;
  readonly monthCount: number;
  readonly gaps: readonly MissingRange[];
  readonly statements: readonly StatementSummary[];
  readonly sections: readonly SummarySection[];
  readonly eligibleMonths: readonly EligibleMonth[];
  readonly fraud: readonly { readonly type: string; readonly statementId: string | null }[];
  readonly trust: TrustVerdict;
  /** The account itself failed to process: every figure is marked. */
  readonly failed: boolean;
  readonly odLimit: number | null;
  /** The name of the credit policy the figures follow. */
  readonly policy: string;
  /**
   * End-of-day balances by month as every balance figure reads them (FinBox's series, or
   * the running balances where it sent none), from the first to the last month with one.
   */
  readonly eod: readonly EodMonthView[];
  /** Obligations schedule, FOIR, ABB over EMI and the reconciliation, under `answer.policy`. */
  readonly answer: ObligationsAnswer;
}

export interface FigureParts {
  readonly accountId: string;
  readonly indices: readonly number[];
}

export interface SessionFigure {
  readonly key: string;
  readonly label: string;
  readonly kind: FigureKind;
  readonly value: number | string | null;
  readonly parts: readonly FigureParts[];
  readonly tone?: 'bad' | undefined;
  /** As for an account's figure: the figure as computed and what the reviewer took out. */
  readonly adjustment?:
    | {
        readonly unadjusted: number | null;
        readonly unadjustedParts: readonly FigureParts[];
        readonly excludedParts: readonly FigureParts[];
        readonly line: string;
      }
    | undefined;
}

export interface SessionSummary {
  readonly sessionId: string;
  readonly accounts: readonly AccountSummary[];
  readonly figures: readonly SessionFigure[];
  readonly trust: TrustVerdict;
  /** The name of the credit policy every figure was made with. */
  readonly policy: string;
  /** FinBox's figures against ours, over the accounts, and its one line. */
  readonly reconciliation: ReconciliationCounts & { readonly line: string };
}
