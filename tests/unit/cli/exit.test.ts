import { parseArgs } from 'node:util';
import { describe, expect, it } from 'vitest';
import { BankConnectError } from '../../../src/core/api/api-errors';
import { CoreError } from '../../../src/core/core-error';
import { LibraryError } from '../../../src/core/library/library-errors';
import { failureOf } from '../../../src/cli/exit';
import { UsageError } from '../../../src/cli/usage';

describe('exit codes from the error', () => {
  it('a usage mistake exits 2', () => {
    expect(failureOf(new UsageError('give one session id'))).toEqual({
      code: 'USAGE',
      message: 'give one session id',
      exitCode: 2,
    });
    let parseError: unknown;
    try {
      parseArgs({ args: ['--nope'], options: {} });
    } catch (error) {
      parseError = error;
    }
    expect(failureOf(parseError)).toMatchObject({ code: 'USAGE', exitCode: 2 });
  });

  it('denied credentials and unfinished processing say what to do next', () => {
    expect(
      failureOf(
        new BankConnectError('ACCESS_DENIED', 'Authentication credentials were not provided'),
      ).message,
    ).toBe(
      'Authentication credentials were not provided; check BANKCONNECT_API_KEY and BANKCONNECT_SERVER_HASH (or try the demo data with --sandbox)',
    );
    expect(
      failureOf(
        new BankConnectError(
          'PROCESSING_NOT_COMPLETED',
          'The processing for this session is currently in progress.',
        ),
      ).message,
    ).toBe(
      'The processing for this session is currently in progress; BankConnect is still processing it: add --wait to wait for it',
    );
  });

  it('any core error exits 1 with its code, on one line', () => {
    expect(
      failureOf(new BankConnectError('SESSION_NOT_FOUND', 'The provided session ID is invalid')),
    ).toEqual({
      code: 'SESSION_NOT_FOUND',
      message: 'The provided session ID is invalid',
      exitCode: 1,
    });
    expect(failureOf(new LibraryError('DISK_FULL', 'the disk is full\nmore'))).toEqual({
      code: 'DISK_FULL',
      message: 'the disk is full',
      exitCode: 1,
    });
    expect(failureOf(new CoreError('FILE_NOT_FOUND', 'x.json: no such file')).exitCode).toBe(1);
  });

  it('an error without a usable code is ERROR', () => {
    expect(failureOf(new Error('boom'))).toEqual({ code: 'ERROR', message: 'boom', exitCode: 1 });
    expect(failureOf(Object.assign(new Error('e'), { code: 'ENOENT' })).code).toBe('ENOENT');
    expect(failureOf(Object.assign(new Error('e'), { code: 'lower' })).code).toBe('ERROR');
  });
});
