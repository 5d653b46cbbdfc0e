// Master data over HTTP: legal entities, sites, customers, suppliers and products — create, read,
// search, edit with optimistic concurrency, bulk load, validation and who may do what.
import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import { expectProblem } from './support/problems.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { makeCustomer, makeLegalEntity, makeProduct } from '../support/factories.js';

const tag = () => randomBytes(4).toString('hex').toUpperCase();
const errorPaths = (res: LightMyRequestResponse) =>
  (res.json().errors ?? []).map((e: { path: string }) => e.path) as string[];

function productBody(overrides: Record<string, unknown> = {}) {
  return {
    sku: `SKU-${tag()}`,
    name: 'Impact Driver 18V',
    category: 'Power Tools',
    unitCostMinor: 5500,
    listPriceMinor: 9900,
    currency: 'USD',
    ...overrides,
  };
}

describe.each(DIALECTS)('master data over HTTP on %s', (dialect) => {
  let t: TestApp;
  let admin: string;
  let agent: string;
  let warehouse: string;
  let entityId: string;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    admin = await t.tokenFor('admin');
    agent = await t.tokenFor('cs_agent');
    warehouse = await t.tokenFor('warehouse');
    entityId = (await makeLegalEntity(t.platform)).id;
  });
  afterAll(async () => t?.close());

  const count = async (table: 'products' | 'customers' | 'suppliers' | 'sites' | 'legal_entities') =>
    Number(
      (
        await t.platform.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('creates a legal entity, a site, a customer, a supplier and a product, each with Location and ETag', async () => {
    const code = `LE-${tag()}`;
    const le = await t.request(admin, {
      method: 'POST',
      url: '/api/v1/legal-entities',
      payload: { code, name: 'Boomerang GmbH', functionalCurrency: 'EUR', country: 'DE' },
    });
    expect(le.statusCode, le.body).toBe(201);
    expect(le.json()).toMatchObject({
      code,
      name: 'Boomerang GmbH',
      functionalCurrency: 'EUR',
      country: 'DE',
      version: 1,
    });
    expect(le.json().id).toMatch(/^le_/);
    expect(le.headers.location).toBe(`/api/v1/legal-entities/${le.json().id}`);
    expect(le.headers.etag).toBe('"1"');
    const leId = le.json().id as string;

    const site = await t.request(admin, {
      method: 'POST',
      url: '/api/v1/sites',
      payload: {
        code: `WH-${tag()}`,
        name: 'Hamburg DC',
        legalEntityId: leId,
        country: 'DE',
        capabilities: ['receiving', 'hazmat'],
      },
    });
    expect(site.statusCode, site.body).toBe(201);
    // Defaults fill what was left out.
    expect(site.json()).toMatchObject({
      legalEntityId: leId,
      capabilities: ['receiving', 'hazmat'],
      isActive: true,
      addressLine1: '',
      city: '',
      version: 1,
    });
    expect(site.headers.location).toBe(`/api/v1/sites/${site.json().id}`);

    const account = `C-${tag()}`;
    const customer = await t.request(admin, {
      method: 'POST',
      url: '/api/v1/customers',
      payload: {
        accountNumber: account,
        name: 'Nordlicht Baumarkt',
        tier: 'silver',
        legalEntityId: leId,
        currency: 'EUR',
        email: 'einkauf@nordlicht.example',
        returnWindowDays: 14,
      },
    });
    expect(customer.statusCode, customer.body).toBe(201);
    expect(customer.json()).toMatchObject({
      accountNumber: account,
      tier: 'silver',
      channel: 'direct',
      paymentTerms: 'NET30',
      returnWindowDays: 14,
      isOnCreditHold: false,
      version: 1,
    });
    expect(customer.headers.location).toBe(`/api/v1/customers/${customer.json().id}`);

    const supplier = await t.request(admin, {
      method: 'POST',
      url: '/api/v1/suppliers',
      payload: {
        code: `SUP-${tag()}`,
        name: 'Makita Europe',
        legalEntityId: leId,
        currency: 'EUR',
        vendorRestockingFeeBps: 1500,
      },
    });
    expect(supplier.statusCode, supplier.body).toBe(201);
    expect(supplier.json()).toMatchObject({
      acceptsVendorReturns: true,
      vendorReturnWindowDays: 90,
      vendorRestockingFeeBps: 1500,
      warrantyRecoveryBps: 10_000,
      requiresRtvAuthorization: true,
    });

    const product = await t.request(admin, {
      method: 'POST',
      url: '/api/v1/products',
      payload: productBody({
        gtin: '04006381333931',
        supplierId: supplier.json().id,
        currency: 'EUR',
        isSerialized: true,
        warrantyMonths: 24,
      }),
    });
    expect(product.statusCode, product.body).toBe(201);
    expect(product.json()).toMatchObject({
      gtin: '04006381333931',
      supplierId: supplier.json().id,
      isSerialized: true,
      isReturnable: true,
      warrantyMonths: 24,
      regulatedClass: null,
      version: 1,
    });
    expect(product.headers.etag).toBe('"1"');

    // Each one reads back exactly as it was returned, with its version as the ETag.
    for (const [path, created] of [
      ['legal-entities', le],
      ['sites', site],
      ['customers', customer],
      ['suppliers', supplier],
      ['products', product],
    ] as const) {
      const fetched = await t.request(agent, { method: 'GET', url: `/api/v1/${path}/${created.json().id}` });
      expect(fetched.statusCode, path).toBe(200);
      expect(fetched.json()).toEqual(created.json());
      expect(fetched.headers.etag).toBe('"1"');
    }
    expect((await t.request(agent, { method: 'GET', url: '/api/v1/products/prd_does_not_exist' })).statusCode).toBe(
      404,
    );
  });

  it('writes an audit event and an outbox row in the same transaction as a create', async () => {
    const created = await t.request(admin, { method: 'POST', url: '/api/v1/products', payload: productBody() });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    const audit = await t.platform.db.selectFrom('audit_log').selectAll().where('entity_id', '=', id).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'product.created',
      entity_type: 'product',
      actor_name: 'admin@test.local',
    });
    expect(JSON.parse(audit[0]!.after!)).toMatchObject({ id, sku: created.json().sku });
    const outbox = await t.platform.db.selectFrom('outbox_events').selectAll().where('aggregate_id', '=', id).execute();
    expect(outbox.map((e) => e.event_type)).toEqual(['product.created']);
    expect(JSON.parse(outbox[0]!.payload)).toEqual({ id });

    // A refused create leaves no trace.
    const auditBefore = Number(
      (
        await t.platform.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    const dup = await t.request(admin, {
      method: 'POST',
      url: '/api/v1/products',
      payload: productBody({ sku: created.json().sku }),
    });
    expect(dup.statusCode).toBe(409);
    const auditAfter = Number(
      (
        await t.platform.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(auditAfter).toBe(auditBefore);
  });

  it('searches by text, case-insensitively, with paging and a total', async () => {
    const marker = `Zq${tag()}`;
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await t.request(admin, {
        method: 'POST',
        url: '/api/v1/products',
        payload: productBody({ sku: `${marker}-${i}`, name: `Bench grinder ${i}` }),
      });
      expect(res.statusCode).toBe(201);
      ids.push(res.json().id);
    }
    const seen: string[] = [];
    for (const [page, size] of [
      [1, 3],
      [2, 3],
      [3, 1],
    ] as const) {
      const res = await t.request(agent, {
        method: 'GET',
        url: `/api/v1/products?q=${marker.toLowerCase()}&page=${page}&pageSize=3`,
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ page, pageSize: 3, total: 7 });
      expect(res.json().items).toHaveLength(size);
      seen.push(...res.json().items.map((p: { id: string }) => p.id));
    }
    // Pages do not overlap and together hold every match, in SKU order.
    expect(seen).toEqual(ids);
    const beyond = (
      await t.request(agent, { method: 'GET', url: `/api/v1/products?q=${marker}&page=9&pageSize=3` })
    ).json();
    expect(beyond).toMatchObject({ items: [], total: 7 });
    // LIKE wildcards in the query are literal characters, not patterns.
    const wildcard = (
      await t.request(agent, { method: 'GET', url: `/api/v1/products?q=${encodeURIComponent(`${marker}%`)}` })
    ).json();
    expect(wildcard.total).toBe(0);
    const underscore = (await t.request(agent, { method: 'GET', url: `/api/v1/products?q=${marker}_0` })).json();
    expect(underscore.total).toBe(0);
    const hyphen = (await t.request(agent, { method: 'GET', url: `/api/v1/products?q=${marker}-0` })).json();
    expect(hyphen.items.map((p: { id: string }) => p.id)).toEqual([ids[0]]);

    // Customers are searched by account, name and e-mail.
    const customer = await makeCustomer(t.platform, entityId, {
      name: `Acme ${marker}`,
      email: `${marker.toLowerCase()}@acme.example`,
    });
    const byName = (await t.request(agent, { method: 'GET', url: `/api/v1/customers?q=ACME%20${marker}` })).json();
    expect(byName.items.map((c: { id: string }) => c.id)).toEqual([customer.id]);
    const byAccount = (
      await t.request(agent, { method: 'GET', url: `/api/v1/customers?q=${customer.accountNumber}` })
    ).json();
    expect(byAccount.items.map((c: { id: string }) => c.id)).toEqual([customer.id]);

    for (const query of ['pageSize=0', 'pageSize=201', 'page=0', 'page=abc', 'sort=name', `q=${'x'.repeat(101)}`]) {
      const res = await t.request(agent, { method: 'GET', url: `/api/v1/products?${query}` });
      expectProblem(res, 400, 'validation_failed');
    }
  });

  it('edits only with If-Match: 428 without, 412 when stale, and the version moves on', async () => {
    const created = (
      await t.request(admin, { method: 'POST', url: '/api/v1/products', payload: productBody() })
    ).json();
    const url = `/api/v1/products/${created.id}`;

    const without = await t.request(admin, { method: 'PATCH', url, payload: { listPriceMinor: 12900 } });
    expectProblem(without, 428, 'precondition_required');
    const malformed = await t.request(admin, {
      method: 'PATCH',
      url,
      payload: { listPriceMinor: 12900 },
      headers: { 'if-match': 'yesterday' },
    });
    expectProblem(malformed, 400, 'validation_failed');
    expect(errorPaths(malformed)).toEqual(['headers.if-match']);
    const stale = await t.request(admin, {
      method: 'PATCH',
      url,
      payload: { listPriceMinor: 12900 },
      headers: { 'if-match': '"2"' },
    });
    expectProblem(stale, 412, 'precondition_failed');
    expect((await t.request(agent, { method: 'GET', url })).json().listPriceMinor).toBe(9900);

    const edited = await t.request(admin, {
      method: 'PATCH',
      url,
      payload: { listPriceMinor: 12900, name: 'Impact Driver 18V (2026)' },
      headers: { 'if-match': '"1"' },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({
      ...created,
      listPriceMinor: 12900,
      name: 'Impact Driver 18V (2026)',
      version: 2,
    });
    expect(edited.headers.etag).toBe('"2"');
    const fetched = await t.request(agent, { method: 'GET', url });
    expect(fetched.json()).toEqual(edited.json());
    expect(fetched.headers.etag).toBe('"2"');

    // The version just used is now stale; a weak ETag of the current version is accepted.
    const replay = await t.request(admin, {
      method: 'PATCH',
      url,
      payload: { listPriceMinor: 1 },
      headers: { 'if-match': '"1"' },
    });
    expectProblem(replay, 412);
    const weak = await t.request(admin, {
      method: 'PATCH',
      url,
      payload: { isReturnable: false },
      headers: { 'if-match': 'W/"2"' },
    });
    expect(weak.statusCode).toBe(200);
    expect(weak.json()).toMatchObject({ isReturnable: false, listPriceMinor: 12900, version: 3 });

    const audit = await t.platform.db
      .selectFrom('audit_log')
      .select(['action', 'before', 'after'])
      .where('entity_id', '=', created.id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['product.created', 'product.updated', 'product.updated']);
    expect(JSON.parse(audit[1]!.before!).listPriceMinor).toBe(9900);
    expect(JSON.parse(audit[1]!.after!).listPriceMinor).toBe(12900);

    const missing = await t.request(admin, {
      method: 'PATCH',
      url: '/api/v1/products/prd_nope',
      payload: { name: 'x' },
      headers: { 'if-match': '"1"' },
    });
    expectProblem(missing, 404);
  });

  it('an edit changes only the fields it names: the others keep their values, defaults or not', async () => {
    const created = await t.request(admin, {
      method: 'POST',
      url: '/api/v1/sites',
      payload: {
        code: 'EDIT-ONE',
        name: 'Edited site',
        legalEntityId: entityId,
        city: 'Reno',
        country: 'US',
        capabilities: ['receiving', 'repair'],
        isActive: false,
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const renamed = await t.request(admin, {
      method: 'PATCH',
      url: `/api/v1/sites/${created.json().id}`,
      payload: { name: 'Renamed site' },
      headers: { 'if-match': '"1"' },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toEqual({ ...created.json(), name: 'Renamed site', version: 2 });
  });

  it('refuses edits that break the record: unknown keys, bad values, taken SKU, unknown supplier', async () => {
    const a = (await t.request(admin, { method: 'POST', url: '/api/v1/products', payload: productBody() })).json();
    const b = (await t.request(admin, { method: 'POST', url: '/api/v1/products', payload: productBody() })).json();
    const url = `/api/v1/products/${b.id}`;
    const patch = (payload: object) =>
      t.request(admin, { method: 'PATCH', url, payload, headers: { 'if-match': '"1"' } });

    const unknownKey = await patch({ colour: 'teal' });
    expectProblem(unknownKey, 400, 'validation_failed');
    expect(JSON.stringify(unknownKey.json().errors)).toContain('colour');
    const badPrice = await patch({ listPriceMinor: -1 });
    expectProblem(badPrice, 400);
    expect(errorPaths(badPrice)).toEqual(['listPriceMinor']);
    const badId = await patch({ version: 7 });
    expectProblem(badId, 400);
    const takenSku = await patch({ sku: a.sku });
    expectProblem(takenSku, 409, 'conflict');
    const unknownSupplier = await patch({ supplierId: 'sup_nope' });
    expectProblem(unknownSupplier, 400);
    expect(errorPaths(unknownSupplier)).toEqual(['supplierId']);
    const withdrawn = await patch({ currency: 'BGN' });
    expectProblem(withdrawn, 400);
    expect(errorPaths(withdrawn)).toEqual(['currency']);

    // None of the refused edits moved the version.
    const current = await t.request(agent, { method: 'GET', url });
    expect(current.json()).toEqual(b);
  });

  it('refuses bad creates with a problem naming each field, and creates nothing', async () => {
    const before = {
      products: await count('products'),
      customers: await count('customers'),
      sites: await count('sites'),
      suppliers: await count('suppliers'),
    };
    const cases: Array<[string, object, string]> = [
      ['products', { ...productBody(), colour: 'red' }, '(body)'],
      ['products', productBody({ unitCostMinor: 12.5 }), 'unitCostMinor'],
      ['products', productBody({ listPriceMinor: Number.MAX_SAFE_INTEGER + 2 }), 'listPriceMinor'],
      ['products', productBody({ gtin: '12345' }), 'gtin'],
      ['products', productBody({ sku: '   ' }), 'sku'],
      ['products', productBody({ name: undefined }), 'name'],
      ['products', productBody({ currency: 'usd' }), 'currency'],
      ['products', productBody({ currency: 'BGN' }), 'currency'],
      ['products', productBody({ currency: 'XXX' }), 'currency'],
      ['products', productBody({ currency: 'XAU' }), 'currency'],
      ['products', productBody({ currency: 'ZZZ' }), 'currency'],
      ['products', productBody({ supplierId: 'sup_nope' }), 'supplierId'],
      ['products', productBody({ warrantyMonths: 241 }), 'warrantyMonths'],
      [
        'customers',
        { accountNumber: `C-${tag()}`, name: 'X', tier: 'diamond', legalEntityId: entityId, currency: 'USD' },
        'tier',
      ],
      [
        'customers',
        { accountNumber: `C-${tag()}`, name: 'X', tier: 'gold', legalEntityId: 'le_nope', currency: 'USD' },
        'legalEntityId',
      ],
      [
        'customers',
        { accountNumber: `C-${tag()}`, name: 'X', tier: 'gold', legalEntityId: entityId, currency: 'BGN' },
        'currency',
      ],
      [
        'customers',
        {
          accountNumber: `C-${tag()}`,
          name: 'X',
          tier: 'gold',
          legalEntityId: entityId,
          currency: 'USD',
          email: 'not-an-address',
        },
        'email',
      ],
      [
        'customers',
        {
          accountNumber: `C-${tag()}`,
          name: 'X',
          tier: 'gold',
          legalEntityId: entityId,
          currency: 'USD',
          returnWindowDays: -1,
        },
        'returnWindowDays',
      ],
      ['sites', { code: `WH-${tag()}`, name: 'X', legalEntityId: 'le_nope', country: 'US' }, 'legalEntityId'],
      [
        'sites',
        { code: `WH-${tag()}`, name: 'X', legalEntityId: entityId, country: 'US', capabilities: ['teleport'] },
        'capabilities.0',
      ],
      ['sites', { code: `WH-${tag()}`, name: 'X', legalEntityId: entityId, country: 'usa' }, 'country'],
      ['suppliers', { code: `S-${tag()}`, name: 'X', legalEntityId: 'le_nope', currency: 'USD' }, 'legalEntityId'],
      ['suppliers', { code: `S-${tag()}`, name: 'X', legalEntityId: entityId, currency: 'XXX' }, 'currency'],
      [
        'suppliers',
        { code: `S-${tag()}`, name: 'X', legalEntityId: entityId, currency: 'USD', vendorRestockingFeeBps: 10_001 },
        'vendorRestockingFeeBps',
      ],
      [
        'legal-entities',
        { code: `LE-${tag()}`, name: 'X', functionalCurrency: 'BGN', country: 'BG' },
        'functionalCurrency',
      ],
    ];
    for (const [path, payload, field] of cases) {
      const res = await t.request(admin, { method: 'POST', url: `/api/v1/${path}`, payload });
      expectProblem(res, 400, 'validation_failed');
      expect(errorPaths(res), `${path} ${JSON.stringify(payload)}`).toContain(field);
    }
    const unknownEntity = await t.request(admin, {
      method: 'POST',
      url: '/api/v1/sites',
      payload: { code: `WH-${tag()}`, name: 'X', legalEntityId: 'le_nope', country: 'US' },
    });
    expect(unknownEntity.json().detail).toContain('le_nope');

    const notJson = await t.request(admin, {
      method: 'POST',
      url: '/api/v1/products',
      payload: '{"sku":',
      headers: { 'content-type': 'application/json' },
    });
    expectProblem(notJson, 400);
    const array = await t.request(admin, { method: 'POST', url: '/api/v1/products', payload: [productBody()] });
    expectProblem(array, 400);
    expect(await count('products')).toBe(before.products);
    expect(await count('customers')).toBe(before.customers);
    expect(await count('sites')).toBe(before.sites);
    expect(await count('suppliers')).toBe(before.suppliers);
  });

  // PostgreSQL text cannot hold U+0000 (SQLite can): refused at the edge on both, naming the field.
  it('refuses a NUL character in text or search with 400 naming the field', async () => {
    const before = await count('products');
    const created = await t.request(admin, {
      method: 'POST',
      url: '/api/v1/products',
      payload: productBody({ name: 'Drill\u0000Pro' }),
    });
    expectProblem(created, 400, 'validation_failed');
    expect(created.json().errors[0].path).toBe('name');
    expect(await count('products')).toBe(before);
    const searched = await t.request(agent, { method: 'GET', url: '/api/v1/customers?q=%00' });
    expectProblem(searched, 400, 'validation_failed');
    expect(searched.json().errors[0].path).toBe('querystring.q');
  });

  it('refuses a second record with the same SKU, GTIN, account number or code (409)', async () => {
    const product = await makeProduct(t.platform, { gtin: `0${Date.now()}`.slice(0, 13) });
    const sameSku = await t.request(admin, {
      method: 'POST',
      url: '/api/v1/products',
      payload: productBody({ sku: product.sku }),
    });
    expectProblem(sameSku, 409, 'conflict');
    const sameGtin = await t.request(admin, {
      method: 'POST',
      url: '/api/v1/products',
      payload: productBody({ gtin: product.gtin }),
    });
    expectProblem(sameGtin, 409, 'conflict');
    const customer = await makeCustomer(t.platform, entityId);
    const sameAccount = await t.request(admin, {
      method: 'POST',
      url: '/api/v1/customers',
      payload: {
        accountNumber: customer.accountNumber,
        name: 'Someone else',
        tier: 'gold',
        legalEntityId: entityId,
        currency: 'USD',
      },
    });
    expectProblem(sameAccount, 409, 'conflict');
    const entity = await makeLegalEntity(t.platform);
    const sameCode = await t.request(admin, {
      method: 'POST',
      url: '/api/v1/legal-entities',
      payload: { code: entity.code, name: 'Dup', functionalCurrency: 'USD', country: 'US' },
    });
    expectProblem(sameCode, 409, 'conflict');
    // Only one row carries the SKU.
    const found = (await t.request(agent, { method: 'GET', url: `/api/v1/products?q=${product.sku}` })).json();
    expect(found.total).toBe(1);
  });

  it('bulk-creates products with one result per item, and the good ones exist afterwards', async () => {
    const takenSku = (await makeProduct(t.platform)).sku;
    const good1 = productBody();
    const good2 = productBody({ currency: 'JPY', listPriceMinor: 12000, unitCostMinor: 8000 });
    const items = [
      good1,
      { ...productBody(), unitCostMinor: 'cheap' },
      productBody({ sku: takenSku }),
      productBody({ supplierId: 'sup_nope' }),
      null,
      good2,
      productBody({ sku: good1.sku }),
      productBody({ currency: 'BGN' }),
    ];
    const res = await t.request(admin, { method: 'POST', url: '/api/v1/products/bulk', payload: { items } });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.results).toHaveLength(items.length);
    expect(body.results.map((r: { index: number }) => r.index)).toEqual(items.map((_, i) => i));
    expect(body.results.map((r: { ok: boolean }) => r.ok)).toEqual([
      true,
      false,
      false,
      false,
      false,
      true,
      false,
      false,
    ]);
    expect(body).toMatchObject({ created: 2, failed: 6 });
    expect(body.results.map((r: { error?: { code: string } }) => r.error?.code ?? null)).toEqual([
      null,
      'validation_failed',
      'conflict',
      'validation_failed',
      'validation_failed',
      null,
      'conflict',
      'validation_failed',
    ]);
    expect(body.results[1].error.message).toContain('unitCostMinor');
    expect(body.results[3].error.message).toContain('sup_nope');
    for (const r of body.results.filter((x: { ok: boolean }) => x.ok)) {
      expect(r.id).toMatch(/^prd_/);
      expect(r.error).toBeUndefined();
    }
    const first = await t.request(agent, { method: 'GET', url: `/api/v1/products/${body.results[0].id}` });
    expect(first.json()).toMatchObject({ sku: good1.sku, currency: 'USD' });
    const sixth = await t.request(agent, { method: 'GET', url: `/api/v1/products/${body.results[5].id}` });
    expect(sixth.json()).toMatchObject({ sku: good2.sku, currency: 'JPY' });

    for (const payload of [{ items: [] }, { items: 'all of them' }, { items: [good1], dryRun: true }, {}]) {
      expectProblem(await t.request(admin, { method: 'POST', url: '/api/v1/products/bulk', payload }), 400);
    }
    expectProblem(
      await t.request(agent, { method: 'POST', url: '/api/v1/products/bulk', payload: { items: [productBody()] } }),
      403,
      'forbidden',
    );
  });

  it('bulk-creates customers and suppliers the same way', async () => {
    const customers = await t.request(admin, {
      method: 'POST',
      url: '/api/v1/customers/bulk',
      payload: {
        items: [
          { accountNumber: `C-${tag()}`, name: 'One', tier: 'gold', legalEntityId: entityId, currency: 'USD' },
          { accountNumber: `C-${tag()}`, name: 'Two', tier: 'gold', legalEntityId: 'le_nope', currency: 'USD' },
        ],
      },
    });
    expect(customers.json()).toMatchObject({
      created: 1,
      failed: 1,
      results: [
        { index: 0, ok: true },
        { index: 1, ok: false, error: { code: 'validation_failed' } },
      ],
    });
    const suppliers = await t.request(admin, {
      method: 'POST',
      url: '/api/v1/suppliers/bulk',
      payload: { items: [{ code: `S-${tag()}`, name: 'Bosch', legalEntityId: entityId, currency: 'EUR' }] },
    });
    expect(suppliers.json()).toMatchObject({ created: 1, failed: 0 });
    expect(
      (await t.request(agent, { method: 'GET', url: `/api/v1/suppliers/${suppliers.json().results[0].id}` })).json()
        .name,
    ).toBe('Bosch');
  });

  it('lets staff read but only admins write', async () => {
    const product = await makeProduct(t.platform);
    const customer = await makeCustomer(t.platform, entityId);
    for (const token of [agent, warehouse]) {
      for (const path of ['legal-entities', 'sites', 'customers', 'suppliers', 'products']) {
        expect((await t.request(token, { method: 'GET', url: `/api/v1/${path}` })).statusCode, path).toBe(200);
      }
      expect((await t.request(token, { method: 'GET', url: `/api/v1/products/${product.id}` })).statusCode).toBe(200);
      expectProblem(
        await t.request(token, { method: 'POST', url: '/api/v1/products', payload: productBody() }),
        403,
        'forbidden',
      );
      expectProblem(
        await t.request(token, {
          method: 'PATCH',
          url: `/api/v1/products/${product.id}`,
          payload: { name: 'x' },
          headers: { 'if-match': '"1"' },
        }),
        403,
      );
      expectProblem(
        await t.request(token, {
          method: 'PATCH',
          url: `/api/v1/customers/${customer.id}`,
          payload: { isOnCreditHold: true },
          headers: { 'if-match': '"1"' },
        }),
        403,
      );
      expectProblem(
        await t.request(token, {
          method: 'POST',
          url: '/api/v1/legal-entities',
          payload: { code: `LE-${tag()}`, name: 'X', functionalCurrency: 'USD', country: 'US' },
        }),
        403,
      );
    }
    expect((await t.request(agent, { method: 'GET', url: `/api/v1/products/${product.id}` })).json().version).toBe(1);
    expect(
      (await t.request(agent, { method: 'GET', url: `/api/v1/customers/${customer.id}` })).json().isOnCreditHold,
    ).toBe(false);
    expectProblem(await t.request(null, { method: 'GET', url: '/api/v1/products' }), 401, 'unauthenticated');
  });

  it('shows a customer the catalogue and its own account, and nothing else', async () => {
    const mine = await makeCustomer(t.platform, entityId);
    const theirs = await makeCustomer(t.platform, entityId);
    const product = await makeProduct(t.platform);
    const me = await t.tokenFor('customer', { customerId: mine.id });

    expect((await t.request(me, { method: 'GET', url: `/api/v1/products/${product.id}` })).statusCode).toBe(200);
    expect((await t.request(me, { method: 'GET', url: `/api/v1/products?q=${product.sku}` })).json().total).toBe(1);
    const own = await t.request(me, { method: 'GET', url: `/api/v1/customers/${mine.id}` });
    expect(own.statusCode).toBe(200);
    expect(own.json().accountNumber).toBe(mine.accountNumber);
    expectProblem(await t.request(me, { method: 'GET', url: `/api/v1/customers/${theirs.id}` }), 404, 'not_found');
    const list = (await t.request(me, { method: 'GET', url: '/api/v1/customers?pageSize=200' })).json();
    expect(list.total).toBe(1);
    expect(list.items.map((c: { id: string }) => c.id)).toEqual([mine.id]);
    expect(
      (await t.request(me, { method: 'GET', url: `/api/v1/customers?q=${theirs.accountNumber}` })).json().total,
    ).toBe(0);

    for (const path of ['suppliers', 'legal-entities', 'sites']) {
      expectProblem(await t.request(me, { method: 'GET', url: `/api/v1/${path}` }), 403, 'forbidden');
    }
    expectProblem(await t.request(me, { method: 'GET', url: `/api/v1/legal-entities/${entityId}` }), 403);
    expectProblem(
      await t.request(me, {
        method: 'PATCH',
        url: `/api/v1/customers/${mine.id}`,
        payload: { returnWindowDays: 3650 },
        headers: { 'if-match': '"1"' },
      }),
      403,
    );
    expectProblem(await t.request(me, { method: 'POST', url: '/api/v1/products', payload: productBody() }), 403);
  });
});
