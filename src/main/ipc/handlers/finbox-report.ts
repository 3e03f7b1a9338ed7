// report:finbox — FinBox's own report: the link from the response main holds (never from
// the renderer), a save dialog, then core's download over the app's fetch; for a saved
// session whose report was kept when it was saved, that copy (checked by its SHA-256).
import type { AppDeps } from '../../../core/deps';
import type { Services } from '../../../core/services';
import { CoreError } from '../../../core/core-error';
import { downloadFinboxReport } from '../../../core/session/finbox-report';
import { keptReports, readKeptReport } from '../../../core/library/kept-reports';
import { writeFileSafely } from '../../../core/io/safe-write';
import type { HandlerMap } from '../types';

export function finboxReportHandlers(deps: AppDeps, s: Services): HandlerMap<'report:finbox'> {
  return {
    'report:finbox': async ({ handle, accountId }) => {
      const { loaded } = s.sessions.get(handle);
      const { view } = loaded;
      const account = accountId ? view.accounts.find((a) => a.accountId === accountId) : null;
      if (accountId && !account) {
        throw new CoreError('BAD_ARGUMENT', 'That account is not in this session');
      }
      const url = account ? account.reportUrls.xlsx : view.aggregateReportUrl;
      // A saved session's report as kept when it was saved: its link has likely expired.
      const kept =
        loaded.source.kind === 'saved'
          ? (await keptReports(s.library.dir, loaded.sessionId, loaded.source.snapshotId)).find(
              (r) => r.accountId === (accountId ?? null),
            )
          : undefined;
      if (!url && !kept) {
        throw new CoreError(
          'NO_REPORT_LINK',
          "This response carries no link to FinBox's own report",
        );
      }
      const destination = await deps.dialogs.saveFile({
        title: "Save FinBox's own report",
        defaultPath: `${loaded.sessionId}${accountId ? `-${accountId}` : ''}-finbox-report.xlsx`,
        filters: [{ name: 'Excel workbook', extensions: ['xlsx'] }],
      });
      if (!destination) return { cancelled: true } as const;
      if (kept) {
        const bytes = await readKeptReport(s.library.dir, loaded.sessionId, kept);
        await writeFileSafely(destination, bytes);
        return { path: destination, bytes: bytes.length, keptAt: kept.keptAt };
      }
      const bytes = await downloadFinboxReport({ fetch: deps.fetch, url: url!, destination });
      return { path: destination, bytes };
    },
  };
}
