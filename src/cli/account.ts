// `--account`: an account id as the API names it, or the last digits of its number as an
// underwriter reads them off a statement. A miss lists the session's accounts.
import { maskedNumber } from '@shared/format/value';
import { CoreError } from '../core/core-error';

export interface ChoosableAccount {
  readonly accountId: string;
  readonly accountNumber: string | null;
  readonly bank: string | null;
}

function described(a: ChoosableAccount): string {
  return `${maskedNumber(a.accountNumber)}${a.bank ? ` ${a.bank}` : ''} (${a.accountId})`;
}

/** The id of the account `given` names, or one line saying which accounts there are. */
export function chooseAccount(accounts: readonly ChoosableAccount[], given: string): string {
  const byId = accounts.find((a) => a.accountId === given);
  if (byId) return byId.accountId;
  const digits = given.replace(/^X+/i, '');
  const byNumber = /^\d+$/.test(digits)
    ? accounts.filter((a) => a.accountNumber?.trim().endsWith(digits))
    : [];
  if (byNumber.length === 1) return byNumber[0]!.accountId;
  const list = accounts.map(described).join(', ') || 'none';
  if (byNumber.length > 1) {
    throw new CoreError(
      'AMBIGUOUS_ACCOUNT',
      `--account ${given}: ${byNumber.length} accounts end in ${digits}; give more digits or the id: ${byNumber.map(described).join(', ')}`,
    );
  }
  throw new CoreError(
    'NO_SUCH_ACCOUNT',
    `--account ${given}: no such account in this session; its accounts: ${list}`,
  );
}
