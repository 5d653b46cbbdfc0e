// `npm run bench:import`: the CSV import against a real wholesaler's year — the UCI Online Retail
// set in ../shared/data/retail-uci (CC BY 4.0; 541,909 invoice lines). Converts it, streamed, to
// the import's CSV format (legal entity, customers, products, orders), then runs
// `npm run import` for each on a fresh SQLite database (and PostgreSQL when BOOMERANG_TEST_PG_URL
// is set), and prints each run's time, peak memory and summary.
//
// The mapping: one legal entity (GBP); a customer per CustomerID, and one guest account for the
// lines without one; a product per StockCode (its first description; postage, fees and manual
// adjustments as "Non-product charge"); an order per invoice, one line per row, prices in pence
// as written (0.001 GBP stays 0.1 pence, and is refused for it). Cancellation invoices ("C…",
// 9,288 lines) are credits, not sales: they are left for the returns import and counted here.
import { execFile } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdtempSync, rmSync, type WriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { promisify } from 'node:util';
import { createGunzip } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import { parse } from 'csv-parse';
import pg from 'pg';

const run = promisify(execFile);
const SOURCE = new URL('../../shared/data/retail-uci/online_retail_full.csv.gz', import.meta.url).pathname;
const NON_PRODUCT = /^(POST|DOT|D|M|m|C2|CRUK|PADS|B|S|BANK CHARGES|AMAZONFEE|gift_.*|DCGS.*)$/;
const GUEST = 'UCI-GUEST';

if (!existsSync(SOURCE)) {
  console.log(`SKIPPED: ${SOURCE} is not there (the shared data folder is absent).`);
  process.exit(0);
}

const dir = mkdtempSync(join(tmpdir(), 'boomerang-uci-'));
const cell = (value: string) => (/[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
const line = (...values: string[]) => `${values.map(cell).join(',')}\n`;

async function write(stream: WriteStream, text: string) {
  if (!stream.write(text)) await new Promise<void>((resolve) => stream.once('drain', () => resolve()));
}

/** Pence as written: 2.55 → "255", 0.001 → "0.1" (decimal arithmetic, no float noise). */
function pence(gbp: string): string {
  const [whole = '0', fraction = ''] = gbp.replace(/^-/, '').split('.');
  const padded = fraction.padEnd(2, '0');
  const integer = `${Number(whole)}${padded.slice(0, 2)}`.replace(/^0+(?=\d)/, '');
  const rest = padded.slice(2).replace(/0+$/, '');
  return `${gbp.startsWith('-') ? '-' : ''}${integer}${rest ? `.${rest}` : ''}`;
}

async function convert() {
  const started = Date.now();
  const customers = new Map<string, string>();
  const products = new Map<string, { name: string; price: string }>();
  const orders = createWriteStream(join(dir, 'orders.csv'));
  await write(
    orders,
    'orderNumber,customerId,legalEntityId,currency,orderDate,lineNumber,productId,quantityShipped,unitPriceMinor,shipDate,deliveryDate\n',
  );
  let lineNumber = 0;
  let invoice = '';
  let rows = 0;
  let cancellations = 0;
  const parser = createReadStream(SOURCE)
    .pipe(createGunzip())
    .pipe(parse({ columns: true }));
  for await (const r of parser as AsyncIterable<Record<string, string>>) {
    rows += 1;
    const sku = r.StockCode!.trim();
    if (!products.has(sku)) products.set(sku, { name: r.Description!.trim(), price: r.UnitPrice! });
    else if (!products.get(sku)!.name && r.Description!.trim()) products.get(sku)!.name = r.Description!.trim();
    const customer = r.CustomerID!.trim() || GUEST;
    if (!customers.has(customer)) customers.set(customer, r.Country!.trim());
    if (r.InvoiceNo!.startsWith('C')) {
      cancellations += 1;
      continue;
    }
    lineNumber = r.InvoiceNo === invoice ? lineNumber + 1 : 1;
    invoice = r.InvoiceNo!;
    const date = r.InvoiceDate!.slice(0, 10);
    await write(
      orders,
      line(
        invoice,
        customer,
        'UCI-UK',
        'GBP',
        date,
        String(lineNumber),
        sku,
        r.Quantity!,
        pence(r.UnitPrice!),
        date,
        date,
      ),
    );
  }
  orders.end();
  const entities = createWriteStream(join(dir, 'legal-entities.csv'));
  entities.end('code,name,functionalCurrency,country\nUCI-UK,UCI Online Retail (UK gift-ware wholesaler),GBP,GB\n');
  const customerFile = createWriteStream(join(dir, 'customers.csv'));
  await write(customerFile, 'accountNumber,name,tier,legalEntityId,currency,region\n');
  for (const [id, country] of customers)
    await write(
      customerFile,
      line(
        id,
        id === GUEST ? 'Guest checkout (no customer id)' : `UCI customer ${id}`,
        'silver',
        'UCI-UK',
        'GBP',
        country,
      ),
    );
  customerFile.end();
  const productFile = createWriteStream(join(dir, 'products.csv'));
  await write(productFile, 'sku,name,category,unitCostMinor,listPriceMinor,currency\n');
  for (const [sku, product] of products) {
    const price = Math.max(0, Math.round(Number(product.price) * 100));
    const category = NON_PRODUCT.test(sku) ? 'Non-product charge' : 'Giftware';
    await write(productFile, line(sku, product.name || sku, category, '0', String(price), 'GBP'));
  }
  productFile.end();
  await Promise.all([orders, entities, customerFile, productFile].map((s) => finished(s)));
  console.log(
    `converted ${rows} lines in ${((Date.now() - started) / 1000).toFixed(1)} s: ${customers.size} customers, ${products.size} products, ${rows - cancellations} order lines; ${cancellations} cancellation lines left for the returns import`,
  );
}

async function importInto(label: string, databaseUrl: string) {
  console.log(`\n${label}`);
  const env = { ...process.env, DATABASE_URL: databaseUrl };
  for (const kind of ['legal-entities', 'customers', 'products', 'orders']) {
    const file = join(dir, `${kind}.csv`);
    const report = join(dir, `${kind}.${label}.fates.csv`);
    const result = await run('npm', ['run', '--silent', 'import', '--', kind, file, '--report', report], {
      env,
      maxBuffer: 64 * 1024 * 1024,
    }).catch((error: { stdout: string; code: number }) => error);
    const summary = result.stdout.split('\n').filter((l) => /^(\w[\w-]*: |lines: |took )/.test(l));
    console.log(`  ${kind}\n    ${summary.join('\n    ')}`);
  }
}

await convert();
await importInto('sqlite', `sqlite:${join(dir, 'uci.sqlite')}`);
const PG_URL = process.env.BOOMERANG_TEST_PG_URL;
if (PG_URL) {
  const name = `boomerang_uci_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  try {
    await importInto('postgres', url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}
console.log(`\nfiles and fate reports: ${dir}`);
if (!process.env.BENCH_KEEP) rmSync(dir, { recursive: true, force: true });
