// The targets, checked against one run's rows. A target that cannot be judged
// (its size or step was not run) is left out rather than passed.
import type { BenchRow } from './report';

export interface TargetCheck {
  readonly step: string;
  readonly target: string;
  readonly measured: string;
  readonly met: boolean;
}

const LARGEST = 200_000;

function at(rows: readonly BenchRow[], step: string, size = LARGEST): BenchRow | undefined {
  return rows.find((r) => r.step === step && r.size === size && r.failed === undefined);
}

function ratioAtEverySize(
  rows: readonly BenchRow[],
  step: string,
  limit: number,
): TargetCheck | null {
  const mine = rows.filter((r) => r.step === step && Number.isFinite(r.ratio));
  if (mine.length === 0) return null;
  const worst = mine.reduce((a, b) => (b.ratio > a.ratio ? b : a));
  return {
    step,
    target: `ratio <= ${limit}`,
    measured: `worst ${worst.ratio.toFixed(2)} at ${worst.size.toLocaleString('en')}`,
    met: worst.ratio <= limit,
  };
}

export function checkTargets(rows: readonly BenchRow[]): TargetCheck[] {
  const checks: (TargetCheck | null)[] = [
    ratioAtEverySize(rows, 'fetch', 1.5),
    ratioAtEverySize(rows, 'fetch-out', 1.5),
    ratioAtEverySize(rows, 'open', 2.0),
    ratioAtEverySize(rows, 'open-first', 1.5),
    ratioAtEverySize(rows, 'to-renderer', 1.0),
    ratioAtEverySize(rows, 'filter', 2.0),
    ratioAtEverySize(rows, 'export', 1.3),
  ];
  for (const r of rows.filter((row) => row.step === 'to-renderer')) {
    const sent = r.facts['bytes'];
    const raw = r.baselineFacts['bytes'];
    if (sent === undefined || raw === undefined) continue;
    checks.push({
      step: 'to-renderer',
      target: `bytes < raw JSON at ${r.size.toLocaleString('en')}`,
      measured: `${(sent / 1048576).toFixed(1)} MB vs ${(raw / 1048576).toFixed(1)} MB`,
      met: sent < raw,
    });
  }
  const filter = at(rows, 'filter');
  if (filter) {
    checks.push({
      step: 'filter',
      target: 'median < 50 ms at 200,000',
      measured: `${filter.timeMs.toFixed(1)} ms`,
      met: filter.timeMs < 50,
    });
  }
  const render = at(rows, 'render');
  if (render) {
    checks.push({
      step: 'render',
      target: 'first rows < 1000 ms at 200,000',
      measured: `${render.timeMs.toFixed(0)} ms`,
      met: render.timeMs < 1000,
    });
    const domRows = render.facts['domRows'];
    if (domRows !== undefined) {
      checks.push({
        step: 'render',
        target: 'DOM rows < 300 after scrolling to the end',
        measured: `${domRows}`,
        met: domRows < 300,
      });
    }
    const heap = render.facts['rendererPeakMb'];
    if (heap !== undefined) {
      checks.push({
        step: 'render',
        target: 'renderer memory < 1 GB at 200,000',
        measured: `${heap.toFixed(0)} MB`,
        met: heap < 1024,
      });
    }
  }
  for (const step of ['open-rows', 'open-rows-first']) {
    const row = at(rows, step);
    const heap = row?.facts['rendererPeakMb'];
    if (heap !== undefined) {
      checks.push({
        step,
        target: 'renderer memory < 1 GB at 200,000',
        measured: `${heap.toFixed(0)} MB`,
        met: heap < 1024,
      });
    }
  }
  const keptOpen = at(rows, 'open-rows');
  if (keptOpen) {
    checks.push({
      step: 'open-rows',
      target: 'Open to first rows < 1500 ms at 200,000 (kept view)',
      measured: `${keptOpen.timeMs.toFixed(0)} ms`,
      met: keptOpen.timeMs < 1500,
    });
  }
  // The catalogue is the same 500 cases whatever the size: judged at any size run.
  const search = rows.find((r) => r.step === 'search' && r.failed === undefined);
  if (search) {
    checks.push({
      step: 'search',
      target: 'slowest query < 50 ms over 500 cases x 2,000',
      measured: `${search.timeMs.toFixed(1)} ms`,
      met: search.timeMs < 50,
    });
  }
  const fetchOut = at(rows, 'fetch-out');
  if (fetchOut) {
    checks.push({
      step: 'fetch-out',
      // `bcv fetch` is one fetch per process: its first run's peak (all runs' in the table).
      target: 'peak < 1 GB at 200,000 (one fetch in a fresh process)',
      measured: `${fetchOut.firstPeakRssMb.toFixed(0)} MB`,
      met: fetchOut.firstPeakRssMb < 1024,
    });
  }
  const exported = at(rows, 'export');
  if (exported) {
    checks.push({
      step: 'export',
      target: 'main peak (open + export) < 1.5 GB at 200,000',
      measured: `${exported.peakRssMb.toFixed(0)} MB`,
      met: exported.peakRssMb < 1536,
    });
  }
  return checks.filter((c): c is TargetCheck => c !== null);
}
