// JSON as every reader in the app takes it: a leading byte-order mark accepted, nesting
// deeper than any BankConnect response refused with the place it happens (deep nesting
// otherwise overflows the stack of whatever walks the value next), and keys given twice in
// one object found and reported: JSON.parse silently keeps the last of them, so a second
// `amount` would change a figure with nobody told.
//
// The usual case costs a count: keys in the text (one colon after each) against keys in
// the parsed value. Only when they differ does the exact pass (scanJson) find the places.
import { jsonPath } from '../api/parse';

/** Far deeper than any response (about 8 levels): anything past it is not BankConnect data. */
export const MAX_JSON_DEPTH = 256;
/** Reports kept per text: a hostile file cannot fill memory with them. */
export const MAX_REPORTS = 1000;
/** Values shown per report: one key given a million times is one short report. */
export const MAX_VALUES_SHOWN = 20;
/** Objects with more keys than this are checked through a map instead of a list. */
const LINEAR_KEYS = 24;
/** Characters of a value shown in a report. */
const SHOWN = 60;

export interface DuplicateKey {
  /** JSON path of the key, as the schema errors name places (`$.accounts.a.transactions[3].amount`). */
  readonly path: string;
  readonly key: string;
  /** Short text of each value given, in order; JSON.parse kept the last. */
  readonly values: readonly string[];
}

export class JsonReadError extends Error {
  override readonly name = 'JsonReadError';
  constructor(
    readonly code: 'NOT_JSON' | 'TOO_DEEP',
    message: string,
  ) {
    super(message);
  }
}

export interface JsonRead {
  readonly value: unknown;
  readonly duplicates: readonly DuplicateKey[];
}

/** Parses `text` (a BOM accepted) and checks it; throws JsonReadError when it cannot be used. */
export function readJson(text: string, what = 'the text'): JsonRead {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const value = parseJson(text, what);
  // JSON.parse itself reads any depth; what walks the value next may not.
  const { keys, deep } = walk(value);
  if (deep) {
    throw new JsonReadError(
      'TOO_DEEP',
      `${what} is nested more than ${MAX_JSON_DEPTH} levels deep (at ${scanJson(text, start).tooDeepAt ?? '$'}): not a BankConnect response`,
    );
  }
  // Each key in the text has one colon after it; fewer keys in the value means some were
  // given twice. Only then is the slower exact pass run, to say where.
  if (keysInText(text, start) === keys) return { value, duplicates: [] };
  return { value, duplicates: scanJson(text, start).duplicates };
}

/**
 * JSON.parse alone (a BOM accepted), for text this app has already read with readJson and
 * whose findings it kept (a saved snapshot's bytes, proven unchanged by their checksums).
 */
export function parseJson(text: string, what = 'the text'): unknown {
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0]!.slice(0, 200) : '';
    throw new JsonReadError('NOT_JSON', `${what} is not JSON (${reason})`);
  }
}

/** Keys in the parsed value (each object's own keys) and whether it nests too deep. */
function walk(root: unknown): { keys: number; deep: boolean } {
  let keys = 0;
  const values: unknown[] = [root];
  const depths: number[] = [0];
  while (values.length > 0) {
    const value = values.pop();
    const depth = depths.pop()! + 1;
    if (depth > MAX_JSON_DEPTH) return { keys, deep: true };
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const item: unknown = value[i];
        if (typeof item === 'object' && item !== null) {
          values.push(item);
          depths.push(depth);
        }
      }
    } else {
      const record = value as Record<string, unknown>;
      for (const key in record) {
        keys++;
        const item = record[key];
        if (typeof item === 'object' && item !== null) {
          values.push(item);
          depths.push(depth);
        }
      }
    }
  }
  return { keys, deep: false };
}

/** Colons outside strings: in JSON, exactly one after each key. */
function keysInText(s: string, start: number): number {
  let colons = 0;
  for (let i = start; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === QUOTE) i = stringEnd(s, i);
    else if (c === 58) colons++;
  }
  return colons;
}

export interface JsonScan {
  /** Where nesting passed MAX_JSON_DEPTH (a shortened path), or null. */
  readonly tooDeepAt: string | null;
  readonly duplicates: readonly DuplicateKey[];
}

const QUOTE = 34;
const BACKSLASH = 92;

/** The index of the quote that closes the string opening at `i` (or the text's length). */
function stringEnd(s: string, i: number): number {
  let from = i + 1;
  for (;;) {
    const q = s.indexOf('"', from);
    if (q < 0) return s.length;
    let slashes = 0;
    for (let b = q - 1; b > i && s.charCodeAt(b) === BACKSLASH; b--) slashes++;
    if ((slashes & 1) === 0) return q;
    from = q + 1;
  }
}

function keyText(s: string, open: number, close: number): string {
  const raw = s.slice(open + 1, close);
  if (raw.indexOf('\\') < 0) return raw;
  try {
    return JSON.parse(s.slice(open, close + 1)) as string;
  } catch {
    return raw;
  }
}

/** The value after the key closing at `close`, shortened: `"text"`, `12.5`, `{…}`. */
function valueText(s: string, close: number): string {
  let i = close + 1;
  while (i < s.length && s.charCodeAt(i) !== 58) i++; // the colon
  i++;
  while (i < s.length && s.charCodeAt(i) <= 32) i++;
  const c = s.charCodeAt(i);
  if (c === 123) return '{…}';
  if (c === 91) return '[…]';
  let end: number;
  if (c === QUOTE) end = stringEnd(s, i) + 1;
  else {
    end = i;
    while (end < s.length && !/[\s,}\]]/.test(s[end]!)) end++;
  }
  const text = s.slice(i, Math.min(end, i + SHOWN));
  return end - i > SHOWN ? `${text}…` : text;
}

/** Whether the keys whose quotes are at (a0, a1) and (b0, b1) say the same. */
function hasEscape(s: string, open: number, close: number): boolean {
  for (let k = open + 1; k < close; k++) if (s.charCodeAt(k) === BACKSLASH) return true;
  return false;
}

/** Whether the keys whose quotes are at (a0, a1) and (b0, b1) say the same. */
function sameKey(
  s: string,
  a0: number,
  a1: number,
  b0: number,
  b1: number,
  escapes: boolean,
): boolean {
  if (a1 - a0 === b1 - b0) {
    let k = 1;
    while (a0 + k < a1 && s.charCodeAt(a0 + k) === s.charCodeAt(b0 + k)) k++;
    if (a0 + k === a1) return true;
  }
  // Escapes can spell one key two ways ("a" and "\\u0061"): compare what they mean.
  return escapes && keyText(s, a0, a1) === keyText(s, b0, b1);
}

/**
 * One pass over the text: the deepest nesting and every key given twice in one object.
 * The keys of the objects being read are on one stack of quote positions (no allocation
 * per object); objects with many keys also get a map from key to position.
 */
export function scanJson(s: string, start = 0): JsonScan {
  const n = s.length;
  // Per depth: is it an object, the array index, where its keys start on the key stack.
  const isObject: boolean[] = [false];
  const index: number[] = [0];
  const keyBase: number[] = [0];
  const maps: (Map<string, number> | null)[] = [null];
  // The key stack: opening and closing quote of each key of every open object.
  const opens: number[] = [];
  const closes: number[] = [];
  let depth = 0;
  let expectKey = false;
  // Escaped keys seen so far: until there is one, raw comparison is exact.
  let escapedKeys = 0;
  const found = new Map<string, { key: string; values: string[] }>();

  // The current key of an object at depth d is the last one on its part of the stack.
  const pathOf = (upTo: number, last?: string): string => {
    const parts: (string | number)[] = [];
    for (let d = 1; d <= upTo; d++) {
      if (!isObject[d]) parts.push(index[d]!);
      else {
        const top = (d < depth ? keyBase[d + 1]! : opens.length) - 1;
        parts.push(top >= keyBase[d]! ? keyText(s, opens[top]!, closes[top]!) : '');
      }
    }
    if (last !== undefined) parts.push(last);
    return jsonPath(parts);
  };

  const report = (earlier: number, open: number, close: number): void => {
    if (found.size >= MAX_REPORTS) return;
    const key = keyText(s, open, close);
    const path = pathOf(depth - 1, key);
    const entry = found.get(path);
    if (entry) {
      if (entry.values.length < MAX_VALUES_SHOWN) entry.values.push(valueText(s, close));
    } else found.set(path, { key, values: [valueText(s, closes[earlier]!), valueText(s, close)] });
  };

  for (let i = start; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === QUOTE) {
      const close = stringEnd(s, i);
      if (expectKey) {
        expectKey = false;
        const base = keyBase[depth]!;
        const top = opens.length;
        if (hasEscape(s, i, close)) escapedKeys++;
        let earlier = -1;
        const map = maps[depth];
        if (map) {
          const key = keyText(s, i, close);
          const k = map.get(key);
          if (k !== undefined) earlier = k;
          map.set(key, top);
        } else {
          for (let k = base; k < top; k++) {
            if (sameKey(s, opens[k]!, closes[k]!, i, close, escapedKeys > 0)) earlier = k;
          }
          if (top - base >= LINEAR_KEYS) {
            const made = new Map<string, number>();
            for (let k = base; k < top; k++) made.set(keyText(s, opens[k]!, closes[k]!), k);
            made.set(keyText(s, i, close), top);
            maps[depth] = made;
          }
        }
        opens.push(i);
        closes.push(close);
        if (earlier >= 0) report(earlier, i, close);
      }
      i = close;
    } else if (c === 123 || c === 91) {
      depth++;
      if (depth > MAX_JSON_DEPTH) {
        return { tooDeepAt: `${pathOf(Math.min(depth - 1, 6))}…`, duplicates: [] };
      }
      isObject[depth] = c === 123;
      index[depth] = 0;
      keyBase[depth] = opens.length;
      maps[depth] = null;
      expectKey = c === 123;
    } else if (c === 125 || c === 93) {
      if (depth > 0) {
        opens.length = keyBase[depth]!;
        closes.length = keyBase[depth]!;
        depth--;
      }
      expectKey = false;
    } else if (c === 44) {
      if (isObject[depth]) expectKey = true;
      else index[depth]!++;
    }
  }
  const duplicates = [...found].map(([path, { key, values }]) => ({ path, key, values }));
  return { tooDeepAt: null, duplicates };
}
