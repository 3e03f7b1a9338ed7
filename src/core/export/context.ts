// What every sheet builder reads: the accounts being exported, their labels and the
// export's description.
import type { AccountView, SessionView } from '@shared/model/view-model';
import type { CreditPolicy } from '@shared/insights/policy';
import type { ExportMeta } from '../deps';
import type { ExportReview } from './sheets/review';

export interface ExportContext {
  readonly view: SessionView;
  /** The accounts exported: all, or the one asked for. */
  readonly accounts: readonly AccountView[];
  /** Set when one account was asked for. */
  readonly accountFilter: string | null;
  readonly labels: ReadonlyMap<string, string>;
  readonly meta: ExportMeta;
  readonly generatedAt: Date;
  /** The reviewer's flags, notes and verdict, when the workbook carries them. */
  readonly review?: ExportReview | null;
  /** Account numbers in full; by default masked (the Summary sheet says which). */
  readonly unmasked: boolean;
  /** The credit policy every figure is made with; the Summary sheet names it. */
  readonly policy: CreditPolicy;
}

export function labelOf(context: ExportContext, accountId: string | null): string {
  if (!accountId) return '';
  return context.labels.get(accountId) ?? accountId;
}
