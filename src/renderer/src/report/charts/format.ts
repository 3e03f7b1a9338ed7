// Axis and tooltip text for charts: compact Indian units on axes (₹12.3L, ₹1.2Cr) and
// the exact amount in tooltips.
import { formatRupees, formatWhole } from '@shared/model/money';

export function compactRupees(value: number): string {
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  if (abs >= 1e7) return `${sign}₹${trim(abs / 1e7)}Cr`;
  if (abs >= 1e5) return `${sign}₹${trim(abs / 1e5)}L`;
  if (abs >= 1e3) return `${sign}₹${trim(abs / 1e3)}K`;
  return `${sign}₹${trim(abs)}`;
}

function trim(n: number): string {
  // Past a hundred crore the crores themselves are grouped: ₹10,00,000Cr, never ₹1000000Cr.
  return n >= 100
    ? formatWhole(n)
    : n >= 10
      ? n.toFixed(1).replace(/\.0$/, '')
      : n.toFixed(2).replace(/\.?0+$/, '');
}

export { formatRupees };
