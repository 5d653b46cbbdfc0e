// `npm run bench:import` — scenario `uci-import`: the UCI Online Retail year (../shared/data/
// retail-uci, CC BY 4.0; 541,909 invoice lines) imported by `npm run import:uci` into a fresh
// SQLite database (and a fresh PostgreSQL one when BOOMERANG_TEST_PG_URL is set), as a child
// process so its time and peak memory are the command's own. Target (issue 12): < 60 s.
//
// Baseline, measured in the same run on the same machine: the raw insert rate of the database —
// rows of the order lines' width inserted with one prepared statement in one transaction
// (SQLite, better-sqlite3) or 1,000-row multi-row INSERTs (PostgreSQL) — the ceiling no importer
// that writes rows through SQL can pass. `perSecond` is source lines per second of the whole
// import (reading, master data, orders, returns through the request step, write-offs).
//
// `runUciImportBench()` is what the `npm run bench` orchestrator calls; run directly, it prints.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { ScenarioResult } from './results.js';

const run = promisify(execFile);
const FOLDER = new URL('../../shared/data/retail-uci/', import.meta.url).pathname;
const SOURCE = join(FOLDER, 'online_retail_full.csv.gz');
const TARGET_SECONDS = 60;

export interface UciImportResult extends ScenarioResult {
  rows: number;
  totalSeconds: number;
  peakRssMb: number;
  phases: Record<string, number>;
  targetSeconds: number;
}

export async function runUciImportBench(): Promise<UciImportResult[]> {
  if (!existsSync(SOURCE)) {
    console.log(`SKIPPED: uci-import — ${SOURCE} is not there (the shared data folder is absent).`);
    return [];
  }
  const dir = mkdtempSync(join(tmpdir(), 'boomerang-uci-'));
  try {
    const results = [await importInto('sqlite', `sqlite:${join(dir, 'uci.sqlite')}`, dir, sqliteBaseline(dir))];
    const pgUrl = process.env.BOOMERANG_TEST_PG_URL;
    if (pgUrl)
      results.push(
        await withPostgresDatabase(pgUrl, async (url) => importInto('postgres', url, dir, await postgresBaseline(url))),
      );
    return results;
  } finally {
    if (!process.env.BENCH_KEEP) rmSync(dir, { recursive: true, force: true });
    else console.log(`fate reports kept in ${dir}`);
  }
}

async function importInto(
  database: ScenarioResult['database'],
  databaseUrl: string,
  dir: string,
  baselinePerSecond: number,
): Promise<UciImportResult> {
  const report = join(dir, `fates.${database}.csv`);
  const { stdout } = await run('npm', ['run', '--silent', 'import:uci', '--', FOLDER, '--report', report], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    maxBuffer: 64 * 1024 * 1024,
  });
  const rows = Number(/: ([\d,]+) lines/.exec(stdout)?.[1]?.replaceAll(',', '') ?? NaN);
  const total = /total\s+([\d.]+) s .* peak memory (\d+) MiB/.exec(stdout);
  if (!total || !Number.isFinite(rows)) throw new Error(`uci-import: could not read the command's summary:\n${stdout}`);
  const totalSeconds = Number(total[1]);
  const phases = Object.fromEntries(
    [...stdout.matchAll(/^ {2}([a-z -]+?)\s+([\d.]+) s {2}[\d,]+ records/gm)].map((m) => [m[1]!.trim(), Number(m[2])]),
  );
  const result: UciImportResult = {
    name: 'uci-import',
    database,
    perSecond: Math.round(rows / totalSeconds),
    // One run of one import: there is no per-request latency to take percentiles of.
    p50Ms: 0,
    p99Ms: 0,
    baselinePerSecond,
    rows,
    totalSeconds,
    peakRssMb: Number(total[2]),
    phases,
    targetSeconds: TARGET_SECONDS,
  };
  const verdict =
    totalSeconds < TARGET_SECONDS
      ? `within the ${TARGET_SECONDS} s target`
      : `MISSES the ${TARGET_SECONDS} s target by ${(totalSeconds - TARGET_SECONDS).toFixed(1)} s`;
  console.log(`\n${database}: ${stdout.split('\n').slice(0, 10).join('\n')}`);
  console.log(
    `uci-import ${database}: ${totalSeconds} s, ${result.perSecond} lines/s (raw insert baseline ${baselinePerSecond} rows/s), peak RSS ${result.peakRssMb} MiB — ${verdict}`,
  );
  return result;
}

const BASELINE_ROWS = 200_000;
const baselineRow = (i: number) => [
  `sol_${i}`,
  `so_${i >> 5}`,
  i & 31,
  `prd_${i % 4000}`,
  6,
  0,
  255,
  0,
  '2011-01-04',
  '2011-01-04',
  '[]',
  '[]',
];
const BASELINE_COLUMNS =
  'id text primary key, order_id text, line_number integer, product_id text, quantity_shipped integer, quantity_committed integer, unit_price_minor integer, tax_minor integer, ship_date text, delivery_date text, serials_shipped text, lots_shipped text';

function sqliteBaseline(dir: string): number {
  const db = new Database(join(dir, 'baseline.sqlite'));
  db.pragma('journal_mode = WAL');
  db.exec(`create table lines (${BASELINE_COLUMNS})`);
  const insert = db.prepare(`insert into lines values (${Array(12).fill('?').join(',')})`);
  const started = performance.now();
  db.transaction(() => {
    for (let i = 0; i < BASELINE_ROWS; i += 1) insert.run(...baselineRow(i));
  })();
  const perSecond = Math.round(BASELINE_ROWS / ((performance.now() - started) / 1000));
  db.close();
  return perSecond;
}

async function postgresBaseline(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`create table bench_lines (${BASELINE_COLUMNS})`);
    const started = performance.now();
    await client.query('begin');
    for (let start = 0; start < BASELINE_ROWS; start += 1000) {
      const values: unknown[] = [];
      const tuples: string[] = [];
      for (let i = start; i < start + 1000; i += 1) {
        tuples.push(
          `(${baselineRow(i)
            .map((v) => `$${values.push(v)}`)
            .join(',')})`,
        );
      }
      await client.query(`insert into bench_lines values ${tuples.join(',')}`, values);
    }
    await client.query('commit');
    const perSecond = Math.round(BASELINE_ROWS / ((performance.now() - started) / 1000));
    await client.query('drop table bench_lines');
    return perSecond;
  } finally {
    await client.end();
  }
}

async function withPostgresDatabase<T>(adminUrl: string, work: (url: string) => Promise<T>): Promise<T> {
  const name = `boomerang_uci_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  try {
    return await work(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const results = await runUciImportBench();
  if (results.length > 0) console.log(`\n${JSON.stringify(results, null, 2)}`);
}
