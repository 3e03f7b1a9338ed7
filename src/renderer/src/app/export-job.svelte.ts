// Export to Excel, from the report header's button or the menu (Ctrl+E): one export:xlsx
// job at a time, its progress events, Cancel, and a one-line outcome, shown in the header.
import type { LoadedSession } from '@shared/ipc/contract';
import { api, shownError } from './api';
import { JobProgress } from './job-progress.svelte';
import { session } from './session.svelte';

export class ExportJob extends JobProgress {
  /** Add the `Transactions (all fields)` sheet with every API field. */
  allFields = $state(false);
  outcome = $state<{ readonly ok: boolean; readonly text: string } | null>(null);
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
    Object.assign(this, { outcome: null, cancelling: false });
    try {
      const result = await api.exportXlsx({
        handle: loaded.handle,
        jobId,
        allFields: this.allFields,
      });
      this.outcome =
        'path' in result
          ? { ok: true, text: `Exported to ${result.path}` }
          : { ok: true, text: 'Export cancelled: no file chosen' };
    } catch (error) {
      const shown = shownError(error);
      this.outcome =
        shown.code === 'CANCELLED'
          ? { ok: true, text: 'Export cancelled' }
          : { ok: false, text: `Export failed: ${shown.message}` };
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
