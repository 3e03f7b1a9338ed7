import { describeStatusCode } from '../api/error-codes';
import type { SessionStatusResponse } from '../api/schemas';
import { readApiDate } from './calendar';
import type { AccountStatusView, SessionStatusView, StatusTone } from './view-model';

export function statusTone(status: string | null | undefined): StatusTone {
  const s = (status ?? '').toLowerCase();
  if (s === 'completed' || s === 'success') return 'completed';
  if (s === 'failed' || s === 'error') return 'failed';
  if (s === 'processing' || s === 'in_progress' || s === 'pending') return 'processing';
  return 'unknown';
}

function textOf(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** `statement_date_range`: `{from_date, to_date}` or one text "from - to" (`DD/MM/YYYY`). */
function dateRange(value: unknown): StatementDateRange | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'object' && !Array.isArray(value)) {
    const r = value as Record<string, unknown>;
    const from = r['from_date'] ?? r['from'];
    const to = r['to_date'] ?? r['to'];
    return {
      from: typeof from === 'string' ? readApiDate(from) : null,
      to: typeof to === 'string' ? readApiDate(to) : null,
    };
  }
  if (typeof value === 'string') {
    const parts = value.split(/\s+(?:-|to)\s+/);
    if (parts.length === 2) return { from: readApiDate(parts[0]), to: readApiDate(parts[1]) };
  }
  return null;
}

type StatementDateRange = { readonly from: string | null; readonly to: string | null };

export function normalizeSessionStatus(response: SessionStatusResponse): SessionStatusView {
  const insights = (response as Record<string, unknown>)['insights_available'];
  return {
    sessionId: response.session_id,
    insightsAvailable: typeof insights === 'boolean' ? insights : null,
    accounts: response.accounts.map((a): AccountStatusView => {
      const extra = a as Record<string, unknown>;
      const attempts = extra['attempt_types'];
      return {
        accountId: a.account_id,
        bankName: a.bank_name ?? null,
        accountNumber: a.account_number ?? null,
        status: a.account_status,
        tone: statusTone(a.account_status),
        errorCode: a.error_code || null,
        message: describeStatusCode('account', a.error_code, a.error_message),
        createdAt: a.created_at || null,
        lastUpdatedAt: a.last_updated_at || null,
        name: textOf(extra['name']),
        accountCategory: textOf(extra['account_category']),
        accountType: textOf(extra['account_type']),
        fullBankName: textOf(extra['full_bank_name']),
        attemptTypes: Array.isArray(attempts)
          ? attempts.filter((t): t is string => typeof t === 'string')
          : [],
        statements: (a.statements ?? []).map((s) => {
          const sx = s as Record<string, unknown>;
          return {
            statementId: s.statement_id,
            status: s.statement_status,
            tone: statusTone(s.statement_status),
            errorCode: s.error_code || null,
            message: describeStatusCode('statement', s.error_code, s.error_message),
            source: s.source || null,
            createdAt: s.created_at || null,
            uploadFileName: textOf(sx['upload_file_name']),
            dateRange: dateRange(sx['statement_date_range']),
          };
        }),
      };
    }),
  };
}
