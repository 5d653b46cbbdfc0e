// `npm run bench`: runs the scenario modules in SCENARIOS one after another, each on fresh
// databases (SQLite, and PostgreSQL when BOOMERANG_TEST_PG_URL is set), prints each figure beside a
// baseline measured in the same run, and writes bench/results/latest.json and SUMMARY.md.
// BENCH_QUICK=1 for a short run; BENCH_ONLY=lifecycle,scan to run only the modules producing those
// names. See bench/README.md for what each scenario does and how to read the output.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { CONFIG } from './config.js';
import { compareWithPrevious, headlineRatios, type BenchResults } from './results.js';
import type { BenchContext, Scenario } from './scenario.js';
import { formatSummary } from './summary.js';
import { CREATE, runRequestBench } from './http-scenarios.js';
import { runLifecycleBench } from './lifecycle.js';
import { runDashboardBench } from './dashboards.js';
import { runUciImportBench } from './uci-import.js';
import { runProcessesBench } from './processes.js';

/** The scenario modules, in the order they run, with the result names each produces. */
const SCENARIOS: Array<{ names: string[]; run: Scenario }> = [
  { names: ['lifecycle'], run: runLifecycleBench },
  { names: ['scan', 'GET /health (baseline)', CREATE, 'relay-lag'], run: runRequestBench },
  { names: ['create-pg-1proc', 'create-pg-2proc'], run: runProcessesBench },
  { names: ['dashboard-100k', 'dashboard-1m', 'rss-1m'], run: runDashboardBench },
  { names: ['uci-import'], run: () => runUciImportBench() },
];

/** Why a scenario the issue asks for has no module in the list yet (said in SUMMARY.md): none now. */
const NOT_YET: Record<string, string> = {};

const RESULTS_DIR = new URL('./results/', import.meta.url);
const RESULTS_FILE = new URL('./latest.json', RESULTS_DIR);
const SUMMARY_FILE = new URL('./SUMMARY.md', RESULTS_DIR);

// A hard stop, whatever happens: the benchmark must never hang a terminal or a CI job.
setTimeout(() => {
  console.error(`bench: still running after ${CONFIG.hardStopMs / 1000} s; giving up`);
  process.exit(2);
}, CONFIG.hardStopMs).unref();

const cpu = cpus();
const machine = `Node ${process.version}, ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}`;
console.log(
  `Boomerang benchmark${CONFIG.quick ? ' (quick)' : ''} — ${machine}; server and load generator share this machine (loopback).`,
);
if (!CONFIG.pgUrl) console.log('PostgreSQL skipped: set BOOMERANG_TEST_PG_URL to include it.');
const only = process.env.BENCH_ONLY?.split(',').map((name) => name.trim());
const ctx: BenchContext = { config: CONFIG, problems: [] };
const results: BenchResults = { scenarios: [] };
for (const scenario of SCENARIOS) {
  if (only && !scenario.names.some((name) => only.includes(name))) continue;
  results.scenarios.push(...(await scenario.run(ctx)));
}

const previous = existsSync(RESULTS_FILE) ? (JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as BenchResults) : null;
// A partial run (BENCH_ONLY) keeps the previous run's rows of the scenarios it did not run, marked.
if (only && previous) {
  const ran = new Set(results.scenarios.map((r) => `${r.name}\u0000${r.database}`));
  for (const row of previous.scenarios)
    if (!ran.has(`${row.name}\u0000${row.database}`))
      results.scenarios.push({
        ...row,
        notes: [
          ...(row.notes ?? []).filter((n) => !n.startsWith('kept from')),
          'kept from the previous run (BENCH_ONLY)',
        ],
      });
}
const ratios = headlineRatios(results, CREATE);
if (ratios.length > 0) console.log(`\n${ratios.join('\n')}`);
console.log(`\nCompared with the last run:\n${compareWithPrevious(results, previous).join('\n')}`);
const summary = formatSummary(results, {
  date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
  machine,
  quick: CONFIG.quick,
  missing: NOT_YET,
});
console.log(`\n${summary}`);
mkdirSync(RESULTS_DIR, { recursive: true });
writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(SUMMARY_FILE, summary);
console.log('Written to bench/results/latest.json and bench/results/SUMMARY.md');
for (const problem of ctx.problems) console.error(`  ! ${problem}`);
if (ctx.problems.length > 0) {
  console.error('\nbench: some requests did not get the expected answer; the numbers above include those failures.');
  process.exitCode = 1;
}
