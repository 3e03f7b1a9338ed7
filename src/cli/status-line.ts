// The one line of progress on a terminal: each update replaces it (carriage return, erase
// line), and any other output clears it first. None when stderr is not a terminal.
import type { WriteStream } from 'node:tty';

export interface StatusLine {
  readonly show: (text: string) => void;
  readonly clear: () => void;
}

const ERASE = '\r\u001b[K';

export function statusLine(
  stream: Pick<WriteStream, 'isTTY' | 'columns' | 'write'>,
): StatusLine | null {
  if (!stream.isTTY) return null;
  let shown = false;
  const clear = () => {
    if (shown) stream.write(ERASE);
    shown = false;
  };
  return {
    clear,
    show: (text) => {
      if (text === '') return clear();
      // Cut to the terminal's width: a wrapped line could not be replaced.
      const width = Math.max(20, (stream.columns || 80) - 1);
      stream.write(`${ERASE}${text.length > width ? `${text.slice(0, width - 1)}…` : text}`);
      shown = true;
    },
  };
}
