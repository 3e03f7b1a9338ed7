// The team library as the app uses it: the link to the server, this desktop's library, and
// the sync of reviews written offline on team cases (run on every sign-in, on opening a
// team case, and when asked), whose state the screens show.
import type { TeamStatus, TeamSyncOutcome } from '@shared/team/types';
import { basename } from 'node:path';
import { recordOrQueueExport, sendQueuedRows } from './audit-queue';
import { syncAll, syncReview, type TeamLibraryParts } from './cases';
import { reportTeamExport, isTeamCase, type ExportDetail } from './export-audit';
import type { TeamLink } from './team-link';

export class TeamDesk {
  private running = false;
  private last: TeamSyncOutcome | null = null;

  constructor(
    readonly link: TeamLink,
    readonly parts: TeamLibraryParts,
  ) {}

  status(): TeamStatus {
    return {
      profile: this.link.profile(),
      link: this.link.state(),
      sync: { running: this.running, last: this.last },
    };
  }

  /**
   * Every team case of this library: the team's review events in, this desktop's out; then
   * the export audit rows queued while the server was out of reach.
   */
  async sync(): Promise<TeamSyncOutcome> {
    this.running = true;
    try {
      const dir = this.parts.library.dir;
      const { entries, queue } = await this.link.run(async ({ db }) => ({
        entries: await syncAll(db, this.parts),
        queue: await sendQueuedRows(db, dir),
      }));
      let received = 0;
      let sent = 0;
      const failed: { sessionId: string; message: string }[] = [];
      for (const { sessionId, outcome } of entries) {
        if ('error' in outcome) failed.push({ sessionId, message: outcome.error });
        else {
          received += outcome.received;
          sent += outcome.sent;
        }
      }
      const synced = entries.length - failed.length;
      this.last = {
        synced,
        received,
        sent,
        failed: [
          ...failed,
          ...queue.failed.map((f) => ({
            sessionId: f.sessionId,
            message: f.message,
            auditRow: f.id,
          })),
        ],
        auditSent: queue.sent,
        auditWaiting: queue.waiting + queue.failed.length,
      };
      return this.last;
    } finally {
      this.running = false;
    }
  }

  /** The sync started and left to run (its outcome is in the status). */
  syncInBackground(): void {
    void this.sync().catch(() => undefined);
  }

  /** One team case's review, both ways, when the server is reachable (else later). */
  async syncCase(sessionId: string): Promise<void> {
    if (!this.link.configured() || !(await isTeamCase(this.parts.library.dir, sessionId))) return;
    await this.link.run(({ db }) => syncReview(db, this.parts.reviews, sessionId));
  }

  /**
   * After a review change on a team case: sent now when signed in (in the background; a
   * failure leaves it for the next sync). Offline, nothing is tried: no wait for a timeout.
   */
  reviewChanged(sessionId: string): void {
    if (this.link.state().kind !== 'connected') return;
    void this.syncCase(sessionId).catch(() => undefined);
  }

  /**
   * Records a team case's export in the audit trail; with the server out of reach, queues
   * the row (sent on the next sign-in or sync). Answers null when it is recorded or is no
   * team case, else the one line saying what became of the row (the file is written anyway).
   */
  async reportExport(
    sessionId: string,
    detail: Omit<ExportDetail, 'program' | 'file'> & { readonly path: string },
  ): Promise<string | null> {
    const profile = this.link.profile();
    const dir = this.parts.library.dir;
    if (!profile) return null;
    if (!(await isTeamCase(dir, sessionId))) return null;
    const exportedAt = new Date();
    const { path, ...rest } = detail;
    const row: ExportDetail = { ...rest, file: basename(path), program: 'app' };
    try {
      const queued = await recordOrQueueExport(
        dir,
        {
          login: profile.user,
          server: `${profile.host}:${profile.port}/${profile.database}`,
          sessionId,
          detail: row,
          exportedAt,
        },
        () => this.link.run(({ db }) => reportTeamExport(db, dir, sessionId, row)),
      );
      return queued === null
        ? null
        : `Its audit row is queued, to be sent to the team's audit trail on the next sign-in (${queued})`;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return `Not recorded in the team's audit trail: ${message}`;
    }
  }
}
