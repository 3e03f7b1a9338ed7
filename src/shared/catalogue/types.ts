// What the catalogue of saved cases answers: a search across the library, grouped by
// session, and the parties of one session seen in other saved sessions.
import type { CalendarDate } from '../model/calendar';
import type { TransactionView } from '../model/view-model';
import type { PartyKind } from './parties';

export interface CatalogueQuery {
  /** A counterparty, UPI handle, account number, IFSC or narration words; '' for none. */
  readonly text: string;
  /** Exact, in paise. */
  readonly amountPaise: number | null;
  readonly from: CalendarDate | null;
  readonly to: CalendarDate | null;
}

/** How a transaction matched the text. */
export type MatchedBy = PartyKind | 'narration' | 'details' | 'amount' | 'date';

export interface CatalogueHit extends Pick<
  TransactionView,
  'accountId' | 'date' | 'type' | 'narration'
> {
  /** The transaction's key (FinBox's hash, or the derived id: see transactionKey). */
  readonly key: string;
  readonly snapshotId: string;
  readonly amountPaise: number;
  readonly matchedBy: MatchedBy;
}

export interface CatalogueSessionHits extends SeenSession {
  /** The newest snapshot holding a match: the one a click opens. */
  readonly snapshotId: string;
  /** Account numbers of this session's applicant that the text names. */
  readonly applicantAccounts: readonly string[];
  readonly hits: readonly CatalogueHit[];
}

export interface CatalogueSearchResult {
  readonly sessions: readonly CatalogueSessionHits[];
  /** Matching transactions found (each once per session, however many snapshots hold it). */
  readonly hitCount: number;
  /** True when more matched than `limit`: only the first are listed. */
  readonly truncated: boolean;
  readonly limit: number;
  /** Saved sessions the catalogue holds, and files it could not read (set aside). */
  readonly sessionCount: number;
  readonly unreadable: readonly { readonly file: string; readonly message: string }[];
}

/**
 * `counterparty`: a party here and in the other sessions; `applicant-here`: this session's
 * own account number, a counterparty there; `applicant-there`: a counterparty here, the
 * applicant's own account there.
 */
export type SeenRelation = 'counterparty' | 'applicant-here' | 'applicant-there';

/** A team library's case: whose it is and where (absent from the local library's results). */
export interface TeamCaseLabel {
  readonly owner: string;
  readonly team: string;
  readonly branch: string;
}

export interface SeenSession {
  readonly sessionId: string;
  readonly holderNames: readonly string[];
  readonly team?: TeamCaseLabel;
}

export interface SeenMatch {
  readonly kind: Exclude<PartyKind, 'ifsc'>;
  readonly key: string;
  readonly label: string;
  readonly relation: SeenRelation;
  readonly sessions: readonly SeenSession[];
}

export interface SeenElsewhere {
  readonly sessionId: string;
  /** Most other sessions first. */
  readonly matches: readonly SeenMatch[];
}
