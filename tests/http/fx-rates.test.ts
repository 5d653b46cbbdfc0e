// Exchange rates through the API: finance imports the ECB's reference-rates XML as downloaded,
// everyone who reads the books lists the rates in force on a day, and the rate a posting would use
// between two non-euro currencies is crossed through the euro from the file's own numbers.
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/contracts/common.js';
import type { FxImportResult, FxRate } from '../../src/contracts/ledger.js';
import { convertMinor, findRate } from '../../src/ledger/index.js';
import { DIALECTS } from '../support/databases.js';
import { expectProblem } from './support/problems.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const DAILY = new URL('../../../shared/data/fx/eurofxref-daily.xml', import.meta.url);
const hasDaily = existsSync(DAILY);
if (!hasDaily)
  console.warn(
    'SKIPPED: importing the ECB daily file through the API — ../shared/data/fx/eurofxref-daily.xml is absent',
  );
const dailyXml = hasDaily ? readFileSync(DAILY, 'utf8') : '';

/** A rate as the file prints it, read with a plain pattern (not the parser under test). */
const publishedRate = (quote: string) => new RegExp(`currency='${quote}' rate='([0-9.]+)'`).exec(dailyXml)?.[1];

const ecbXml = (date: string, rates: Record<string, string>) =>
  `<?xml version="1.0" encoding="UTF-8"?>
<gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
  <gesmes:subject>Reference rates</gesmes:subject>
  <Cube><Cube time='${date}'>${Object.entries(rates)
    .map(([currency, rate]) => `<Cube currency='${currency}' rate='${rate}'/>`)
    .join('')}</Cube></Cube>
</gesmes:Envelope>`;

describe.each(DIALECTS)('exchange rates on %s', (dialect) => {
  let t: TestApp;
  const token = (role: Role) => t.tokenFor(role);

  const importXml = async (role: Role, xml: string, contentType = 'application/xml') =>
    t.request(await token(role), {
      method: 'POST',
      url: '/api/v1/fx-rates/import',
      headers: { 'content-type': contentType },
      payload: xml,
    });
  const listRates = async (query = '', role: Role = 'finance') => {
    const res = await t.request(await token(role), { method: 'GET', url: `/api/v1/fx-rates${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: FxRate[] }>().items;
  };
  const fxAuditCount = async () =>
    Number(
      (
        await t.platform.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('entity_type', '=', 'fx_rates')
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(() => t?.close());

  describe.skipIf(!hasDaily)('the ECB daily file of ../shared', () => {
    it('is imported by finance as downloaded: 201 with the day and the count', async () => {
      const res = await importXml('finance', dailyXml);
      expect(res.statusCode, res.body).toBe(201);
      const result = res.json<FxImportResult>();
      expect(result.dates).toEqual(['2022-07-08']);
      // 31 published; the lev and the kuna have been withdrawn since, and are left out, said so.
      expect(result.imported).toBe(29);
      expect(result.skipped.map((s) => s.quote)).toEqual(['BGN', 'HRK']);

      const audit = await t.platform.db
        .selectFrom('audit_log')
        .select(['entity_id', 'action', 'after', 'actor_name'])
        .where('entity_type', '=', 'fx_rates')
        .execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ entity_id: '2022-07-08', action: 'fx_rates.imported' });
      const after: unknown = typeof audit[0]!.after === 'string' ? JSON.parse(audit[0]!.after) : audit[0]!.after;
      expect(after).toMatchObject({ date: '2022-07-08', count: 29, base: 'EUR', source: 'ecb' });
    });

    it('reads the rates back exactly as the file prints them', async () => {
      const items = await listRates();
      expect(items).toHaveLength(29);
      for (const quote of ['USD', 'GBP', 'JPY', 'PLN', 'ISK']) {
        const item = items.find((i) => i.quoteCurrency === quote);
        expect(item, quote).toEqual({
          rateDate: '2022-07-08',
          baseCurrency: 'EUR',
          quoteCurrency: quote,
          rate: publishedRate(quote),
          source: 'ecb',
        });
      }
      expect(items.find((i) => i.quoteCurrency === 'PLN')!.rate).toBe('4.7630');
      // The rates in force on a later day are that day's; before it, none.
      expect((await listRates('?date=2022-07-10&quote=GBP')).map((i) => [i.rateDate, i.rate])).toEqual([
        ['2022-07-08', '0.84585'],
      ]);
      expect(await listRates('?date=2022-07-07')).toEqual([]);
      // The books' other readers see them too.
      expect(await listRates('?quote=USD', 'ops_manager')).toHaveLength(1);
    });

    it('crosses USD to GBP through the euro from the file’s own numbers', async () => {
      const usdPerEur = publishedRate('USD')!;
      const gbpPerEur = publishedRate('GBP')!;
      expect([usdPerEur, gbpPerEur]).toEqual(['1.0163', '0.84585']);
      const rate = await findRate(t.platform.db, 'USD', 'GBP', '2022-07-11');
      // 0.84585 / 1.0163 = 0.83228377447604…, to 12 decimals.
      expect(rate).toBe('0.832283774476');
      expect(Number(rate)).toBeCloseTo(Number(gbpPerEur) / Number(usdPerEur), 12);
      // 100.00 USD is £83.23; and the other way round, £100.00 is 120.15 USD.
      expect(convertMinor(10_000, rate!, 2, 2)).toBe(8_323);
      expect(convertMinor(10_000, (await findRate(t.platform.db, 'GBP', 'USD', '2022-07-08'))!, 2, 2)).toBe(12_015);
      expect(await findRate(t.platform.db, 'USD', 'GBP', '2022-07-07')).toBeNull();
    });

    it('replaces a day imported again, and the audit record says what changed', async () => {
      const res = await importXml('admin', ecbXml('2022-07-08', { USD: '1.0170', GBP: '0.84585' }), 'text/xml');
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json<FxImportResult>()).toEqual({ imported: 2, dates: ['2022-07-08'], skipped: [] });
      const items = await listRates('?date=2022-07-08');
      expect(items).toHaveLength(29);
      expect(items.find((i) => i.quoteCurrency === 'USD')!.rate).toBe('1.0170');
      const last = await t.platform.db
        .selectFrom('audit_log')
        .select('after')
        .where('entity_type', '=', 'fx_rates')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      const after: unknown = typeof last.after === 'string' ? JSON.parse(last.after) : last.after;
      expect(after).toMatchObject({ count: 2, changed: [{ quote: 'USD', from: '1.0163', to: '1.0170' }] });
      // Put the published rate back for the tests that follow.
      expect((await importXml('finance', dailyXml)).statusCode).toBe(201);
    });
  });

  it('keeps each pair at its own latest day', async () => {
    expect((await importXml('finance', ecbXml('2026-11-20', { USD: '1.1562', CHF: '0.9312' }))).statusCode).toBe(201);
    const items = await listRates('?date=2026-11-26');
    expect(items.find((i) => i.quoteCurrency === 'USD')).toMatchObject({ rateDate: '2026-11-20', rate: '1.1562' });
    if (hasDaily) {
      // GBP was not published on the 20th in this test: its latest is still the ECB file's.
      expect(items.find((i) => i.quoteCurrency === 'GBP')).toMatchObject({ rateDate: '2022-07-08', rate: '0.84585' });
    }
    expect((await listRates()).find((i) => i.quoteCurrency === 'CHF')!.rateDate).toBe('2026-11-20');
  });

  it('is finance’s (and admin’s) to import; reading needs the books', async () => {
    const xml = ecbXml('2026-11-25', { USD: '1.1500' });
    for (const role of ['warehouse', 'ops_manager', 'cs_manager', 'quality', 'customer'] as const)
      expectProblem(await importXml(role, xml), 403, 'forbidden');
    // Refused before the file is read: a malformed file from someone who may not import is a 403.
    expectProblem(await importXml('warehouse', '<not-xml'), 403, 'forbidden');
    for (const role of ['warehouse', 'cs_agent', 'customer'] as const) {
      const res = await t.request(await token(role), { method: 'GET', url: '/api/v1/fx-rates' });
      expectProblem(res, 403, 'forbidden');
    }
    const anonymous = await t.request(null, { method: 'GET', url: '/api/v1/fx-rates' });
    expect(anonymous.statusCode).toBe(401);
    expect(await listRates('?date=2026-11-25&quote=USD')).toMatchObject([{ rateDate: '2026-11-20' }]);
  });

  it('refuses a malformed file with a 400 problem that says why, and changes nothing', async () => {
    const before = await listRates();
    const auditsBefore = await fxAuditCount();
    const cases: Array<[string, RegExp]> = [
      ['<gesmes:Envelope><Cube><Cube time="2026-11-25">', /<gesmes:Envelope>, <Cube>, <Cube> never closed/],
      ['{"USD": 1.08}', /not well-formed XML/],
      ['<rates><rate currency="USD">1.08</rate></rates>', /root element is <rates>/],
      [ecbXml('2026-11-25', { USD: '1.15', GBP: '-0.87' }), /GBP\): the rate "-0.87" is not a positive decimal/],
      [ecbXml('2026-13-01', { USD: '1.15' }), /not a date/],
      [ecbXml('2026-11-25', { ABC: '1.15' }), /"ABC" is not a current ISO 4217 currency/],
      [ecbXml('2026-11-25', { HRK: '7.5' }), /ISO 4217 withdrew HRK in 2023-01/],
      ['<!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>', /DOCTYPE/],
    ];
    for (const [xml, reason] of cases) {
      const res = await importXml('finance', xml);
      expectProblem(res, 400, 'validation_failed');
      const problem = res.json<{ detail: string; errors: Array<{ path: string; message: string }> }>();
      expect(problem.detail).toMatch(/nothing was imported/);
      expect(problem.detail).toMatch(reason);
      expect(problem.errors.length).toBeGreaterThan(0);
    }
    // A valid day beside a bad one: neither is stored.
    const mixed = ecbXml('2026-11-24', { USD: '1.1400' }).replace(
      '</Cube></Cube>',
      "</Cube><Cube time='2026-11-23'><Cube currency='USD' rate='abc'/></Cube></Cube>",
    );
    expectProblem(await importXml('finance', mixed), 400, 'validation_failed');
    expect(await listRates()).toEqual(before);
    expect(await fxAuditCount()).toBe(auditsBefore);
  });

  it('takes XML only, at most 2 MB', async () => {
    const json = await t.request(await token('finance'), {
      method: 'POST',
      url: '/api/v1/fx-rates/import',
      payload: JSON.stringify(ecbXml('2026-11-25', { USD: '1.15' })),
      headers: { 'content-type': 'application/json' },
    });
    expectProblem(json, 415, 'unsupported_media_type');
    const padding = `<!-- ${'x'.repeat(2 * 1024 * 1024)} -->`;
    const tooLarge = await importXml('finance', ecbXml('2026-11-25', { USD: '1.15' }) + padding);
    expectProblem(tooLarge, 413, 'payload_too_large');
    expect(tooLarge.json<{ detail: string }>().detail).toMatch(/larger than 2 MB: .*npm run import-rates/);
    // Elsewhere in the API an XML body is still refused.
    const elsewhere = await t.request(await token('admin'), {
      method: 'POST',
      url: '/api/v1/customers',
      headers: { 'content-type': 'application/xml' },
      payload: '<customer/>',
    });
    expectProblem(elsewhere, 415);
  });

  it('replays a retried upload with the same Idempotency-Key instead of importing it twice', async () => {
    const xml = ecbXml('2026-11-19', { USD: '1.1555' });
    const send = async () =>
      t.request(await token('finance'), {
        method: 'POST',
        url: '/api/v1/fx-rates/import',
        headers: { 'content-type': 'application/xml', 'idempotency-key': 'rates-2026-11-19' },
        payload: xml,
      });
    const audits = await fxAuditCount();
    const first = await send();
    expect(first.statusCode, first.body).toBe(201);
    const again = await send();
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    expect(await fxAuditCount()).toBe(audits + 1);
  });

  it('validates the query', async () => {
    const res = await t.request(await token('finance'), { method: 'GET', url: '/api/v1/fx-rates?date=yesterday' });
    expectProblem(res, 400, 'validation_failed');
    const lower = await t.request(await token('finance'), { method: 'GET', url: '/api/v1/fx-rates?quote=usd' });
    expectProblem(lower, 400, 'validation_failed');
  });
});
