// Text from files and servers never drives the terminal: escape sequences in a bank name
// or a server's message reach the output as visible escapes, through every command.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/index';
import { formatStatus } from '../../../src/cli/commands/status';
import { shown, terminalSafe } from '../../../src/cli/terminal-safe';
import { Library } from '../../../src/core/library/store';
import { rawOf } from '../../fakes/received';
import { dataFor, saveInput, statusFor, tempDir } from '../library/helpers';

const HOSTILE = '\u001b]0;owned\u0007\u001b[2JBank\u202e\r\nfake line\u009b';

describe('terminal-safe output', () => {
  it('escapes every control character in a value, line ends too', () => {
    expect(shown(HOSTILE)).toBe('\\x1b]0;owned\\x07\\x1b[2JBank\\u202e\\r\\nfake line\\x9b');
    expect(terminalSafe('a\nb\tc\u001b[2J')).toBe('a\nb\tc\\x1b[2J');
    // U+2028 and U+2029 end a line in some terminals and viewers: escaped too.
    expect(shown('a\u2028b\u2029c')).toBe('a\\u2028b\\u2029c');
    expect(terminalSafe('a\u2028b')).toBe('a\\u2028b');
  });

  it('bcv library list and show print a hostile bank name escaped', async () => {
    const dir = join(await tempDir(), 'lib');
    const data = dataFor('s-1');
    const account = Object.values(data.accounts)[0] as { account_details: { bank: string }[] };
    account.account_details[0]!.bank = HOSTILE;
    await new Library({ dir, appVersion: 't' }).save({
      ...saveInput('s-1'),
      raw: rawOf(statusFor('s-1'), data),
    });
    let out = '';
    const io = {
      stdout: (t: string) => (out += t),
      stderr: (t: string) => (out += t),
      env: {},
      cwd: dir,
      appVersion: 't',
    };
    for (const argv of [
      ['library', 'list'],
      ['library', 'show', 's-1'],
    ]) {
      out = '';
      expect(await main([...argv, '--library', dir], io, new AbortController().signal)).toBe(0);
      expect(out).toContain('\\x1b]0;owned\\x07\\x1b[2JBank\\u202e\\r\\nfake line\\x9b');
      // eslint-disable-next-line no-control-regex -- looking for control characters
      expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/);
    }
  });

  it('bcv status shows server text escaped', () => {
    const text = formatStatus({
      sessionId: 's-1',
      accounts: [
        {
          accountId: 'a',
          bankName: HOSTILE,
          accountNumber: '1234',
          status: 'failed',
          errorCode: 'X',
          message: '\u001b[31mred',
          statements: [],
        },
      ],
    } as unknown as Parameters<typeof formatStatus>[0]);
    // eslint-disable-next-line no-control-regex -- looking for control characters
    expect(text).not.toMatch(/[\u001b\u0007\u009b\r]/);
    expect(text).toContain('\\x1b[31mred');
  });
});
