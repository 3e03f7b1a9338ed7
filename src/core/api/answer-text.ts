// The text of an answer's bytes, in the charset it was sent in: a BOM (UTF-8, UTF-16) says
// it first, then the Content-Type's `charset=`, else UTF-8 (JSON's own default). A body
// in another charset comes back with its UTF-8 bytes too, since everything after the
// client (the `bcv fetch` file, the library) keeps JSON as UTF-8.
import { TextDecoder } from 'node:util';

const BOMS: readonly (readonly [readonly number[], string])[] = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xff, 0xfe], 'utf-16le'],
  [[0xfe, 0xff], 'utf-16be'],
];

export interface AnswerText {
  readonly text: string;
  /** The charset it was read in ("utf-8", "iso-8859-1"...). */
  readonly charset: string;
  /** The bytes when they were UTF-8 already, else the text encoded as UTF-8. */
  readonly utf8: Buffer;
}

function charsetOf(bytes: Uint8Array, contentType: string): string {
  for (const [bom, name] of BOMS) if (bom.every((b, i) => bytes[i] === b)) return name;
  const said = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType)?.[1]?.toLowerCase();
  // UTF-16 without a BOM or a label: every other byte of ASCII JSON is zero.
  if (!said && bytes.length >= 4 && bytes[0] !== 0 && bytes[1] === 0 && bytes[3] === 0)
    return 'utf-16le';
  if (!said && bytes.length >= 4 && bytes[0] === 0 && bytes[1] !== 0 && bytes[2] === 0)
    return 'utf-16be';
  return said ?? 'utf-8';
}

export function answerText(bytes: Buffer, contentType: string): AnswerText {
  let charset = charsetOf(bytes, contentType);
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset);
  } catch {
    // A label no one knows: read as JSON's default rather than refused.
    charset = 'utf-8';
    decoder = new TextDecoder(charset);
  }
  if (decoder.encoding === 'utf-8') return { text: bytes.toString('utf8'), charset, utf8: bytes };
  // The BOM goes: the text is re-encoded as UTF-8, where it would mean nothing.
  const text = decoder.decode(bytes);
  return { text, charset: decoder.encoding, utf8: Buffer.from(text, 'utf8') };
}
