// The Library screen's "Compare snapshots": which session, the two snapshots chosen (by
// default the two latest, older as "from"), and main's library:diff answer. A later
// answer replaces an earlier one only if it is for the latest choice.
import type { IpcResult, LibraryEntry } from '@shared/ipc/contract';
import { api, shownError } from '../app/api';

export type DiffResult = IpcResult<'library:diff'>;

class SnapshotDiffState {
  sessionId = $state<string | null>(null);
  from = $state('');
  to = $state('');
  result = $state.raw<DiffResult | null>(null);
  error = $state<string | null>(null);
  comparing = $state(false);
  private asks = 0;

  /** Opens the comparison of an entry's two latest snapshots (its list is newest first). */
  async start(entry: LibraryEntry): Promise<void> {
    const [newest, older] = entry.snapshots;
    this.sessionId = entry.sessionId;
    this.from = older?.snapshotId ?? '';
    this.to = newest?.snapshotId ?? '';
    await this.compare();
  }

  async compare(): Promise<void> {
    if (!this.sessionId) return;
    const mine = ++this.asks;
    this.comparing = true;
    this.error = null;
    try {
      const result = await api.diffSnapshots({
        sessionId: this.sessionId,
        from: this.from || undefined,
        to: this.to || undefined,
      });
      if (mine === this.asks) this.result = result;
    } catch (error) {
      if (mine === this.asks) {
        this.result = null;
        this.error = shownError(error).message;
      }
    } finally {
      if (mine === this.asks) this.comparing = false;
    }
  }

  close(): void {
    this.asks++;
    Object.assign(this, { sessionId: null, from: '', to: '', result: null, error: null });
    this.comparing = false;
  }
}

export const snapshotDiff = new SnapshotDiffState();
