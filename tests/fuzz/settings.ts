// How many runs a fuzz property makes and from which seed, the same for every target:
//   `npm test`      FUZZ_RUNS unset (a short round) and a fixed seed: the same cases each run;
//   `npm run fuzz`  FUZZ_RUNS=1000 (or as set) and FUZZ_SEED=random: new cases each run.
// The seed is printed first; FUZZ_SEED=<seed> (with the same FUZZ_RUNS) replays a run. A
// failure is shrunk to its smallest input and fast-check prints it with the seed and path.
import { randomInt } from 'node:crypto';

/** The seed of `npm test`'s round (any fixed number; changed only on purpose). */
export const FIXED_SEED = 20_261_206;

export const RUNS = Number(process.env.FUZZ_RUNS || 12);

function seedOf(given: string | undefined): number {
  if (given === undefined || given === '') return FIXED_SEED;
  if (given === 'random') return randomInt(2 ** 31 - 1);
  const seed = Number(given);
  if (!Number.isSafeInteger(seed))
    throw new Error(`FUZZ_SEED: expected a whole number or "random", got "${given}"`);
  return seed;
}

export const SEED = seedOf(process.env.FUZZ_SEED);

/** fast-check's options for the n-th property of a file (each its own stream of cases). */
export function fuzzOptions(n: number) {
  return { numRuns: RUNS, seed: SEED + n, endOnFailure: false } as const;
}

/** Printed once per target: what ran, and how to run it again. */
export function announce(target: string): void {
  console.log(
    `fuzz ${target}: ${RUNS} runs a property, seed ${SEED} (replay: FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS} npm run fuzz)`,
  );
}
