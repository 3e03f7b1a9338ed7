// Chart colours from the theme's CSS variables, so charts follow light and dark mode.
export interface Palette {
  readonly text: string;
  readonly muted: string;
  readonly grid: string;
  readonly zero: string;
  readonly accent: string;
  readonly second: string;
  readonly good: string;
  readonly bad: string;
  readonly goodFill: string;
  readonly badFill: string;
}

function variable(styles: CSSStyleDeclaration, name: string, fallback: string): string {
  return styles.getPropertyValue(name).trim() || fallback;
}

/** `#1f5fbf` + 0.2 -> `rgba(31, 95, 191, 0.2)`; other colour syntaxes pass unchanged. */
export function withAlpha(color: string, alpha: number): string {
  const hex = /^#([0-9a-f]{6})$/i.exec(color);
  if (!hex) return color;
  const n = parseInt(hex[1]!, 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

export function readPalette(element: Element): Palette {
  const s = getComputedStyle(element);
  const good = variable(s, '--ok', '#17803d');
  const bad = variable(s, '--bad', '#b42318');
  const dark = matchMedia('(prefers-color-scheme: dark)').matches;
  return {
    text: variable(s, '--text', '#1c2330'),
    muted: variable(s, '--muted', '#5b6475'),
    grid: withAlpha(variable(s, '--border', '#d5d9e0'), dark ? 0.7 : 1),
    zero: variable(s, '--muted', '#5b6475'),
    accent: variable(s, '--accent', '#1f5fbf'),
    second: dark ? '#f2a65a' : '#c2410c',
    good,
    bad,
    goodFill: withAlpha(good, 0.14),
    badFill: withAlpha(bad, 0.18),
  };
}
