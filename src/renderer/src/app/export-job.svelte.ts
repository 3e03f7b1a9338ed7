// Export to Excel, from the report header's button or the menu (Ctrl+E): one export:xlsx
// job at a time, its progress events, Cancel, and a one-line outcome, shown in the header.
import type { LoadedSession } from '@shared/ipc/contract';
import { api, shownError } from './api';
import { JobProgress } from './job-progress.svelte';
import { session } from './session.svelte';

export class ExportJob extends JobProgress {
  /** Add the `Transactions (all fields)` sheet with every API field. */
  allFields = $state(false);
  /**
   * Account numbers in full in the workbook. Asked for each workbook: back to masked once
   * one is written, so a later workbook is never unmasked by an old tick.
   */
  unmasked = $state(false);
  /** The last export's outcome, with the session it was of (shown only under that one). */
  outcome = $state<{ readonly ok: boolean; readonly text: string; readonly handle: string } | null>(
    null,
  );
  cancelling = $state(false);

  get running(): boolean {
    return this.jobId !== null;
  }

  async start(loaded: LoadedSession): Promise<void> {
    if (this.jobId) return;
    // The menu's Ctrl+E obeys what the greyed header's button says (said outside the
    // greyed report, which is hidden from assistive technology).
    if (session.stale) {
      session.notice = session.staleRefusal('Export');
      return;
    }
    const jobId = this.begin('export', 'Choosing where to save');
    const unmasked = this.unmasked;
    Object.assign(this, { outcome: null, cancelling: false });
    try {
      const result = await api.exportXlsx({
        handle: loaded.handle,
        jobId,
        allFields: this.allFields,
        unmasked,
      });
      const { handle } = loaded;
      if ('path' in result) this.unmasked = false;
      this.outcome =
        'path' in result
          ? {
              ok: true,
              text: `Exported to ${result.path}${result.auditNote ? `. ${result.auditNote}` : ''}`,
              handle,
            }
          : { ok: true, text: 'Export cancelled: no file chosen', handle };
    } catch (error) {
      const shown = shownError(error);
      const { handle } = loaded;
      this.outcome =
        shown.code === 'CANCELLED'
          ? { ok: true, text: 'Export cancelled', handle }
          : { ok: false, text: `Export failed: ${shown.message}`, handle };
    } finally {
      this.end();
      this.cancelling = false;
    }
  }

  async cancel(): Promise<void> {
    if (!this.jobId) return;
    this.cancelling = true;
    await api.cancelJob({ jobId: this.jobId }).catch(() => undefined);
  }
}

export const exportJob = new ExportJob();
