// Who a transaction was with, read from the enrichment fields when FinBox filled them and
// else from the narration as Indian banks print it: `UPI-NAME-VPA-IFSC-REF-NOTE` (HDFC),
// `UPI/DR/REF/NAME/BANK/VPA` (SBI), `NEFT-IFSC-NAME-...`, `IMPS-REF-NAME-BANK-...`,
// `MMT/IMPS/REF/NAME/BANK`, `ACH D- LENDER-REF`, `NEFT NAME REF TRF TO ACCOUNT`.
import type { TransactionView } from '../model/view-model';

export interface Counterparty {
  /** Grouping key: upper case, letters and digits only, titles dropped. */
  readonly key: string;
  /** As first printed, tidied. */
  readonly name: string;
}

export const CASH_COUNTERPARTY: Counterparty = { key: 'CASH', name: 'Cash' };

const DATE_PREFIX = /^\s*\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\s+/;
const IFSC = /^[A-Z]{4}0[A-Z0-9]{6}$/;
const SEPARATOR = /[-/:]/;
/** A `-` or `/` within the first 40 characters: the narration is in parts. */
const SEPARATOR_EARLY = /^[^-/]{0,39}[-/]/;
/** Words that name the rail or direction, never the party. */
const RAIL_WORDS = new Set([
  'UPI',
  'NEFT',
  'RTGS',
  'IMPS',
  'MMT',
  'INF',
  'INFT',
  'FT',
  'TRF',
  'TRANSFER',
  'CR',
  'DR',
  'P2A',
  'P2M',
  'BY',
  'TO',
  'FROM',
  'ACH',
  'NACH',
  'ECS',
  'D',
  'C',
  'POS',
  'ECOM',
  'PAYMENT',
  'PAY',
  'REF',
  'NA',
]);
/**
 * Instrument and clearing words that fill narrations around the party's name
 * (`CHQ PAID-MICR CTS-...`, `CLG CHQ DEP ...`, `CHQ RET-...`): skipped like rail words.
 */
const NOISE_WORDS = new Set([
  'CHQ',
  'CHEQUE',
  'PAID',
  'MICR',
  'CTS',
  'CLG',
  'DEP',
  'DEPOSIT',
  'RET',
  'RTN',
  'RETURN',
  'INW',
  'OW',
  'IW',
]);
const TITLES = /^(MR|MRS|MS|M S|MESSRS|DR|SHRI|SMT|KUMARI)\s+/;
/** `BY TRF.`, `TO TRF.`, `POS`, `ACH D-` and similar lead-ins before the rail or party. */
const LEAD_IN =
  /^(?:(?:BY|TO)\s+(?:TRF|TRANSFER|CLG)\.?\s*|POS\s+|ECOM\s+|PUR\s+|(?:ACH|NACH|ECS)(?:\s*(?:DR|CR|D|C)\b)?\s*-?\s*|BIL\/ONL\/|INB\/?|MB\/?)+/;
const RAILS = ['UPI', 'NEFT', 'RTGS', 'IMPS', 'MMT', 'INFT', 'INF', 'FT'];
const ACCOUNT_NUMBER = /\b(?:FROM|TO)\s+(?:A\/C\s*(?:NO\.?\s*)?)?(\d{9,18})\b/;
/** Words after which the narration stops naming the party. */
const TAIL = /\s(?:TRF|TRANSFER|REF|VIA|THROUGH)\b/;
const DESCRIPTION_PARTY = /^TRANSFER (?:FROM|TO) (.+)$/i;

/** At least two letters. */
const TWO_LETTERS = /[A-Z][^A-Z]*[A-Z]/;
const NOT_NAME_CHAR = /[^A-Z&.']/g;
const SINGLE_SPACED_LETTERS = /^[A-Z]+(?: [A-Z]+)*$/;

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 160;
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
/** A-Z, &, . and ' : the characters a name keeps. */
function isNameChar(c: number): boolean {
  return (c >= 65 && c <= 90) || c === 38 || c === 46 || c === 39;
}

// The parsers below walk characters instead of splitting with regular expressions: they
// run once per transaction and dominate the insights' time on large sessions.

/** Tokens of text[from, to) that carry the party's name: no digits, no VPA, not a leading rail word. */
function nameFrom(text: string, from = 0, to = text.length, maxWords = Infinity): string | null {
  let name = '';
  let words = 0;
  let k = from;
  while (k < to && words < maxWords) {
    while (k < to && isSpace(text.charCodeAt(k))) k++;
    if (k >= to) break;
    const start = k;
    let skip = false;
    let clean = true;
    for (; k < to; k++) {
      const c = text.charCodeAt(k);
      if (isSpace(c)) break;
      if (isDigit(c) || c === 64) skip = true;
      else if (!isNameChar(c)) clean = false;
    }
    if (skip) continue;
    let bare = text.slice(start, k);
    if (!clean) bare = bare.replace(NOT_NAME_CHAR, '');
    if (bare === '' || (name === '' && (RAIL_WORDS.has(bare) || NOISE_WORDS.has(bare)))) continue;
    name = name === '' ? bare : `${name} ${bare}`;
    words++;
  }
  const first = name.charCodeAt(0);
  const last = name.charCodeAt(name.length - 1);
  if (first === 38 || first === 46 || first === 39 || last === 38 || last === 46 || last === 39)
    name = name.replace(/^[.&']+|[.&']+$/g, '');
  return TWO_LETTERS.test(name) ? name : null;
}

function isSeparator(c: number): boolean {
  return c === 45 || c === 47 || c === 58;
}

/** The first `-`, `/` or `:` separated part that reads as a name, or a VPA's handle. */
function fromSegments(body: string): string | null {
  const n = body.length;
  for (let k = 0; k <= n;) {
    let end = k;
    while (end < n && !isSeparator(body.charCodeAt(end))) end++;
    let a = k;
    let b = end;
    k = end + 1;
    while (a < b && isSpace(body.charCodeAt(a))) a++;
    while (b > a && isSpace(body.charCodeAt(b - 1))) b--;
    if (a === b) continue;
    let digits = 0;
    let at = -1;
    for (let j = a; j < b; j++) {
      const c = body.charCodeAt(j);
      if (isDigit(c)) digits++;
      else if (c === 64 && at < 0) at = j;
    }
    // A VPA before any name (ICICI: `UPI/REF/NOTE/VPA/BANK`): its handle names the party.
    if (at >= 0) {
      const handle = body.slice(a, at);
      return TWO_LETTERS.test(handle) ? handle : null;
    }
    // References, IFSCs and masked account numbers carry digits; a name has none in most
    // of it.
    if (digits * 2 >= b - a) continue;
    if (b - a === 11 && IFSC.test(body.slice(a, b))) continue;
    // A note such as `PAYMENT FROM PH` (ICICI puts it where others put the name).
    let firstEnd = a;
    while (firstEnd < b && !isSpace(body.charCodeAt(firstEnd))) firstEnd++;
    if (firstEnd < b && RAIL_WORDS.has(body.slice(a, firstEnd))) continue;
    const name = nameFrom(body, a, b);
    if (name && !(name.indexOf(' ') < 0 && RAIL_WORDS.has(name))) return name;
  }
  return null;
}

export function counterpartyKey(name: string): string {
  const upper = name.toUpperCase();
  const key = SINGLE_SPACED_LETTERS.test(upper) ? upper : upper.replace(/[^A-Z0-9]+/g, ' ').trim();
  return TITLES.test(key) ? key.replace(TITLES, '') : key;
}

function make(name: string | null): Counterparty | null {
  if (!name) return null;
  const tidy =
    name.indexOf('  ') >= 0 || name !== name.trim() ? name.replace(/\s+/g, ' ').trim() : name;
  const key = counterpartyKey(tidy);
  return key.length >= 2 ? { key, name: tidy } : null;
}

/** FinBox's enrichment fields naming the other party, most telling first. */
const CREDIT_NAME_FIELDS = ['creditor_name', 'merchant_name', 'receiver_name'] as const;
const DEBIT_NAME_FIELDS = ['receiver_name', 'merchant_name', 'creditor_name'] as const;

function enriched(t: TransactionView): string | null {
  for (const f of t.type === 'credit' ? CREDIT_NAME_FIELDS : DEBIT_NAME_FIELDS) {
    const v = t.extra[f];
    if (typeof v === 'string' && v.trim() !== '') return v;
  }
  return null;
}

/** The party read from the narration alone (exported for tests). */
/** Length of the rail word (`UPI`, `NEFT`, ...) the text starts with, or 0. */
function railLength(text: string): number {
  for (const rail of RAILS) {
    if (!text.startsWith(rail)) continue;
    const next = text.charCodeAt(rail.length);
    // A whole word only: `FTX` is not `FT`.
    if (!(next >= 65 && next <= 90) && !isDigit(next)) return rail.length;
  }
  return 0;
}

/** A name nameFrom built (upper case, single spaces): keyed without more work. */
function makeClean(name: string | null): Counterparty | null {
  if (!name) return null;
  return SINGLE_SPACED_LETTERS.test(name) && !TITLES.test(name) ? { key: name, name } : make(name);
}

/**
 * The party read from the narration alone (exported for tests). `upper` says the caller
 * has upper-cased it already.
 */
export function counterpartyFromNarration(narration: string, upper = false): Counterparty | null {
  let text = upper ? narration : narration.toUpperCase();
  if (isDigit(text.charCodeAt(0))) text = text.replace(DATE_PREFIX, '');
  if (isSpace(text.charCodeAt(0)) || isSpace(text.charCodeAt(text.length - 1))) text = text.trim();
  text = text.replace(LEAD_IN, '');
  const rail = railLength(text);
  if (rail > 0 || SEPARATOR_EARLY.test(text)) {
    const body = rail > 0 ? text.slice(rail) : text;
    if (SEPARATOR.test(body)) {
      const name = fromSegments(body);
      if (name) return makeClean(name);
    } else {
      const tail = TAIL.exec(body);
      const name = nameFrom(body, 0, tail ? tail.index : body.length);
      if (name) return makeClean(name);
    }
  }
  const account = ACCOUNT_NUMBER.exec(text);
  if (account) return { key: `AC ${account[1]}`, name: `A/C ${account[1]}` };
  // Anything else: the narration's words without numbers, first four.
  const tail = TAIL.exec(text);
  return makeClean(nameFrom(text, 0, tail ? tail.index : text.length, 4));
}

/** The party from FinBox's enrichment fields or a `Transfer from/to NAME` description. */
export function counterpartyFromFields(t: TransactionView): Counterparty | null {
  const named = make(enriched(t));
  if (named) return named;
  // `Transfer from NAME` / `Transfer to NAME`: test the first letter before the pattern.
  const d = t.description;
  if (d.length < 12 || (d.charCodeAt(0) | 32) !== 116) return null;
  const fromDescription = DESCRIPTION_PARTY.exec(d.trim());
  return fromDescription ? make(fromDescription[1]!) : null;
}

export function counterpartyOf(t: TransactionView): Counterparty | null {
  return counterpartyFromFields(t) ?? counterpartyFromNarration(t.narration);
}
