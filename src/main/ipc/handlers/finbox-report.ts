// report:finbox — FinBox's own report: the link from the response main holds (never from
// the renderer), a save dialog, then core's download over the app's fetch.
import type { AppDeps } from '../../../core/deps';
import type { Services } from '../../../core/services';
import { CoreError } from '../../../core/core-error';
import { downloadFinboxReport } from '../../../core/session/finbox-report';
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
      if (!url) {
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
      const bytes = await downloadFinboxReport({ fetch: deps.fetch, url, destination });
      return { path: destination, bytes };
    },
  };
}
