// One child process per (step, size, variant), so that each peak memory figure belongs
// to one step: loads the inputs, runs warm-up and timed repetitions with a full GC
// between them, and writes a ChildResult to the file the parent named.
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { median } from './lib/stats';
import type { ChildArgs, ChildResult } from './lib/types';
import { loadStep } from './steps/load';

const MB = 1024 * 1024;

function collect(): void {
  // --expose-gc is passed by the parent; without it the figures are only noisier.
  (globalThis as { gc?: () => void }).gc?.();
}

async function main(): Promise<void> {
  const args = JSON.parse(process.argv[2] ?? '') as ChildArgs;
  const step = await loadStep(args.step);
  const run = await step.prepare(args.variant, args.data);
  collect();
  const inputRss = process.memoryUsage().rss;
  const times: number[] = [];
  let firstMs: number | null = null;
  let firstPeakRss: number | null = null;
  let facts: Record<string, number> = {};
  for (let i = 0; i < args.warmup + args.reps; i++) {
    const started = performance.now();
    const outcome = await run();
    const ms = outcome?.ms ?? performance.now() - started;
    firstMs ??= ms;
    firstPeakRss ??= process.resourceUsage().maxRSS;
    if (i >= args.warmup) times.push(ms);
    facts = { ...facts, ...outcome?.facts };
    collect();
  }
  await step.dispose?.();
  const result: ChildResult = {
    step: args.step,
    variant: args.variant,
    size: args.data.size,
    timesMs: times,
    medianMs: median(times),
    firstMs: firstMs ?? NaN,
    inputRssMb: inputRss / MB,
    // maxRSS is the kernel's high-water mark for this process, in kilobytes.
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    firstPeakRssMb: (firstPeakRss ?? NaN) / 1024,
    facts,
  };
  writeFileSync(args.resultFile, JSON.stringify(result));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
