// `npm run import -- <kind> <file.csv[.gz]> [--report <fates.csv>]`: imports master data or sales
// orders from a CSV file into the database the server uses (DATABASE_URL / BOOMERANG_DATA_DIR),
// through the same use cases as the API, streamed (any file size, bounded memory). Every line's
// fate goes to the report file; the screen shows the first refusals and a summary. Exits 1 when
// any line was refused, 2 on wrong usage or an unreadable file.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { basename } from 'node:path';
import { readConfig } from '../server/config.js';
import { startPlatform } from '../server/platform.js';
import { formatReport, importCsv, IMPORT_KINDS, isImportKind } from './csv-import.js';
import { fateAsCsv, FATE_REPORT_HEADER } from './import-fates.js';
import { MAX_IMPORTED_ORDER_LINES } from './import-orders.js';

const USAGE = `usage: npm run import -- <kind> <file.csv> [--report <fates.csv>]
  kinds: ${IMPORT_KINDS.join(', ')}
  The header row names the fields of the API's input schema (camelCase, e.g. accountNumber).
  Booleans: true/false/1/0/yes/no; lists (capabilities, carrierCodes, serialsShipped, lotsShipped): a|b|c;
  an empty cell takes the default. References accept an id or the business key
  (legal entity code, supplier code, customer account number, product SKU, site code).
  Amounts are in minor units (cents, pence). A .gz file is read as it is.
  Orders: one row per order line, the order's columns repeated, the rows of an order together,
  at most ${MAX_IMPORTED_ORDER_LINES - 1} lines per order. A bad line is refused alone and its order
  created without it; a bad order column refuses the whole order.
  Every line's fate (imported, or refused with field and reason) is written to the report file,
  by default ./<file name>.fates.csv.`;

async function main(args: string[]): Promise<number> {
  const reportAt = args.indexOf('--report');
  const reportFile = reportAt >= 0 ? args[reportAt + 1] : undefined;
  const [kind, file] = reportAt >= 0 ? args.filter((_, i) => i !== reportAt && i !== reportAt + 1) : args;
  if (!kind || !file || !isImportKind(kind) || (reportAt >= 0 && !reportFile)) {
    console.error(USAGE);
    return 2;
  }
  try {
    await access(file);
  } catch (error) {
    console.error(`cannot read ${file}: ${(error as Error).message}`);
    return 2;
  }
  const fatesPath = reportFile ?? `${basename(file).replace(/\.gz$/, '')}.fates.csv`;
  const fates = createWriteStream(fatesPath);
  fates.write(FATE_REPORT_HEADER);
  const started = Date.now();
  const platform = await startPlatform({ databaseUrl: readConfig().databaseUrl });
  try {
    const report = await importCsv(platform, kind, { path: file }, async (fate) => {
      // Wait for the report file when it falls behind, so memory stays bounded.
      if (!fates.write(fateAsCsv(fate))) await once(fates, 'drain');
    });
    fates.end();
    await once(fates, 'finish');
    for (const line of formatReport(report, fatesPath)) console.log(line);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const peakMiB = Math.round(process.resourceUsage().maxRSS / 1024);
    console.log(`took ${seconds} s; peak memory ${peakMiB} MiB`);
    if (report.fileError && report.rows === 0) return 2;
    return report.linesRefused > 0 || report.fileError ? 1 : 0;
  } finally {
    await platform.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
