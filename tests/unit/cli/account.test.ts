import { describe, expect, it } from 'vitest';
import { chooseAccount } from '../../../src/cli/account';

const ACCOUNTS = [
  { accountId: 'a-1', accountNumber: '000123451234', bank: 'icici' },
  { accountId: 'b-2', accountNumber: '98765431234', bank: 'sbi' },
  { accountId: 'c-3', accountNumber: '5550009876', bank: null },
];

describe('--account', () => {
  it('takes an account id, or the last digits of one account number', () => {
    expect(chooseAccount(ACCOUNTS, 'b-2')).toBe('b-2');
    expect(chooseAccount(ACCOUNTS, '9876')).toBe('c-3');
    expect(chooseAccount(ACCOUNTS, '51234')).toBe('a-1');
    expect(chooseAccount(ACCOUNTS, 'XX9876')).toBe('c-3');
  });

  it('a miss lists the accounts; digits two accounts end in ask for more', () => {
    expect(() => chooseAccount(ACCOUNTS, '4444')).toThrow(
      '--account 4444: no such account in this session; its accounts: XXXXXXXX1234 icici (a-1), XXXXXXX1234 sbi (b-2), XXXXXX9876 (c-3)',
    );
    expect(() => chooseAccount(ACCOUNTS, '1234')).toThrow(
      '--account 1234: 2 accounts end in 1234; give more digits or the id: XXXXXXXX1234 icici (a-1), XXXXXXX1234 sbi (b-2)',
    );
  });
});
