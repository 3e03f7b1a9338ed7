import { describe, expect, it } from 'vitest';
import { statusLine } from '../../../src/cli/status-line';

function terminal(isTTY: boolean, columns = 30) {
  const written: string[] = [];
  return { written, stream: { isTTY, columns, write: (t: string) => written.push(t) > 0 } };
}

describe('the status line', () => {
  it('on a terminal: each update replaces the last, cut to the width; clear erases it once', () => {
    const { written, stream } = terminal(true);
    const line = statusLine(stream)!;
    line.show('Downloading the data: 1 MB');
    line.show('x'.repeat(40));
    line.clear();
    line.clear();
    expect(written).toEqual([
      '\r\u001b[KDownloading the data: 1 MB',
      `\r\u001b[K${'x'.repeat(28)}…`,
      '\r\u001b[K',
    ]);
  });

  it('is not there when stderr is a file or a pipe', () => {
    expect(statusLine(terminal(false).stream)).toBeNull();
  });
});
