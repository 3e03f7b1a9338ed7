// How the Insights tab shows a figure: money in Indian grouping with the rupee sign,
// counts and days as whole numbers, shares as percentages.
import type { FigureKind } from '@shared/insights';
import { formatCount, NONE } from '@shared/format/value';
import { formatRupees } from '@shared/model/money';

const PERCENT = new Intl.NumberFormat('en-IN', {
  style: 'percent',
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});

export function formatShare(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value)
    ? NONE
    : PERCENT.format(value);
}

/** ABB over EMI and the like: `2.35×`. */
export function formatRatio(value: number): string {
  return `${RATIO.format(value)}×`;
}

const RATIO = new Intl.NumberFormat('en-IN', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

export function formatFigure(kind: FigureKind, value: number | string | null): string {
  if (value === null) return NONE;
  if (typeof value === 'string') return value;
  switch (kind) {
    case 'money':
      return formatRupees(value);
    case 'share':
      return formatShare(value);
    case 'count':
    case 'days':
      return formatCount(value);
    case 'ratio':
      return formatRatio(value);
    default:
      return String(value);
  }
}
