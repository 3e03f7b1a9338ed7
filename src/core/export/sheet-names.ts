// Sheet names that Excel accepts, by construction: 1 to 31 characters, none of [ ] : * ? / \,
// no apostrophe at either end, not `History`, unique ignoring case.
import { EXCEL_MAX_SHEET_NAME } from './limits';

const FORBIDDEN = /[[\]:*?/\\]/g;
const RESERVED = 'history';

function clean(name: string): string {
  // Control characters are not forbidden by Excel but cannot be typed or seen either.
  // eslint-disable-next-line no-control-regex
  let out = name.replace(FORBIDDEN, '-').replace(/[\u0000-\u001f\u007f]/g, ' ');
  out = out.replace(/^'+|'+$/g, '').trim();
  return out === '' ? 'Sheet' : out;
}

/** `base` cut so that `base + suffix` fits in 31 characters (never inside a surrogate pair). */
function fit(base: string, suffix: string): string {
  const room = EXCEL_MAX_SHEET_NAME - suffix.length;
  let cut = base.length > room ? base.slice(0, room) : base;
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut.replace(/'+$/, '').trimEnd()}${suffix}`;
}

export class SheetNames {
  private readonly used = new Set<string>();

  /** A valid name not yet used: `base`, else `base (2)`, `base (3)`... */
  claim(base: string): string {
    const cleaned = clean(base);
    for (let n = 1; ; n++) {
      const name = n === 1 ? fit(cleaned, '') : fit(cleaned, ` (${n})`);
      const key = name.toLowerCase();
      if (key === RESERVED || this.used.has(key)) continue;
      this.used.add(key);
      return name;
    }
  }

  /** The name the `part`-th sheet of `base` gets (1 = `base` itself), without claiming it. */
  static continuation(base: string, part: number): string {
    return part === 1 ? fit(clean(base), '') : fit(clean(base), ` (${part})`);
  }
}
