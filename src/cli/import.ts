// `npm run import -- <kind> <file.csv>`: imports master data or sales orders from a CSV file into
// the database the server uses (DATABASE_URL / BOOMERANG_DATA_DIR), through the same use cases as
// the API. Prints each failed row and a summary; exits 1 when any row failed, 2 on wrong usage.
import { readFile } from 'node:fs/promises';
import { readConfig } from '../server/config.js';
import { startPlatform } from '../server/platform.js';
import { formatReport, importCsv, IMPORT_KINDS, isImportKind } from './csv-import.js';

const USAGE = `usage: npm run import -- <kind> <file.csv>
  kinds: ${IMPORT_KINDS.join(', ')}
  The header row names the fields of the API's input schema (camelCase, e.g. accountNumber).
  Booleans: true/false/1/0/yes/no; lists (capabilities, serialsShipped, lotsShipped): a|b|c;
  an empty cell takes the default. References accept an id or the business key
  (legal entity code, supplier code, customer account number, product SKU, site code).
  Orders: one row per order line, the order's columns repeated, grouped by orderNumber.`;

async function main(args: string[]): Promise<number> {
  const [kind, file] = args;
  if (!kind || !file || !isImportKind(kind)) {
    console.error(USAGE);
    return 2;
  }
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    console.error(`cannot read ${file}: ${(error as Error).message}`);
    return 2;
  }
  const platform = await startPlatform({ databaseUrl: readConfig().databaseUrl });
  try {
    const report = await importCsv(platform, kind, text);
    for (const line of formatReport(report)) console.log(line);
    return report.failed > 0 ? 1 : 0;
  } finally {
    await platform.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
