import { describeStatusCode } from '../api/error-codes';
import type { SessionStatusResponse } from '../api/schemas';
import type { AccountStatusView, SessionStatusView, StatusTone } from './view-model';

export function statusTone(status: string | null | undefined): StatusTone {
  const s = (status ?? '').toLowerCase();
  if (s === 'completed' || s === 'success') return 'completed';
  if (s === 'failed' || s === 'error') return 'failed';
  if (s === 'processing' || s === 'in_progress' || s === 'pending') return 'processing';
  return 'unknown';
}

export function normalizeSessionStatus(response: SessionStatusResponse): SessionStatusView {
  return {
    sessionId: response.session_id,
    accounts: response.accounts.map((a): AccountStatusView => ({
      accountId: a.account_id,
      bankName: a.bank_name ?? null,
      accountNumber: a.account_number ?? null,
      status: a.account_status,
      tone: statusTone(a.account_status),
      errorCode: a.error_code || null,
      message: describeStatusCode('account', a.error_code, a.error_message),
      createdAt: a.created_at || null,
      lastUpdatedAt: a.last_updated_at || null,
      statements: (a.statements ?? []).map((s) => ({
        statementId: s.statement_id,
        status: s.statement_status,
        tone: statusTone(s.statement_status),
        errorCode: s.error_code || null,
        message: describeStatusCode('statement', s.error_code, s.error_message),
        source: s.source || null,
        createdAt: s.created_at || null,
      })),
    })),
  };
}
