// Turns the children's results into rows, the printed table and the growth check.
import { growthExponent } from './stats';
import type { ChildResult } from './types';

export interface BenchRow {
  readonly step: string;
  readonly size: number;
  readonly timeMs: number;
  readonly baselineMs: number;
  readonly ratio: number;
  /** Peak RSS of the step's own process (inputs included), and of the baseline's. */
  readonly peakRssMb: number;
  readonly baselinePeakRssMb: number;
  /** The step's peak once its first run ended (one run in a fresh process). */
  readonly firstPeakRssMb: number;
  /** RSS once the step's inputs were loaded, before timing. */
  readonly inputRssMb: number;
  /** The first run, warm-up included (a cold cache shows here). */
  readonly firstMs: number;
  readonly timesMs: readonly number[];
  readonly baselineTimesMs: readonly number[];
  readonly facts: Readonly<Record<string, number>>;
  readonly baselineFacts: Readonly<Record<string, number>>;
  /** Why the step or its baseline failed twice (the row's figures are then NaN). */
  readonly failed?: string;
}

export interface Growth {
  readonly step: string;
  /** k in time ~ size^k over all the sizes run: 1 is linear. */
  readonly exponent: number | null;
  readonly baselineExponent: number | null;
  /** k between the two largest sizes: how the cost grows at scale. */
  readonly largestExponent: number | null;
  /**
   * Judged on the two largest sizes: at 10,000 rows a step's data may fit in the CPU's
   * caches and run disproportionately fast, which bends the all-sizes k upwards.
   */
  readonly linearOrBetter: boolean | null;
}

/** Noise allowance: GC and the machine's jitter bend a linear curve by a few percent. */
const LINEAR_TOLERANCE = 1.15;

export function rowOf(step: ChildResult, baseline: ChildResult): BenchRow {
  return {
    step: step.step,
    size: step.size,
    timeMs: step.medianMs,
    baselineMs: baseline.medianMs,
    ratio: step.medianMs / baseline.medianMs,
    peakRssMb: step.peakRssMb,
    baselinePeakRssMb: baseline.peakRssMb,
    firstPeakRssMb: step.firstPeakRssMb,
    inputRssMb: step.inputRssMb,
    firstMs: step.firstMs,
    timesMs: step.timesMs,
    baselineTimesMs: baseline.timesMs,
    facts: step.facts,
    baselineFacts: baseline.facts,
  };
}

/** The row of a measurement that failed twice: it keeps its place in the table. */
export function failedRow(step: string, size: number, reason: string): BenchRow {
  return {
    step,
    size,
    timeMs: NaN,
    baselineMs: NaN,
    ratio: NaN,
    peakRssMb: NaN,
    baselinePeakRssMb: NaN,
    firstPeakRssMb: NaN,
    inputRssMb: NaN,
    firstMs: NaN,
    timesMs: [],
    baselineTimesMs: [],
    facts: {},
    baselineFacts: {},
    failed: reason,
  };
}

export function growthOf(rows: readonly BenchRow[]): Growth[] {
  const measured = rows.filter((r) => r.failed === undefined);
  const steps = [...new Set(measured.map((r) => r.step))];
  return steps.map((step) => {
    const mine = measured.filter((r) => r.step === step);
    const points = mine.map((r) => ({ size: r.size, ms: r.timeMs }));
    const largest = [...points].sort((a, b) => a.size - b.size).slice(-2);
    const largestExponent = growthExponent(largest);
    return {
      step,
      exponent: growthExponent(points),
      baselineExponent: growthExponent(mine.map((r) => ({ size: r.size, ms: r.baselineMs }))),
      largestExponent,
      linearOrBetter: largestExponent === null ? null : largestExponent <= LINEAR_TOLERANCE,
    };
  });
}

/** The longest step name, open-rows-first. */
const STEP_WIDTH = 15;

function pad(text: string, width: number, left = false): string {
  return left ? text.padEnd(width) : text.padStart(width);
}

const fmtMs = (ms: number): string => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));

export function formatRow(r: BenchRow): string {
  if (r.failed !== undefined) {
    return [
      pad(r.step, STEP_WIDTH, true),
      pad(r.size.toLocaleString('en'), 8),
      `   FAILED: ${r.failed}`,
    ].join(' ');
  }
  const extra: string[] = [];
  if (r.step === 'to-renderer' && r.facts['bytes'] !== undefined) {
    const raw = r.baselineFacts['bytes'] ?? NaN;
    extra.push(
      `${(r.facts['bytes'] / 1048576).toFixed(1)} MB sent vs ${(raw / 1048576).toFixed(1)} MB raw`,
    );
  }
  if (r.step === 'filter') extra.push(`first ${fmtMs(r.firstMs)} ms`);
  if (r.step === 'fetch-out') extra.push(`first run's peak ${r.firstPeakRssMb.toFixed(0)} MB`);
  if (r.step === 'render') {
    const { domRows, decodeMs, rendererPeakMb } = r.facts;
    if (domRows !== undefined) extra.push(`${domRows} DOM rows after scrolling to the end`);
    if (decodeMs !== undefined) extra.push(`decode ${fmtMs(decodeMs)} ms`);
    if (rendererPeakMb !== undefined) extra.push(`renderer peak ${rendererPeakMb.toFixed(0)} MB`);
  }
  if (r.step === 'open-rows' || r.step === 'open-rows-first') {
    const { answerMs, rendererPeakMb } = r.facts;
    if (answerMs !== undefined) extra.push(`answer in the page after ${fmtMs(answerMs)} ms`);
    if (rendererPeakMb !== undefined) extra.push(`renderer peak ${rendererPeakMb.toFixed(0)} MB`);
  }
  return [
    pad(r.step, STEP_WIDTH, true),
    pad(r.size.toLocaleString('en'), 8),
    pad(fmtMs(r.timeMs), 9),
    pad(fmtMs(r.baselineMs), 9),
    pad(r.ratio.toFixed(2), 6),
    pad(r.peakRssMb.toFixed(0), 8),
    pad(r.baselinePeakRssMb.toFixed(0), 8),
    '  ' + extra.join('; '),
  ].join(' ');
}

export const HEADER = [
  pad('step', STEP_WIDTH, true),
  pad('size', 8),
  pad('ms', 9),
  pad('base ms', 9),
  pad('ratio', 6),
  pad('peak MB', 8),
  pad('base MB', 8),
  '  notes',
].join(' ');
