import { describe, expect, it } from 'vitest';
import { formatTable, percentile, summarize } from './stats.js';
import { compareWithPrevious, headlineRatios, toScenarioResult, type BenchResults } from './results.js';

describe('benchmark statistics', () => {
  it('takes nearest-rank percentiles', () => {
    const values = Float64Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 100)).toBe(100);
    expect(percentile(values, 0)).toBe(1);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });

  it('summarizes unsorted latencies, counting errors as requests', () => {
    const s = summarize([5, 1, 3, 2, 4], 2000, 1);
    expect(s).toMatchObject({ requests: 6, errors: 1, seconds: 2, requestsPerSecond: 3, p50: 3, p99: 5, max: 5 });
  });

  it('prints ratios against the baseline', () => {
    const base = summarize([1, 1, 1, 1], 1000, 0);
    const slow = summarize([4, 4, 4, 4], 4000, 0);
    const table = formatTable(
      [
        { name: 'base', summary: base },
        { name: 'slow', summary: slow },
      ],
      base,
    );
    const lines = table.split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[2]).toMatch(/^base .* 1\.00× +1\.00× +1\.00×$/);
    expect(lines[3]).toMatch(/^slow .* 0\.25× +4\.00× +4\.00×$/);
  });
});

describe('benchmark results', () => {
  const summary = (requestsPerSecond: number) => ({ ...summarize([1, 2, 3], 1000, 0), requestsPerSecond });
  const run = (sqlite: number, postgres: number): BenchResults => ({
    scenarios: [
      toScenarioResult('sqlite', 'POST /returns (create)', summary(sqlite), summary(1000)),
      toScenarioResult('postgres', 'POST /returns (create)', summary(postgres), summary(800)),
    ],
  });

  it('records each scenario with its baseline, in the agreed shape', () => {
    expect(run(300, 250).scenarios[0]).toEqual({
      name: 'POST /returns (create)',
      database: 'sqlite',
      perSecond: 300,
      p50Ms: 2,
      p99Ms: 3,
      baselinePerSecond: 1000,
    });
  });

  it('compares with the previous run relative to each run’s own baseline', () => {
    expect(compareWithPrevious(run(300, 250), run(150, 100))[0]).toBe(
      'sqlite   POST /returns (create): 300 req/s (was 150), 0.30× baseline (was 0.15×)',
    );
    expect(compareWithPrevious(run(300, 250), null)).toEqual([
      'No previous run in bench/results/latest.json to compare with.',
    ]);
  });

  it('states the headline ratios', () => {
    expect(headlineRatios(run(300, 240), 'POST /returns (create)')).toEqual([
      'SQLite creates ÷ SQLite /health: 0.30×',
      'PostgreSQL creates ÷ PostgreSQL /health: 0.30×',
      'PostgreSQL creates ÷ SQLite creates: 0.80×',
    ]);
  });
});
