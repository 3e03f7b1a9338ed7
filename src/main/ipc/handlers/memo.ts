// summary:pdf — the memo: ask where to save, print the calling window (the memo in its
// print stylesheet) to A4 PDF with the printToPDF the caller's context carries and the
// memo's print options (page numbers and the generated-by line in the footer), and write
// it atomically (a failed write leaves any earlier file whole).
import { basename, dirname } from 'node:path';
import type { AppDeps } from '../../../core/deps';
import { CoreError } from '../../../core/core-error';
import { realFs, writeFileAtomic } from '../../../core/io/safe-write';
import type { Services } from '../../../core/services';
import { memoPrintOptions } from '../memo-print';
import type { HandlerMap } from '../types';

export function memoHandlers(deps: AppDeps, s: Services): HandlerMap<'summary:pdf'> {
  return {
    'summary:pdf': async ({ handle, generatedBy }, ctx) => {
      const { loaded } = s.sessions.get(handle);
      const print = ctx.printToPDF;
      if (!print) throw new CoreError('NOT_AVAILABLE', 'This window cannot print to PDF');
      const destination = await deps.dialogs.saveFile({
        title: 'Save credit memo (PDF)',
        defaultPath: `${loaded.sessionId}-credit-memo.pdf`,
        filters: [{ name: 'PDF document', extensions: ['pdf'] }],
      });
      if (!destination) return { cancelled: true } as const;
      const bytes = await print(memoPrintOptions(generatedBy));
      await writeFileAtomic(realFs, dirname(destination), basename(destination), bytes);
      const auditNote = await s.team.reportExport(loaded.sessionId, {
        kind: 'memo',
        path: destination,
        snapshotId: loaded.source.kind === 'saved' ? loaded.source.snapshotId : null,
      });
      return { path: destination, ...(auditNote ? { auditNote } : {}) };
    },
  };
}
