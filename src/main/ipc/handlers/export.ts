// export:xlsx — ask where to save, then the session's workbook with its review (core's
// SessionWorkbooks), with progress and cancel.
import type { AppDeps } from '../../../core/deps';
import type { Services } from '../../../core/services';
import { CoreError } from '../../../core/core-error';
import type { HandlerMap } from '../types';

export function exportHandlers(deps: AppDeps, s: Services): HandlerMap<'export:xlsx'> {
  return {
    'export:xlsx': async ({ handle, jobId, accountId, allFields, unmasked }, ctx) => {
      const { loaded } = s.sessions.get(handle);
      if (accountId && !loaded.view.accounts.some((a) => a.accountId === accountId)) {
        throw new CoreError(
          'BAD_ARGUMENT',
          'export:xlsx: accountId: not an account of this session',
        );
      }
      const destination = await deps.dialogs.saveFile({
        title: 'Export to Excel',
        defaultPath: `${loaded.sessionId}${accountId ? `-${accountId}` : ''}.xlsx`,
        filters: [{ name: 'Excel workbook', extensions: ['xlsx'] }],
      });
      if (!destination) return { cancelled: true } as const;
      // The figures as the user's chosen credit policy makes them (the Summary names it).
      const policy = await s.policy.get();
      // The reviewer's work goes into the workbook with the data (Review sheet, flags).
      await s.jobs.run(jobId, (signal) =>
        s.workbooks.ofLoaded(loaded, {
          destination,
          accountId,
          allFields,
          unmasked,
          policy,
          signal,
          onProgress: (done, total, message) =>
            ctx.emit('progress', { jobId, kind: 'export', done, total, message }),
        }),
      );
      // A team case's export is a row of the team's audit trail (or says why it is not).
      const auditNote = await s.team.reportExport(loaded.sessionId, {
        kind: 'workbook',
        path: destination,
        snapshotId: loaded.source.kind === 'saved' ? loaded.source.snapshotId : null,
      });
      return { path: destination, ...(auditNote ? { auditNote } : {}) };
    },
  };
}
