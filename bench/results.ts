// The machine-readable record of a run (bench/results/latest.json), and how a run compares with
// the one before it. Pure, so it is tested with the statistics.
import type { Summary } from './stats.js';

export interface ScenarioResult {
  name: string;
  database: 'sqlite' | 'postgres';
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** The /health baseline measured in the same process, just before. */
  baselinePerSecond: number;
}

export interface BenchResults {
  scenarios: ScenarioResult[];
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
    const before = previous.scenarios.find((s) => s.name === now.name && s.database === now.database);
    const label = `${now.database.padEnd(8)} ${now.name}`;
    if (!before || before.perSecond <= 0) return `${label}: new`;
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
