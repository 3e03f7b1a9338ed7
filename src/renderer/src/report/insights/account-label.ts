// An account as the Insights tab names it: bank and masked number, else its id.
import { bankName } from '@shared/format/bank-names';
import { maskedNumber } from '@shared/format/value';
import type { SessionView } from '@shared/model/view-model';

export function accountLabel(session: SessionView, accountId: string): string {
  const account = session.accounts.find((a) => a.accountId === accountId);
  if (!account) return accountId;
  const bank = bankName(account.details.bank);
  const number = account.details.accountNumber ? maskedNumber(account.details.accountNumber) : null;
  return [bank, number].filter(Boolean).join(' ') || accountId;
}
