// `npm run bench`: generates the sandbox's seeded `demo-large-<N>` sessions and measures
// each step of the path from fetch to render beside its bare baseline on the same data,
// each in its own child process (so each peak memory figure is one step's), then prints
// a table, the growth with size and the issue's targets, and writes bench/results.json.
//
//   --sizes 10000,50000   sizes to run (default 10000,50000,100000,200000)
//   --steps fetch,open    steps to run (default all)
//   --reps 5              timed repetitions per measurement (median quoted)
//   --warmup 1            untimed runs first
//   --out bench/results.json
import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { SANDBOX_CREDENTIALS } from '../src/core/profiles/profile-store';
import { startSandboxServer } from '../src/sandbox/server';
import { prepareSize } from './lib/data';
import { withOneRetry } from './lib/attempt';
import { failedRow, formatRow, growthOf, HEADER, rowOf, type BenchRow } from './lib/report';
import { checkTargets } from './lib/targets';
import {
  STEP_NAMES,
  type ChildArgs,
  type ChildResult,
  type SizeData,
  type StepName,
  type Variant,
} from './lib/types';
import { STEPS } from './steps/index';

interface Options {
  sizes: number[];
  steps: StepName[];
  reps: number;
  warmup: number;
  out: string;
}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = {
    sizes: [10_000, 50_000, 100_000, 200_000],
    steps: STEP_NAMES.filter((s) => STEPS[s] !== undefined),
    reps: 5,
    warmup: 1,
    out: resolve(__dirname, 'results.json'),
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = argv[++i];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    switch (flag) {
      case '--sizes':
        options.sizes = value.split(',').map((s) => {
          const n = Number(s.replace(/_/g, ''));
          if (!Number.isInteger(n) || n < 1 || n > 200_000)
            throw new Error(`--sizes: ${s} is not a whole number from 1 to 200000`);
          return n;
        });
        break;
      case '--steps':
        options.steps = value.split(',').map((s) => {
          if (!(STEP_NAMES as readonly string[]).includes(s))
            throw new Error(`--steps: ${s} is not one of ${STEP_NAMES.join(', ')}`);
          if (!STEPS[s as StepName]) throw new Error(`--steps: ${s} is not measurable yet`);
          return s as StepName;
        });
        break;
      case '--reps':
        options.reps = Math.max(1, Number(value));
        break;
      case '--warmup':
        options.warmup = Math.max(0, Number(value));
        break;
      case '--out':
        options.out = resolve(value);
        break;
      default:
        throw new Error(`unknown flag ${flag} (see the top of bench/run.ts)`);
    }
  }
  return options;
}

function runChild(args: ChildArgs): Promise<ChildResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', join(__dirname, 'child.ts'), JSON.stringify(args)],
      {
        stdio: ['ignore', 'inherit', 'inherit'],
        env: { ...process.env, TSX_TSCONFIG_PATH: resolve(__dirname, '../tsconfig.node.json') },
      },
    );
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code !== 0) {
        reject(new Error(`${args.step} ${args.variant} ${args.data.size}: exit ${code ?? signal}`));
        return;
      }
      readFile(args.resultFile, 'utf8')
        .then((text) => resolvePromise(JSON.parse(text) as ChildResult))
        .catch(reject);
    });
  });
}

function gitCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  // A step this machine cannot run (no browser) is left out, saying why.
  options.steps = options.steps.filter((name) => {
    const why = STEPS[name]!.unavailable?.() ?? null;
    if (why) console.log(`Skipping ${name}: ${why}`);
    return why === null;
  });
  const root = await mkdtemp(join(tmpdir(), 'bcv-bench-'));
  const server = await startSandboxServer({ ...SANDBOX_CREDENTIALS });
  const rows: BenchRow[] = [];
  const started = Date.now();
  console.log(
    `BankConnect Viewer benchmark: ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; ` +
      `${options.reps} runs after ${options.warmup} warm-up, median quoted`,
  );
  for (const name of options.steps) {
    const step = STEPS[name]!;
    console.log(`  ${name.padEnd(15)} ${step.measured}\n  ${''.padEnd(15)} vs ${step.baseline}`);
  }
  console.log(`\n${HEADER}`);
  try {
    for (const size of options.sizes) {
      const data: SizeData = await prepareSize(size, server.url, root);
      for (const step of options.steps) {
        const measure = (variant: Variant) =>
          withOneRetry(
            () =>
              runChild({
                step,
                variant,
                reps: options.reps,
                warmup: options.warmup,
                data,
                resultFile: join(root, `${step}-${size}-${variant}.json`),
              }),
            (reason) =>
              console.log(`  (${step} ${variant} at ${size}: ${reason}; trying once more)`),
          );
        const measured = await measure('step');
        const baseline = await measure('baseline');
        const row =
          measured.ok && baseline.ok
            ? rowOf(measured.value, baseline.value)
            : failedRow(
                step,
                size,
                [measured, baseline].flatMap((a) => (a.ok ? [] : [a.error])).join('; '),
              );
        rows.push(row);
        console.log(formatRow(row));
      }
      await rm(join(root, data.sessionId), { recursive: true, force: true });
    }
  } finally {
    await server.close();
    await rm(root, { recursive: true, force: true });
  }

  const growth = growthOf(rows);
  if (options.sizes.length > 1) {
    console.log('\nGrowth with size (time ~ size^k; 1 = linear; judged on the two largest sizes):');
    const fmt = (k: number | null) => (k === null ? 'n/a' : k.toFixed(2));
    for (const g of growth) {
      const k = `${fmt(g.largestExponent)}, all sizes ${fmt(g.exponent)}`;
      const b = fmt(g.baselineExponent);
      const verdict =
        g.linearOrBetter === null
          ? ''
          : g.linearOrBetter
            ? 'linear or better'
            : 'WORSE than linear';
      console.log(`  ${g.step.padEnd(15)} k=${k} (baseline k=${b}) ${verdict}`);
    }
  }
  const targets = checkTargets(rows);
  if (targets.length > 0) {
    console.log('\nTargets:');
    for (const t of targets) {
      console.log(
        `  ${t.met ? 'met    ' : 'NOT met'} ${t.step.padEnd(15)} ${t.target}: ${t.measured}`,
      );
    }
  }
  await writeFile(
    options.out,
    JSON.stringify(
      {
        when: new Date().toISOString(),
        commit: gitCommit(),
        machine: {
          cores: cpus().length,
          memoryGiB: Math.round(totalmem() / 2 ** 30),
          node: process.version,
        },
        options: {
          sizes: options.sizes,
          steps: options.steps,
          reps: options.reps,
          warmup: options.warmup,
        },
        seconds: Math.round((Date.now() - started) / 1000),
        results: rows,
        growth,
        targets,
      },
      null,
      2,
    ) + '\n',
  );
  console.log(`\nWrote ${options.out} in ${Math.round((Date.now() - started) / 1000)} s`);
  const failed = rows.filter((r) => r.failed !== undefined);
  if (failed.length > 0) {
    console.log(
      `${failed.length} measurement(s) FAILED twice: ${failed.map((r) => `${r.step} at ${r.size.toLocaleString('en')}`).join(', ')}`,
    );
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
