// The schemas against the reference page's other examples and documented quirks: the
// session_status example, the error body, missing optional blocks, the three month label
// shapes and flat predictors.
import { describe, expect, it } from 'vitest';
import { parseSessionStatus, parseSessionData } from '../../../src/shared/api/parse';
import { apiErrorBodySchema } from '../../../src/shared/api/schemas';
import { toMonthKey } from '../../../src/shared/model/calendar';
import { normalizeSession } from '../../../src/shared/model/normalize';

// The page's session_status example, with its typographic quotes made into JSON quotes.
// Its two statements are alike, every field empty.
const EXAMPLE_STATEMENT = {
  statement_id: '',
  statement_status: '',
  error_code: '',
  error_message: '',
  source: '',
  created_at: '',
};
const STATUS_EXAMPLE = {
  session_id: 'abcd',
  accounts: [
    {
      bank_name: 'sbi',
      account_number: '',
      account_id: 'account_uuid4',
      account_status: 'completed',
      error_code: null,
      error_message: null,
      created_at: '',
      last_updated_at: '',
      statements: [{ ...EXAMPLE_STATEMENT }, { ...EXAMPLE_STATEMENT }],
    },
  ],
};

describe('documented examples', () => {
  it('accepts the session_status example', () => {
    expect(parseSessionStatus(STATUS_EXAMPLE).accounts[0]!.statements).toHaveLength(2);
  });

  it('accepts the error body', () => {
    const body = {
      error: { code: 'SESSION_NOT_FOUND', message: 'The provided session ID is invalid' },
    };
    expect(apiErrorBodySchema.parse(body).error.code).toBe('SESSION_NOT_FOUND');
  });

  it('tolerates accounts without the optional blocks', () => {
    const data = parseSessionData({
      session_id: 's',
      accounts: { a: { account_details: [{ account_id: 'a' }], new_block: { kept: true } } },
    });
    const view = normalizeSession(data);
    expect(view.accounts[0]!.other).toEqual([
      { path: '$.accounts.a.new_block', key: 'new_block', value: { kept: true } },
    ]);
    expect(view.accounts[0]!.transactions).toEqual([]);
    expect(view.accounts[0]!.eod).toEqual([]);
    expect(view.accounts[0]!.fraudItems).toEqual([]);
  });

  it('reads the three month label shapes as one month', () => {
    expect(['2023-10', 'Oct-2023', 'Oct-23'].map(toMonthKey)).toEqual([
      '2023-10',
      '2023-10',
      '2023-10',
    ]);
    expect(toMonthKey('Okt-23')).toBeNull();
  });

  it('names the path and the expectation when a block has the wrong type', () => {
    expect(() => parseSessionData({ session_id: 's' })).toThrow(
      'at $.accounts, expected a list or an object of accounts',
    );
    expect(() =>
      parseSessionStatus({ session_id: 's', accounts: [{ account_status: 'completed' }] }),
    ).toThrow('at $.accounts[0].account_id, expected string');
    const view = normalizeSession(
      parseSessionData({
        session_id: 's',
        accounts: {
          a: {
            account_details: [{ account_id: 'a' }],
            transactions: [
              {
                transaction_type: 'debit',
                transaction_note: 'x',
                amount: 1,
                balance: 1,
                date: '23-10-2023',
                hash: 'h',
              },
            ],
          },
        },
      }),
    );
    expect(view.accounts[0]!.transactions).toEqual([]);
    expect(view.unreadable[0]!.path).toBe('$.accounts.a.transactions[0].date');
    expect(view.unreadable[0]!.reason).toContain('expected a date as YYYY-MM-DD HH:MM:SS');
  });
});
