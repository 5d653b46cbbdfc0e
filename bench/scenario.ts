// What a scenario module is: one async function from the run's context to its result rows (one per
// database it measured, or a row saying why it skipped one). bench/run.ts runs them in a list.
import type { BenchConfig } from './config.js';
import type { ScenarioResult } from './results.js';

export interface BenchContext {
  config: BenchConfig;
  /** Failures to report at the end (unexpected answers): the run then exits non-zero. */
  problems: string[];
}

export type Scenario = (ctx: BenchContext) => Promise<ScenarioResult[]>;
