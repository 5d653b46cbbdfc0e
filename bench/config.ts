// The benchmark's knobs, read once from the environment. BENCH_QUICK=1 shortens every phase and
// shrinks every data set (a run of a few minutes in all, for a check that the suite still works);
// each BENCH_* variable overrides its default either way. The defaults are listed in README.md.
const env = process.env;

export const QUICK = env.BENCH_QUICK === '1' || env.BENCH_QUICK === 'true';

const knob = (name: string, full: number, quick: number) => {
  const raw = env[name];
  return raw !== undefined && raw !== '' ? Number(raw) : QUICK ? quick : full;
};

export interface BenchConfig {
  quick: boolean;
  /** Requests (or lifecycles) in flight. */
  concurrency: number;
  /** The measured part of each closed-loop HTTP phase. */
  phaseMs: number;
  warmupMs: number;
  /** Returns in the store when the returns list is searched. */
  rmas: number;
  /** The most time spent topping the store up to `rmas`. */
  topUpMs: number;
  /** The paced scan run (16 scanners, one scan each per 500 ms). */
  pacedMs: number;
  /** The measured part of the lifecycle run, per database. */
  lifecycleMs: number;
  /** Creates per server in the 1- and 2-process PostgreSQL run. */
  processCreates: number;
  /** The whole run is stopped after this long, whatever happens. */
  hardStopMs: number;
  pgUrl: string | undefined;
}

export const CONFIG: BenchConfig = {
  quick: QUICK,
  concurrency: knob('BENCH_CONCURRENCY', 16, 16),
  phaseMs: knob('BENCH_PHASE_MS', 3000, 1500),
  warmupMs: knob('BENCH_WARMUP_MS', 500, 300),
  rmas: knob('BENCH_RMAS', 3000, 1000),
  topUpMs: knob('BENCH_TOP_UP_MS', 12_000, 4000),
  pacedMs: knob('BENCH_PACED_MS', 10_000, 5000),
  lifecycleMs: knob('BENCH_LIFECYCLE_MS', 10_000, 4000),
  processCreates: knob('BENCH_PROCESS_CREATES', 4000, 1500),
  hardStopMs: knob('BENCH_HARD_STOP_MS', 600_000, 300_000),
  pgUrl: env.BOOMERANG_TEST_PG_URL || undefined,
};
