// A session's workbook with its review, the one way: the app's Export (a loaded session),
// `bcv library export -o FILE.xlsx` (a saved snapshot) and `bcv export FILE` (a session
// file and the review it carries) all come here. The review becomes the Review sheet and
// the flags in Transactions; where the data came from is said in the one wording
// (@shared/session/provenance).
import type { LoadedSession, SessionSource } from '@shared/ipc/contract';
import type { SessionView } from '@shared/model/view-model';
import type { ReviewDocument } from '@shared/review/document';
import { reviewState } from '@shared/review/state';
import { sourceLabel } from '@shared/session/provenance';
import type { ExportMeta, ExportOptions, ExportWorkbook } from '../deps';
import type { ExportResult } from './export-workbook';
import type { SessionReviews } from '../review/session-reviews';
import type { ReviewStore } from '../review/store';
import { savedSession } from '../session/open-saved';
import { localDecisionChain, type DecisionChain } from '../team/decision-chain';

export interface WorkbookSession {
  readonly view: SessionView;
  readonly meta: ExportMeta;
  /** The session's review (null, or one with no entries: no Review sheet). */
  readonly review: ReviewDocument | null;
  /** A team case's decision chain kept with it (none: no Decisions sheet). */
  readonly decisions?: DecisionChain | null;
}

/** What the workbook's Summary says of a session's source and fetch time. */
export function exportMetaOf(fetchedAt: string, source: SessionSource): ExportMeta {
  return { fetchedAt, source: sourceLabel(source), sandbox: source.sandbox };
}

/** Writes the workbook of a session with its review, through the exporter given. */
export function writeSessionWorkbook(
  exporter: ExportWorkbook,
  session: WorkbookSession,
  options: Omit<ExportOptions, 'review'>,
): Promise<ExportResult> {
  const { review } = session;
  return exporter(session.view, session.meta, {
    ...options,
    review: review && review.events.length > 0 ? { state: reviewState(review) } : null,
    decisions: session.decisions ?? null,
  });
}

export interface SessionWorkbooksOptions {
  readonly exporter: ExportWorkbook;
  readonly reviewStore: ReviewStore;
  readonly reviews: SessionReviews;
}

/** Workbooks of the sessions the library and the app hold, with the review kept for them. */
export class SessionWorkbooks {
  constructor(private readonly options: SessionWorkbooksOptions) {}

  /** A session open in the app, with the session's review from the library folder. */
  async ofLoaded(
    loaded: LoadedSession,
    options: Omit<ExportOptions, 'review'>,
  ): Promise<ExportResult> {
    const review = await this.options.reviewStore.read(loaded.sessionId);
    const decisions = await this.decisionsOf(loaded.sessionId);
    const meta = exportMetaOf(loaded.fetchedAt, loaded.source);
    return writeSessionWorkbook(
      this.options.exporter,
      { view: loaded.view, meta, review, decisions },
      options,
    );
  }

  /** A saved snapshot (the newest unless given), with the session's review. */
  async ofSnapshot(
    sessionId: string,
    snapshotId: string | undefined,
    options: Omit<ExportOptions, 'review'>,
  ): Promise<ExportResult> {
    const { snapshot, view, document } = await this.options.reviews.open(sessionId, snapshotId);
    const { source, fetchedAt } = savedSession(snapshot, view);
    const meta = exportMetaOf(fetchedAt, source);
    const decisions = await this.decisionsOf(sessionId);
    return writeSessionWorkbook(
      this.options.exporter,
      { view, meta, review: document, decisions },
      options,
    );
  }

  /** A team case's decision chain, kept in its folder (the review store's is the library's). */
  private decisionsOf(sessionId: string): Promise<DecisionChain | null> {
    return localDecisionChain(this.options.reviewStore.dir, sessionId);
  }
}
