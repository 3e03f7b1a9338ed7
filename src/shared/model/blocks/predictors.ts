// `predictors`: FinBox's named figures for the account, per month where the key says so.
import { jsonPath } from '../../api/json-path';
import { isRecord } from '../read-values';
import { perMonthPredictor } from '../predictor-keys';
import type { PredictorsView } from '../view-model';
import { keepOther } from './context';
import type { Path, BlockContext } from './context';

export function readPredictors(value: unknown, path: Path, ctx: BlockContext): PredictorsView {
  const scalars: { key: string; value: unknown }[] = [];
  const monthLabels: (string | null)[] = [];
  const seriesByField = new Map<string, unknown[]>();
  if (value !== null && value !== undefined && !isRecord(value)) {
    ctx.setAside.add(jsonPath(path), value, 'expected {predictor: value}');
  }
  for (const [key, v] of Object.entries(isRecord(value) ? value : {})) {
    if (v !== null && typeof v === 'object') {
      keepOther(ctx, [...path, key], v);
      continue;
    }
    const perMonth = perMonthPredictor(key);
    if (!perMonth) {
      scalars.push({ key, value: v });
      continue;
    }
    const { field, month: i } = perMonth;
    if (field === 'month') {
      monthLabels[i] = typeof v === 'string' ? v : null;
      continue;
    }
    let values = seriesByField.get(field);
    if (!values) seriesByField.set(field, (values = []));
    values[i] = v;
  }
  const width = Math.max(
    monthLabels.length,
    ...[...seriesByField.values()].map((v) => v.length),
    0,
  );
  const months = Array.from({ length: width }, (_, i) => monthLabels[i] ?? null);
  const series = [...seriesByField].map(([field, values]) => ({
    field,
    values: Array.from({ length: width }, (_, i) => values[i] ?? null),
  }));
  return { scalars, months, series };
}
