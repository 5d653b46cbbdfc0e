// The machine-readable record of a run (bench/results/latest.json), and how a run compares with
// the one before it. Pure, so it is tested with the statistics.
import type { Summary } from './stats.js';

export type DatabaseName = 'sqlite' | 'postgres';

/** One step of a multi-step scenario (the lifecycle's authorize, ship, …), its latency. */
export interface StepResult {
  name: string;
  p50Ms: number;
  p99Ms: number;
}

export interface ScenarioResult {
  name: string;
  database: DatabaseName;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** A baseline measured in the same run (the /health rate unless `baseline` says otherwise). */
  baselinePerSecond: number;
  /** What the baseline is, when it is not the /health rate. */
  baseline?: string;
  /** Why the scenario was not measured: its figures are then zeros and mean nothing. */
  skipped?: string;
  p95Ms?: number;
  steps?: StepResult[];
  rssMb?: number;
  /** What limits the figure, from profiling: the summary prints it beside a missed target. */
  limits?: string;
  notes?: string[];
  /** Further figures of the scenario (e.g. the closed-loop scan's latency beside the paced one). */
  extra?: Record<string, number | string>;
}

export interface BenchResults {
  scenarios: ScenarioResult[];
}

/** A row saying a scenario was not measured on a database, and why. */
export function skippedResult(name: string, database: DatabaseName, reason: string): ScenarioResult {
  return { name, database, perSecond: 0, p50Ms: 0, p99Ms: 0, baselinePerSecond: 0, skipped: reason };
}

const round = (n: number, digits: number) => (Number.isFinite(n) ? Number(n.toFixed(digits)) : 0);

export function toScenarioResult(
  database: ScenarioResult['database'],
  name: string,
  summary: Summary,
  baseline: Summary,
): ScenarioResult {
  return {
    name,
    database,
    perSecond: round(summary.requestsPerSecond, 1),
    p50Ms: round(summary.p50, 2),
    p99Ms: round(summary.p99, 2),
    baselinePerSecond: round(baseline.requestsPerSecond, 1),
  };
}

/** Lines comparing this run's throughput with the previous run's, scenario by scenario. */
export function compareWithPrevious(current: BenchResults, previous: BenchResults | null): string[] {
  if (!previous) return ['No previous run in bench/results/latest.json to compare with.'];
  return current.scenarios.map((now) => {
    const before = previous.scenarios.find((s) => s.name === now.name && s.database === now.database && !s.skipped);
    const label = `${now.database.padEnd(8)} ${now.name}`;
    if (now.skipped) return `${label}: skipped (${now.skipped})`;
    if (!before || before.perSecond <= 0 || before.baselinePerSecond <= 0) return `${label}: new`;
    // Relative to each run's own baseline, so a busier machine does not read as a regression.
    const relNow = now.perSecond / now.baselinePerSecond;
    const relBefore = before.perSecond / before.baselinePerSecond;
    return `${label}: ${now.perSecond.toFixed(0)} req/s (was ${before.perSecond.toFixed(0)}), ${relNow.toFixed(2)}× baseline (was ${relBefore.toFixed(2)}×)`;
  });
}

/** The ratios the lifecycle-spine issue judges: PostgreSQL creates vs SQLite creates, creates vs /health. */
export function headlineRatios(results: BenchResults, createName: string): string[] {
  const create = (database: ScenarioResult['database']) =>
    results.scenarios.find((s) => s.name === createName && s.database === database);
  const sqlite = create('sqlite');
  const postgres = create('postgres');
  const lines: string[] = [];
  if (sqlite)
    lines.push(`SQLite creates ÷ SQLite /health: ${(sqlite.perSecond / sqlite.baselinePerSecond).toFixed(2)}×`);
  if (postgres)
    lines.push(
      `PostgreSQL creates ÷ PostgreSQL /health: ${(postgres.perSecond / postgres.baselinePerSecond).toFixed(2)}×`,
    );
  if (sqlite && postgres)
    lines.push(`PostgreSQL creates ÷ SQLite creates: ${(postgres.perSecond / sqlite.perSecond).toFixed(2)}×`);
  return lines;
}
