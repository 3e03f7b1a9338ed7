// Export to Excel, from the report header's button or the menu (Ctrl+E): one export:xlsx
// job at a time, its progress events, Cancel, and a one-line outcome, shown in the header.
import type { LoadedSession, ProgressEvent } from '@shared/ipc/contract';
import { api, newJobId, shownError } from './api';

export class ExportJob {
  /** Add the `Transactions (all fields)` sheet with every API field. */
  allFields = $state(false);
  jobId = $state<string | null>(null);
  done = $state(0);
  total = $state<number | null>(null);
  message = $state('');
  outcome = $state<{ readonly ok: boolean; readonly text: string } | null>(null);
  cancelling = $state(false);

  get running(): boolean {
    return this.jobId !== null;
  }

  constructor() {
    api.onProgress((event) => this.onProgress(event));
  }

  async start(loaded: LoadedSession): Promise<void> {
    if (this.jobId) return;
    const jobId = newJobId('export');
    Object.assign(this, {
      jobId,
      done: 0,
      total: null,
      message: 'Choosing where to save',
      outcome: null,
      cancelling: false,
    });
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
      this.jobId = null;
      this.cancelling = false;
    }
  }

  async cancel(): Promise<void> {
    if (!this.jobId) return;
    this.cancelling = true;
    await api.cancelJob({ jobId: this.jobId }).catch(() => undefined);
  }

  private onProgress(event: ProgressEvent): void {
    if (event.jobId !== this.jobId) return;
    this.done = event.done;
    this.total = event.total;
    this.message = event.message;
  }
}

export const exportJob = new ExportJob();
