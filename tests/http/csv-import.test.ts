// CSV import of master data and sales orders: good rows are created through the same use cases as
// the API, bad rows are reported by row, field and message without stopping the others.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCsv, type ImportKind } from '../../src/cli/csv-import.js';
import { DIALECTS } from '../support/databases.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const run = promisify(execFile);
const csv = (...lines: string[]) => `${lines.join('\n')}\n`;

describe.each(DIALECTS)('CSV import on %s', (dialect) => {
  let t: TestApp;
  const dir = mkdtempSync(join(tmpdir(), 'boomerang-csv-'));
  const importText = (kind: ImportKind, text: string) => importCsv(t.platform, kind, { text });
  const idOf = async (table: 'legal_entities' | 'suppliers', code: string) =>
    (await t.platform.db.selectFrom(table).select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;

  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(async () => t?.close());

  it('imports legal entities and reports each bad row with its field', async () => {
    const report = await importText(
      'legal-entities',
      csv(
        'code,name,functionalCurrency,country',
        'CSV-US,CSV Supply Inc.,USD,US',
        'CSV-EU,"CSV Supply Europe, B.V.",EUR,NL',
        'CSV-BAD,Bad Entity,usd,USA',
        'CSV-XXX,Unknown Money Ltd,XXY,GB',
      ),
    );
    expect(report).toMatchObject({ created: 2, refused: 2, rows: 4 });
    expect(report.failures.map((f) => [f.row, f.field])).toEqual([
      [4, 'functionalCurrency'],
      [4, 'country'],
      [5, 'functionalCurrency'],
    ]);
    const eu = await t.platform.db
      .selectFrom('legal_entities')
      .selectAll()
      .where('code', '=', 'CSV-EU')
      .executeTakeFirstOrThrow();
    expect(eu).toMatchObject({ name: 'CSV Supply Europe, B.V.', functional_currency: 'EUR', country: 'NL' });
  });

  it('reports rows that already exist as conflicts when the same file is imported again', async () => {
    const report = await importText(
      'legal-entities',
      csv('code,name,functionalCurrency,country', 'CSV-US,CSV Supply Inc.,USD,US'),
    );
    expect(report).toMatchObject({ created: 0, refused: 1 });
    expect(report.failures[0]!.message).toMatch(/already exists/);
  });

  it('converts booleans, numbers, lists and empty cells, and resolves references by business key', async () => {
    const sites = await importText(
      'sites',
      csv(
        'code,name,legalEntityId,addressLine1,city,region,postalCode,country,capabilities,isActive',
        'CSV-DAL,Dallas DC,CSV-US,1 Dock Rd,Dallas,TX,75236,US,receiving|inspection|hazmat,yes',
        'CSV-NOPE,Nowhere,NO-SUCH-ENTITY,,,,,US,,',
        'CSV-ODD,Odd DC,CSV-US,,,,,US,receiving|teleport,maybe',
      ),
    );
    expect(sites).toMatchObject({ created: 1, refused: 2 });
    expect(sites.failures).toEqual([
      { row: 3, field: 'legalEntityId', message: 'legal entity NO-SUCH-ENTITY does not exist' },
      expect.objectContaining({ row: 4, field: 'capabilities.1' }),
      expect.objectContaining({ row: 4, field: 'isActive' }),
    ]);
    const dal = await t.platform.db
      .selectFrom('sites')
      .selectAll()
      .where('code', '=', 'CSV-DAL')
      .executeTakeFirstOrThrow();
    expect(dal).toMatchObject({ legal_entity_id: await idOf('legal_entities', 'CSV-US'), is_active: 1 });
    expect(JSON.parse(dal.capabilities)).toEqual(['receiving', 'inspection', 'hazmat']);

    const customers = await importText(
      'customers',
      csv(
        'accountNumber,name,tier,legalEntityId,channel,currency,paymentTerms,returnWindowDays,isOnCreditHold,email,region',
        'CSV-C1,Lone Star Electric LLC,gold,CSV-US,edi,USD,NET45,,no,ap@lonestar.example,TX',
        'CSV-C2,Hold Co.,bronze,CSV-US,,USD,,90,1,,',
        'CSV-C3,Shiny Tier Inc.,diamond,CSV-US,,USD,,,,,',
        'CSV-C4,,silver,CSV-US,,USD,,ninety,,,',
      ),
    );
    expect(customers).toMatchObject({ created: 2, refused: 2 });
    expect(customers.failures.map((f) => [f.row, f.field])).toEqual([
      [4, 'tier'],
      [5, 'name'],
      [5, 'returnWindowDays'],
    ]);
    expect(customers.failures[1]!.message).toMatch(/required/);
    const [c1, c2] = await t.platform.db
      .selectFrom('customers')
      .selectAll()
      .where('account_number', 'in', ['CSV-C1', 'CSV-C2'])
      .orderBy('account_number')
      .execute();
    expect(c1).toMatchObject({
      tier: 'gold',
      channel: 'edi',
      payment_terms: 'NET45',
      return_window_days: null,
      is_on_credit_hold: 0,
    });
    expect(c2).toMatchObject({
      channel: 'direct',
      payment_terms: 'NET30',
      return_window_days: 90,
      is_on_credit_hold: 1,
    });
  });

  it('imports suppliers and products, products naming their supplier by code', async () => {
    const suppliers = await importText(
      'suppliers',
      csv(
        'code,name,legalEntityId,currency,acceptsVendorReturns,vendorReturnWindowDays,vendorRestockingFeeBps,warrantyRecoveryBps,requiresRtvAuthorization',
        'CSV-V1,Voltforge Tool Company,CSV-US,USD,true,60,1500,9000,false',
      ),
    );
    expect(suppliers).toMatchObject({ created: 1, refused: 0 });
    const products = await importText(
      'products',
      csv(
        'sku,gtin,name,category,unitCostMinor,listPriceMinor,currency,isReturnable,isSerialized,isLotControlled,regulatedClass,isTemperatureControlled,warrantyMonths,supplierId',
        'CSV-DRILL,4006381333931,18V Hammer Drill Kit,Power Tools,11900,18999,USD,1,1,0,,0,36,CSV-V1',
        'CSV-TAPE,,Packing Tape 48 mm,Consumables,900,1599,USD,yes,no,yes,,no,,',
        'CSV-CHEAP,,Broken Price,Consumables,abc,100,USD,,,,,,,',
      ),
    );
    expect(products).toMatchObject({ created: 2, refused: 1 });
    expect(products.failures).toEqual([expect.objectContaining({ row: 4, field: 'unitCostMinor' })]);
    const drill = await t.platform.db
      .selectFrom('products')
      .selectAll()
      .where('sku', '=', 'CSV-DRILL')
      .executeTakeFirstOrThrow();
    expect(drill).toMatchObject({
      gtin: '4006381333931',
      is_serialized: 1,
      warranty_months: 36,
      supplier_id: await idOf('suppliers', 'CSV-V1'),
      regulated_class: null,
    });
  });

  it('imports repair partners, naming their legal entity by code', async () => {
    const report = await importText(
      'partners',
      csv(
        'code,name,kind,email,legalEntityId,isActive',
        'CSV-FIX,Fixit Bench Services,repair,bench@fixit.example,CSV-US,true',
        'CSV-NOWHERE,Nowhere Repairs,repair,,NO-SUCH-ENTITY,true',
        'CSV-ODD,Odd Kind,painter,,CSV-US,true',
      ),
    );
    expect(report).toMatchObject({ created: 1, refused: 2, rows: 3 });
    expect(report.failures.map((f) => [f.row, f.field])).toEqual([
      [3, 'legalEntityId'],
      [4, 'kind'],
    ]);
    const fixit = await t.platform.db
      .selectFrom('partners')
      .selectAll()
      .where('code', '=', 'CSV-FIX')
      .executeTakeFirstOrThrow();
    expect(fixit).toMatchObject({ kind: 'repair', legal_entity_id: await idOf('legal_entities', 'CSV-US') });
  });

  it('imports orders one row per line, grouped by order number, and reports the row of a bad line', async () => {
    const header =
      'orderNumber,customerId,legalEntityId,currency,orderDate,customerPo,channel,lineNumber,productId,quantityShipped,unitPriceMinor,taxMinor,shipDate,deliveryDate,serialsShipped,lotsShipped,shipSiteId';
    const report = await importText(
      'orders',
      csv(
        header,
        'SO-CSV-1,CSV-C1,CSV-US,USD,2026-11-02,PO-77,edi,1,CSV-DRILL,2,17500,1094,2026-11-03,2026-11-05,SN-A1|SN-A2,,CSV-DAL',
        'SO-CSV-1,CSV-C1,CSV-US,USD,2026-11-02,PO-77,edi,2,CSV-TAPE,24,1450,2175,2026-11-03,2026-11-05,,L2610-01,CSV-DAL',
        'SO-CSV-2,CSV-C1,CSV-US,USD,2026-11-03,,,,CSV-TAPE,5,1450,0,,,,,',
        'SO-CSV-2,CSV-C1,CSV-US,USD,2026-11-03,,,,NO-SUCH-SKU,1,100,0,,,,,',
        'SO-CSV-3,CSV-C1,CSV-US,USD,2026-11-04,,,1,CSV-DRILL,3,17500,0,2026-11-04,,SN-B1,,',
        'SO-CSV-4,CSV-C1,CSV-US,USD,2026-11-04,,,1,CSV-TAPE,1,1450,0,,,,,',
        'SO-CSV-4,CSV-C1,CSV-US,EUR,2026-11-04,,,2,CSV-TAPE,1,1450,0,,,,,',
      ),
    );
    // SO-CSV-2 keeps its good line (4) without the unknown product (5); SO-CSV-3's only line has
    // serials that do not match its quantity; SO-CSV-4's rows disagree about the currency.
    expect(report).toMatchObject({
      created: 2,
      partial: 1,
      refused: 2,
      rows: 7,
      linesImported: 3,
      linesRefused: 4,
    });
    expect(report.failures.map((f) => [f.row, f.field])).toEqual([
      [5, 'productId'],
      [6, 'serialsShipped'],
      [7, 'currency'],
      [8, 'currency'],
    ]);
    expect(report.failures[0]!.message).toBe('NO-SUCH-SKU does not exist');
    expect(report.failures[2]!.message).toMatch(
      /line 8 says currency EUR but the order's first row \(line 7\) says USD/,
    );

    const admin = await t.tokenFor('admin');
    const found = await t.request(admin, { method: 'GET', url: '/api/v1/orders?q=SO-CSV-1' });
    expect(found.json().items).toHaveLength(1);
    const order = await t.request(admin, { method: 'GET', url: `/api/v1/orders/${found.json().items[0].id}` });
    expect(order.statusCode).toBe(200);
    expect(order.json()).toMatchObject({ orderNumber: 'SO-CSV-1', customerPo: 'PO-77', channel: 'edi' });
    expect(
      order
        .json()
        .lines.map((l: { sku: string; serialsShipped: string[]; lotsShipped: string[] }) => [
          l.sku,
          l.serialsShipped,
          l.lotsShipped,
        ]),
    ).toEqual([
      ['CSV-DRILL', ['SN-A1', 'SN-A2'], []],
      ['CSV-TAPE', [], ['L2610-01']],
    ]);
  });

  it('streams a gzip file and gives every line its fate: fractions of a penny, negative quantities, unreadable and split-up rows', async () => {
    const header = 'orderNumber,customerId,legalEntityId,currency,orderDate,productId,quantityShipped,unitPriceMinor';
    const file = join(dir, 'orders.csv.gz');
    writeFileSync(
      file,
      gzipSync(
        csv(
          header,
          'SO-GZ-1,CSV-C1,CSV-US,USD,2026-11-02,CSV-TAPE,2,1450',
          'SO-GZ-1,CSV-C1,CSV-US,USD,2026-11-02,CSV-TAPE,1,0.1',
          'SO-GZ-1,CSV-C1,CSV-US,USD,2026-11-02,CSV-TAPE,-12,1450',
          'SO-GZ-2,CSV-C1,CSV-US,USD,2026-11-02,CSV-TAPE,1',
          'SO-GZ-3,CSV-C1,CSV-US,USD,2026-11-03,CSV-TAPE,1,1450',
          'SO-GZ-1,CSV-C1,CSV-US,USD,2026-11-02,CSV-TAPE,5,1450',
        ),
      ),
    );
    const fates: Array<{ line: number; fate: string; field: string; message: string }> = [];
    const report = await importCsv(t.platform, 'orders', { path: file }, (fate) => void fates.push(fate));
    expect(report).toMatchObject({ rows: 6, created: 2, partial: 1, linesImported: 2, linesRefused: 4 });
    // Fates arrive as they are decided (the reader runs ahead of the orders); by line:
    fates.sort((a, b) => a.line - b.line);
    expect(fates.map((f) => [f.line, f.fate, f.field])).toEqual([
      [2, 'imported', ''],
      [3, 'refused', 'unitPriceMinor'],
      [4, 'refused', 'quantityShipped'],
      [5, 'refused', ''],
      [6, 'imported', ''],
      [7, 'refused', 'orderNumber'],
    ]);
    expect(fates[1]!.message).toMatch(/^0\.1 is not a whole number of minor units \(cents, pence\)/);
    expect(fates[2]!.message).toMatch(/^-12 is less than 0.*stock adjustment or a return/);
    expect(fates[3]!.message).toMatch(/cannot be read as CSV/);
    expect(fates[5]!.message).toMatch(/already had rows from line 2; the rows of one order must be together/);
  });

  it('imports nothing from a file with an unknown column, and says which', async () => {
    const report = await importText(
      'customers',
      csv('accountNumber,name,tier,legalEntityId,currency,colour', 'CSV-C9,Nine Inc.,gold,CSV-US,USD,red'),
    );
    expect(report).toMatchObject({ created: 0, refused: 0, fileError: expect.stringMatching(/unknown column colour/) });
    expect(report.failures).toEqual([expect.objectContaining({ row: 1, field: 'colour' })]);
    expect(
      await t.platform.db
        .selectFrom('customers')
        .select('id')
        .where('account_number', '=', 'CSV-C9')
        .executeTakeFirst(),
    ).toBeUndefined();
  });

  it('runs as npm run import / migrate: a per-row report, a summary and exit code 1 on failures', async () => {
    const env = { ...process.env, DATABASE_URL: t.database.url };
    const file = join(dir, 'customers.csv');
    writeFileSync(
      file,
      csv(
        'accountNumber,name,tier,legalEntityId,currency',
        'CSV-C10,Ten Inc.,gold,CSV-US,USD',
        'CSV-C11,Eleven Inc.,copper,CSV-US,USD',
      ),
    );
    const fates = join(dir, 'customers.fates.csv');
    const failed = await run('npx', ['tsx', 'src/cli/import.ts', 'customers', file, '--report', fates], { env }).catch(
      (e: { code: number; stdout: string }) => e,
    );
    expect('code' in failed ? failed.code : 0).toBe(1);
    expect(failed.stdout).toContain('line 3, tier:');
    expect(failed.stdout).toContain('customers: 1 created, 1 refused');
    expect(failed.stdout).toContain('lines: 2 read, 1 imported, 1 refused');
    expect(failed.stdout).toMatch(/took [\d.]+ s; peak memory \d+ MiB/);
    const fateLines = readFileSync(fates, 'utf8').trim().split('\n');
    expect(fateLines.slice(0, 2)).toEqual(['line,record,fate,field,reason', '2,CSV-C10,imported,,']);
    expect(fateLines[2]).toMatch(/^3,CSV-C11,refused,tier,"?Invalid option/);
    expect(fateLines).toHaveLength(3);

    const usage = await run('npx', ['tsx', 'src/cli/import.ts', 'widgets', file], { env }).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect('code' in usage ? usage.code : 0).toBe(2);
    expect(usage.stderr).toContain('kinds: legal-entities, sites, customers, suppliers, products, partners, orders');

    const migrated = await run('npx', ['tsx', 'src/cli/migrate.ts'], { env });
    expect(migrated.stdout).toContain('already at the latest schema');
  });
});
