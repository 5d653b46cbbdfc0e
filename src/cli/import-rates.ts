// `npm run import-rates -- <eurofxref.xml>`: imports the ECB's euro reference rates (the daily
// file, or a history file of any length: eurofxref-hist.xml, unzipped) into the database the server
// uses (DATABASE_URL / BOOMERANG_DATA_DIR), through the same use case as POST /fx-rates/import, in
// one transaction. Exits 1 when the file is refused (nothing imported), 2 on wrong usage or an
// unreadable file.
import { readFile } from 'node:fs/promises';
import { importEcbRates } from '../ledger/index.js';
import { systemContext } from '../platform/actor.js';
import { AppError } from '../platform/errors.js';
import { readConfig } from '../server/config.js';
import { startPlatform } from '../server/platform.js';

const USAGE = `usage: npm run import-rates -- <eurofxref.xml>
  The ECB's euro reference rates as downloaded: eurofxref-daily.xml, or a history file
  (eurofxref-hist-90d.xml, eurofxref-hist.xml unzipped). A day imported again replaces its rates.`;

async function main(args: string[]): Promise<number> {
  const [file, ...rest] = args;
  if (!file || rest.length > 0 || file.startsWith('-')) {
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
    const result = await importEcbRates(platform, systemContext('import-rates'), text);
    const days = result.dates.length;
    const span = days > 1 ? `${result.dates[0]} to ${result.dates[days - 1]}` : result.dates[0];
    console.log(`${file}: imported ${result.imported} rates against the euro for ${days} day(s), ${span}`);
    const left = [...new Set(result.skipped.map((s) => s.quote))];
    if (left.length > 0)
      console.log(`left out (withdrawn from ISO 4217 since): ${left.join(', ')} — ${result.skipped.length} rate(s)`);
    return 0;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    console.error(`${file}: ${error.message}`);
    for (const { message } of (error.errors ?? []).slice(1)) console.error(`  ${message}`);
    return 1;
  } finally {
    await platform.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
