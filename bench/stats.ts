// Pure helpers for the benchmark: latency percentiles, a per-scenario summary, and the table
// that compares each scenario with the baseline measured in the same process.

export interface Summary {
  requests: number;
  errors: number;
  seconds: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentile of ascending-sorted values (p in 0..100); NaN when there are none. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** Summarizes one measured run: latencies in ms of the successful requests, wall time in ms. */
export function summarize(latenciesMs: ArrayLike<number>, elapsedMs: number, errors: number): Summary {
  const sorted = Float64Array.from(latenciesMs).sort();
  const requests = sorted.length + errors;
  const seconds = elapsedMs / 1000;
  return {
    requests,
    errors,
    seconds,
    requestsPerSecond: seconds > 0 ? requests / seconds : 0,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.length > 0 ? sorted[sorted.length - 1]! : Number.NaN,
  };
}

const fixed = (n: number, digits: number) => (Number.isFinite(n) ? n.toFixed(digits) : '—');
const ratio = (n: number, base: number) =>
  Number.isFinite(n) && Number.isFinite(base) && base > 0 ? `${(n / base).toFixed(2)}×` : '—';

/**
 * A plain-text table. The ratio columns divide each scenario by the baseline row: throughput as
 * a fraction of the baseline's (0.25× = a quarter as many requests per second), latency as a
 * multiple of the baseline's (4.00× = four times as slow at that percentile).
 */
export function formatTable(rows: Array<{ name: string; summary: Summary }>, baseline: Summary): string {
  const header = [
    'scenario',
    'requests',
    'errors',
    'req/s',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'max ms',
    'req/s ÷ base',
    'p50 ÷ base',
    'p99 ÷ base',
  ];
  const body = rows.map(({ name, summary: s }) => [
    name,
    String(s.requests),
    String(s.errors),
    fixed(s.requestsPerSecond, 0),
    fixed(s.p50, 2),
    fixed(s.p95, 2),
    fixed(s.p99, 2),
    fixed(s.max, 1),
    ratio(s.requestsPerSecond, baseline.requestsPerSecond),
    ratio(s.p50, baseline.p50),
    ratio(s.p99, baseline.p99),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

/** Steps, largest mean first, as shares of the mean lifecycle: "credit 28 %, inspect 21 %, …". */
export function describeStepShares(stepMs: Record<string, ArrayLike<number>>): string {
  const mean = (values: ArrayLike<number>) =>
    values.length > 0 ? Array.from(values).reduce((a, b) => a + b, 0) / values.length : 0;
  const means = Object.entries(stepMs).map(([step, values]) => ({ step, ms: mean(values) }));
  const total = means.reduce((sum, m) => sum + m.ms, 0);
  return means
    .sort((a, b) => b.ms - a.ms)
    .map((m) => `${m.step} ${total > 0 ? ((m.ms / total) * 100).toFixed(0) : '0'} % (${m.ms.toFixed(1)} ms)`)
    .join(', ');
}
