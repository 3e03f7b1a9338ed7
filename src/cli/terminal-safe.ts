// Text from files and servers is data, never terminal control: an id or holder name with
// `ESC]0;...BEL` or `ESC[2J` must not retitle or clear the terminal. Every CLI write goes
// through safeWriter (controls other than line ends shown escaped, secrets redacted), and
// data fields put in tables or lines go through shown() (line ends escaped too, so a value
// cannot fake a line of its own).
import type { Redact } from '../core/security/redact';

// C0 controls, DEL, C1 controls, the line and paragraph separators, and the bidirectional
// overrides that reorder what is shown.
/* eslint-disable no-control-regex -- matching control characters is the point here */
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;
const CONTROLS_BUT_LINES =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

/* eslint-enable no-control-regex */

function escaped(char: string): string {
  const code = char.charCodeAt(0);
  if (char === '\n') return '\\n';
  if (char === '\r') return '\\r';
  if (char === '\t') return '\\t';
  return code <= 0xff
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** A data value for a line of output: every control character shown as an escape. */
export function shown(text: string): string {
  return text.replace(CONTROLS, escaped);
}

/** Whole output: line ends and tabs kept (the CLI's own layout), every other control escaped. */
export function terminalSafe(text: string): string {
  return text.replace(CONTROLS_BUT_LINES, escaped);
}

export function safeWriter(write: (text: string) => void, redact: Redact): (text: string) => void {
  return (text) => write(terminalSafe(redact(text)));
}
