// API text made safe for a cell: within Excel's 32,767-character limit (cut with a visible
// marker) and free of the code points XML 1.0 forbids (a file with one of them opens with a
// repair prompt). exceljs itself drops the C0 control characters other than tab, LF, CR.
import { formatWhole } from '@shared/model/money';
import { EXCEL_MAX_CELL_TEXT } from './limits';

/** What replaces the end of a cut text: says that it was cut and how long it really was. */
export function truncationMarker(fullLength: number): string {
  return ` … [cut: the full text has ${formatWhole(fullLength)} characters]`;
}

// U+FFFE and U+FFFF are not XML characters; lone surrogates would become U+FFFD anyway.
const NOT_XML_SOURCE =
  '[\\ufffe\\uffff]|[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]';
const ALL_NOT_XML = new RegExp(NOT_XML_SOURCE, 'g');
/** A cheap first look: most text has no surrogate and no U+FFFE/U+FFFF at all. */
const MAYBE_NOT_XML = /[\ud800-\udfff\ufffe\uffff]/;

// Excel reads `_xHHHH_` in a cell's text as the character HHHH (ECMA-376's ST_Xstring), so
// text holding such a run would change when opened: its `_` is written as `_x005F_`. A CR
// is written as `_x000D_`, since an XML reader turns a raw CR into a line feed.
const XSTRING = /_(?=x[0-9A-Fa-f]{4}_)|\r/g;
const MAYBE_XSTRING = /_x|\r/;

function asXstring(text: string): string {
  if (!MAYBE_XSTRING.test(text)) return text;
  return text.replace(XSTRING, (m) => (m === '\r' ? '_x000D_' : '_x005F_'));
}

export function cellText(text: string, limit = EXCEL_MAX_CELL_TEXT): string {
  const clean = MAYBE_NOT_XML.test(text) ? text.replace(ALL_NOT_XML, '\ufffd') : text;
  if (clean.length <= limit) return asXstring(clean);
  const marker = truncationMarker(clean.length);
  let cut = clean.slice(0, limit - marker.length);
  // Never end on half a surrogate pair.
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return asXstring(`${cut}${marker}`);
}

/**
 * Text a spreadsheet could take for a formula if it were typed or pasted as CSV (`=`, `+`,
 * `-`, `@`, tab, CR first). Written as a string cell it is only text; these cells also get
 * the Text number format, so editing the cell later keeps it text.
 */
export function looksLikeFormula(text: string): boolean {
  const c = text.charCodeAt(0);
  return c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13;
}
