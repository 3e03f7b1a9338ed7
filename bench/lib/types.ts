// What the benchmark's parent and its child processes agree on.

export const STEP_NAMES = [
  'fetch',
  'fetch-out',
  'open',
  'open-first',
  'to-renderer',
  'filter',
  'insights',
  'export',
  'render',
  'open-rows',
  'open-rows-first',
  'search',
] as const;
export type StepName = (typeof STEP_NAMES)[number];

/** The measured step, or its bare baseline on the same data. */
export type Variant = 'step' | 'baseline';

/** Where a child finds the data prepared by the parent for one size. */
export interface SizeData {
  readonly size: number;
  readonly sessionId: string;
  /** Sandbox base URL (the parent serves it over loopback). */
  readonly url: string;
  /** The subscribed_data response exactly as the sandbox sent it. */
  readonly rawJsonFile: string;
  /** The session_status response as JSON. */
  readonly statusJsonFile: string;
  /** A library folder holding one saved snapshot of the session. */
  readonly libraryDir: string;
  /** A scratch folder the step may write into (workbooks). */
  readonly scratchDir: string;
}

export interface ChildArgs {
  readonly step: StepName;
  readonly variant: Variant;
  readonly reps: number;
  readonly warmup: number;
  readonly data: SizeData;
  readonly resultFile: string;
}

/** One timed run: its own duration when the step measures it itself (render), and facts. */
export interface RunOutcome {
  readonly ms?: number;
  readonly facts?: Readonly<Record<string, number>>;
}

export type TimedRun = () => Promise<RunOutcome | void>;

export interface Step {
  readonly name: StepName;
  /** One line each: what is timed, and its baseline. */
  readonly measured: string;
  readonly baseline: string;
  /** Why the step cannot run on this machine (a missing browser), or null. */
  unavailable?(): string | null;
  /** Loads the inputs (not timed) and answers the closure to time. */
  prepare(variant: Variant, data: SizeData): Promise<TimedRun>;
  /** Releases what prepare started (a browser, a server). */
  dispose?(): Promise<void>;
}

export interface ChildResult {
  readonly step: StepName;
  readonly variant: Variant;
  readonly size: number;
  readonly timesMs: readonly number[];
  readonly medianMs: number;
  /** The first timed run includes warm-up effects; kept apart when warmup is 0. */
  readonly firstMs: number;
  /** RSS after the inputs were loaded, before timing. */
  readonly inputRssMb: number;
  /** The child's peak RSS over its whole life (inputs plus the timed runs). */
  readonly peakRssMb: number;
  /**
   * The peak once the first run (the warm-up) has ended: what one run in a fresh process
   * peaks at, as `bcv fetch` does one fetch per process. Later runs in the same process
   * add what the first left to the allocator and the heap.
   */
  readonly firstPeakRssMb: number;
  readonly facts: Readonly<Record<string, number>>;
}
