// The issue's targets, judged on a run's results, and the short Markdown summary written beside
// bench/results/latest.json: per scenario and database the figure, the baseline, the target, met
// or missed — and when missed, by how much and what limits it. Pure, so it is tested.
import type { BenchResults, ScenarioResult } from './results.js';

/** The scenario names the issue asks for, in the order the summary lists them. */
export const REQUIRED_SCENARIOS = ['lifecycle', 'scan', 'dashboard-100k', 'dashboard-1m', 'uci-import', 'rss-1m'];

/** UCI Online Retail: 541,909 invoice lines, to import in under 60 s. */
export const UCI_LINES = 541_909;

export interface Verdict {
  figure: string;
  target: string;
  met: boolean;
  /** How far from the target, when missed. */
  by?: string;
}

const n = (value: number, digits = 1) => value.toLocaleString('en-US', { maximumFractionDigits: digits });

function atLeast(figure: number, target: number, unit: string): Pick<Verdict, 'met' | 'by'> {
  if (figure >= target) return { met: true };
  const share = target > 0 ? figure / target : 0;
  return {
    met: false,
    by: `${n(target - figure)} ${unit} short: ${n(share * 100, 0)} % of the target${figure > 0 ? `, ${n(target / figure, 1)}× to go` : ''}`,
  };
}

function below(figure: number, limit: number, unit: string): Pick<Verdict, 'met' | 'by'> {
  if (figure < limit) return { met: true };
  return { met: false, by: `${n(figure - limit, 2)} ${unit} over: ${n(figure / limit, 2)}× the limit` };
}

/** The verdict on one result row, or null when the issue sets no target for it. */
export function judge(r: ScenarioResult): Verdict | null {
  switch (r.name) {
    case 'lifecycle': {
      const figure = `${n(r.perSecond)} lifecycles/s (p50 ${n(r.p50Ms)} ms, p99 ${n(r.p99Ms)} ms per lifecycle)`;
      if (r.database === 'sqlite')
        return { figure, target: '≥ 300 lifecycles/s', ...atLeast(r.perSecond, 300, 'lifecycles/s') };
      const target = 0.6 * r.baselinePerSecond;
      return {
        figure: `${figure} = ${n((r.perSecond / (r.baselinePerSecond || 1)) * 100, 0)} % of the raw rate`,
        target: `≥ 60 % of the raw transaction-equivalent rate (${n(target)} lifecycles/s)`,
        ...atLeast(r.perSecond, target, 'lifecycles/s'),
      };
    }
    case 'scan':
      return {
        figure: `p99 ${n(r.p99Ms, 2)} ms, p50 ${n(r.p50Ms, 2)} ms at a busy desk; ${n(r.perSecond, 0)} scans/s closed loop`,
        target: 'p99 < 20 ms under load',
        ...below(r.p99Ms, 20, 'ms'),
      };
    case 'dashboard-100k':
    case 'dashboard-1m': {
      const p95 = r.p95Ms ?? r.p99Ms;
      return {
        figure: `p95 ${n(p95, 2)} ms${r.p95Ms === undefined ? ' (p99: no p95 recorded)' : ''}, ${n(r.perSecond)} queries/s`,
        target: 'every dashboard query < 100 ms at p95',
        ...below(p95, 100, 'ms'),
      };
    }
    case 'uci-import': {
      const seconds = r.perSecond > 0 ? UCI_LINES / r.perSecond : Number.POSITIVE_INFINITY;
      return {
        figure: `${n(r.perSecond, 0)} rows/s (all ${n(UCI_LINES, 0)} lines in ${n(seconds)} s)`,
        target: `all lines in < 60 s (≥ ${n(UCI_LINES / 60, 0)} rows/s)`,
        ...below(seconds, 60, 's'),
      };
    }
    case 'rss-1m':
      return {
        figure: `${r.rssMb === undefined ? 'no rssMb recorded' : `${n(r.rssMb, 0)} MB`} server RSS`,
        target: 'server RSS < 250 MB with 1M returns',
        ...(r.rssMb === undefined ? { met: false, by: 'not recorded' } : below(r.rssMb, 250, 'MB')),
      };
    default:
      return null;
  }
}

const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

/** The Markdown summary of a run. `missing` says why a required scenario has no row at all. */
export function formatSummary(
  results: BenchResults,
  run: { date: string; machine: string; quick: boolean; missing: Record<string, string> },
): string {
  const out: string[] = [
    '# Benchmark summary',
    '',
    `${run.quick ? 'Quick run (BENCH_QUICK=1: shorter phases, smaller data sets)' : 'Full run'} of ${run.date} on ${run.machine}. ` +
      'Every figure is beside a baseline measured in the same run, on the same database; absolute numbers move ±30 % with the load of this shared machine. ' +
      'Written by `npm run bench` with `bench/results/latest.json`; bench/README.md explains each scenario.',
    '',
    '| scenario | database | figure | baseline (same run) | target | verdict |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  const misses: string[] = [];
  const notRun: string[] = [];
  for (const name of REQUIRED_SCENARIOS) {
    const rows = results.scenarios.filter((r) => r.name === name);
    if (rows.length === 0) {
      out.push(`| ${name} | — | not measured | — | ${cell(judgeTargetText(name))} | not run |`);
      notRun.push(`- **${name}**: ${run.missing[name] ?? 'no scenario module produced it in this run'}.`);
      continue;
    }
    for (const r of rows) {
      if (r.skipped) {
        out.push(
          `| ${name} | ${r.database} | skipped | — | ${cell(judge(r)?.target ?? '—')} | skipped: ${cell(r.skipped)} |`,
        );
        continue;
      }
      const verdict = judge(r);
      const baseline = `${n(r.baselinePerSecond)}/s${r.baseline ? ` — ${r.baseline}` : ''}`;
      out.push(
        `| ${name} | ${r.database} | ${cell(verdict?.figure ?? `${n(r.perSecond)}/s`)} | ${cell(baseline)} | ${cell(verdict?.target ?? '—')} | ${verdict ? (verdict.met ? 'met' : `**missed**: ${cell(verdict.by ?? '')}`) : '—'} |`,
      );
      if (r.steps?.length)
        out.push(
          `|  | | steps p50/p99 ms: ${r.steps.map((s) => `${s.name} ${n(s.p50Ms)}/${n(s.p99Ms)}`).join(', ')} | | | |`,
        );
      if (verdict && !verdict.met) {
        const why = [r.limits, ...(r.notes ?? [])].filter(Boolean).map((line) => `  - ${line}`);
        misses.push(`- **${name} on ${r.database}** missed by ${verdict.by}.`, ...why);
      }
    }
  }
  const others = results.scenarios.filter((r) => !REQUIRED_SCENARIOS.includes(r.name) && !r.skipped);
  if (others.length > 0) {
    out.push('', 'Other scenarios of the run (no target of their own; ratios against their baseline):', '');
    for (const r of others)
      out.push(
        `- ${r.name} on ${r.database}: ${n(r.perSecond)}/s, p50 ${n(r.p50Ms, 2)} ms, p99 ${n(r.p99Ms, 2)} ms; ${n(r.perSecond / (r.baselinePerSecond || 1), 2)}× its baseline (${r.baseline ?? '/health'})`,
      );
  }
  if (misses.length > 0) out.push('', '## Missed targets: by how much, and what limits them', '', ...misses);
  if (notRun.length > 0) out.push('', '## Not measured in this run', '', ...notRun);
  return `${out.join('\n')}\n`;
}

function judgeTargetText(name: string): string {
  const probe: ScenarioResult = { name, database: 'sqlite', perSecond: 0, p50Ms: 0, p99Ms: 0, baselinePerSecond: 0 };
  return judge(probe)?.target ?? '—';
}
