// `npm run import:uci -- <folder | online_retail_full.csv.gz> [--report <fates.csv>]`: imports the
// UCI Online Retail year (../shared/data/retail-uci, CC BY 4.0) into the database the server uses
// (DATABASE_URL / BOOMERANG_DATA_DIR): legal entity, customers, products, sales orders, then the
// cancellations as returns, then the warehouse's write-off notes (reported as scrap). Prints each
// phase's time, rows per second and every fate's count; every line's fate goes to the report file.
// A second run into the same database is refused (exit 3) without writing anything.
// The mapping: uci-mapping.ts and docs/uci-import.md.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { readConfig } from '../server/config.js';
import { startPlatform } from '../server/platform.js';
import { fateAsCsv, FATE_REPORT_HEADER } from './import-fates.js';
import { importUci, type UciImportReport } from './uci-import.js';

const USAGE = `usage: npm run import:uci -- <folder | online_retail_full.csv.gz> [--report <fates.csv>]
  The folder is ../shared/data/retail-uci (its online_retail_full.csv.gz is read).
  Every line's fate (imported, skipped, refused, write_off) goes to the report file,
  by default ./uci-import.fates.csv.`;

async function main(args: string[]): Promise<number> {
  const reportAt = args.indexOf('--report');
  const reportFile = reportAt >= 0 ? args[reportAt + 1] : undefined;
  const [given] = reportAt >= 0 ? args.filter((_, i) => i !== reportAt && i !== reportAt + 1) : args;
  if (!given || (reportAt >= 0 && !reportFile)) {
    console.error(USAGE);
    return 2;
  }
  let file = given;
  try {
    if ((await stat(given)).isDirectory()) file = join(given, 'online_retail_full.csv.gz');
    await stat(file);
  } catch (error) {
    console.error(`cannot read ${file}: ${(error as Error).message}`);
    return 2;
  }
  const fatesPath = reportFile ?? 'uci-import.fates.csv';
  const fates = createWriteStream(fatesPath);
  fates.write(FATE_REPORT_HEADER);
  const platform = await startPlatform({ databaseUrl: readConfig().databaseUrl });
  try {
    const report = await importUci(platform, { path: file }, async (fate) => {
      if (!fates.write(fateAsCsv(fate))) await once(fates, 'drain');
    });
    fates.end();
    await once(fates, 'finish');
    if (!report.isImported) {
      console.log('Refused: this database holds the UCI import already (claim uci-import); nothing was written.');
      return 3;
    }
    for (const line of describeUciReport(report, platform.dialect)) console.log(line);
    console.log(`Every line's fate: ${fatesPath}`);
    return 0;
  } finally {
    await platform.close();
  }
}

export function describeUciReport(report: UciImportReport, database: string): string[] {
  const seconds = (ms: number) => (ms / 1000).toFixed(1);
  const rate = (rows: number, ms: number) => (ms > 0 ? Math.round((rows * 1000) / ms).toLocaleString('en') : '-');
  const peakMiB = Math.round(process.resourceUsage().maxRSS / 1024);
  return [
    `UCI import into ${database}: ${report.rows.toLocaleString('en')} lines`,
    ...report.phases.map(
      (p) =>
        `  ${p.phase.padEnd(13)} ${seconds(p.milliseconds).padStart(6)} s  ${p.records.toLocaleString('en')} records`,
    ),
    `  total         ${seconds(report.milliseconds).padStart(6)} s  ${rate(report.rows, report.milliseconds)} lines/s; peak memory ${peakMiB} MiB`,
    `customers ${report.customers}, products ${report.products}, sales orders ${report.orders} with ${report.orderLines} lines`,
    `returns ${report.returns} with ${report.returnLines} lines (${report.returnUnits} units); write-off notes ${report.writeOffNotes} (${report.writeOffUnits} units, reported as scrap, not stored)`,
    `lines: ${Object.entries(report.fates)
      .map(([fate, n]) => `${n} ${fate}`)
      .join(', ')}`,
    ...[...report.reasons].sort((a, b) => b[1] - a[1]).map(([reason, n]) => `  ${String(n).padStart(6)}  ${reason}`),
  ];
}

process.exitCode = await main(process.argv.slice(2));
