// Whatever a client sends, the API answers with a client error (problem+json) or a success —
// never a 5xx — and a refused request changes nothing. Random JSON, mutated valid bodies (wrong
// types, huge and negative numbers, unicode, nulls, nested junk, extra or missing keys), random
// content types, If-Match headers and query strings, against the endpoints that take input.
// SQLite only: the property is about the HTTP and use-case layers, and stays fast there.
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.js';
import { makeOrder, makeProduct, makeWorld } from '../support/factories.js';

const NUM_RUNS = 150;
type Json = unknown;

// ——— generators ————————————————————————————————————————————————————————————————

const nastyString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '\u202e',
    '😀'.repeat(50),
    'a'.repeat(5000),
    "'; DROP TABLE rmas; --",
    '%_\\',
    '__proto__',
    'constructor',
    'USD',
    'usd',
    'BGN',
    'XXX',
    '2026-02-30',
    '1e400',
    'NaN',
    'null',
    '-0',
  ),
);
const nastyNumber = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(
    0,
    -0,
    -1,
    1.5,
    2 ** 31,
    2 ** 53,
    2 ** 53 + 2,
    -(2 ** 53) - 2,
    1e21,
    1e308,
    -1e308,
    Number.MAX_SAFE_INTEGER,
    Number.MIN_SAFE_INTEGER,
  ),
);
const junk: fc.Arbitrary<Json> = fc.oneof(
  { weight: 3, arbitrary: nastyString },
  { weight: 3, arbitrary: nastyNumber },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}) },
  { weight: 2, arbitrary: fc.anything({ maxDepth: 3, maxKeys: 4 }) },
  { weight: 1, arbitrary: fc.array(nastyString, { maxLength: 5 }) },
);

/**
 * A replacement value: junk of any type, or a plausible value of the same type as the value it
 * replaces (an existing or unknown id, an enum value, a currency, an edge-case integer, a date),
 * so that many mutated requests pass schema validation and reach the use cases.
 */
type Replacement =
  { kind: 'junk'; value: Json } | { kind: 'plausible'; pick: number; int: number; bool: boolean; many: number[] };
type Mutation =
  | { op: 'set'; path: string; value: Replacement }
  | { op: 'delete'; path: string }
  | { op: 'add'; path: string; key: string; value: Json };

const plausibleInt = fc.oneof(
  fc.constantFrom(-1, 0, 1, 2, 3, 10, 999_999, 1_000_000, 1_000_001, 2 ** 31, Number.MAX_SAFE_INTEGER),
  fc.integer({ min: -5, max: 50 }),
);
const replacement: fc.Arbitrary<Replacement> = fc.oneof(
  { weight: 1, arbitrary: junk.map((value) => ({ kind: 'junk' as const, value })) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('plausible' as const),
      pick: fc.nat(),
      int: plausibleInt,
      bool: fc.boolean(),
      many: fc.array(fc.nat(), { maxLength: 3 }),
    }),
  },
);

function mutations(paths: string[]): fc.Arbitrary<Mutation[]> {
  const path = fc.constantFrom(...paths);
  return fc.array(
    fc.oneof(
      { weight: 5, arbitrary: fc.record({ op: fc.constant('set' as const), path, value: replacement }) },
      { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), path }) },
      {
        weight: 1,
        arbitrary: fc.record({
          op: fc.constant('add' as const),
          path: fc.constantFrom('', ...paths),
          key: fc.oneof(nastyString, fc.constantFrom('id', 'version', 'status')),
          value: junk,
        }),
      },
    ),
    { minLength: 0, maxLength: 3 },
  );
}

function resolve(replacement: Replacement, current: unknown, pool: string[]): Json {
  if (replacement.kind === 'junk') return replacement.value;
  const str = (i: number) => pool[i % pool.length]!;
  if (typeof current === 'number') return replacement.int;
  if (typeof current === 'boolean') return replacement.bool;
  if (Array.isArray(current)) return replacement.many.map(str);
  if (current === null) return str(replacement.pick);
  return str(replacement.pick);
}

function applyMutations(base: Json, list: Mutation[], pool: string[]): Json {
  let root = structuredClone(base) as Record<string, unknown>;
  for (const m of list) {
    const keys = m.path === '' ? [] : m.path.split('.');
    if (m.op === 'set' && keys.length === 0) {
      root = resolve(m.value, root, pool) as Record<string, unknown>;
      continue;
    }
    let parent: unknown = root;
    const walk = m.op === 'add' ? keys : keys.slice(0, -1);
    for (const key of walk) {
      if (parent === null || typeof parent !== 'object') break;
      parent = (parent as Record<string, unknown>)[key];
    }
    if (parent === null || typeof parent !== 'object') continue;
    const target = parent as Record<string, unknown>;
    const last = keys.at(-1)!;
    if (m.op === 'set') target[last] = resolve(m.value, target[last], pool);
    else if (m.op === 'delete') delete target[last];
    else target[m.key] = m.value;
  }
  return root;
}

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/x-www-form-urlencoded',
  'application/xml',
  'multipart/form-data; boundary=x',
  '',
];
interface RawBody {
  payload: string;
  contentType: string;
}
/** A body as bytes on the wire: usually JSON of `value`, sometimes truncated or sent as another type. */
function wire(value: fc.Arbitrary<Json>): fc.Arbitrary<RawBody> {
  return fc.oneof(
    { weight: 8, arbitrary: value.map((v) => ({ payload: JSON.stringify(v) ?? '', contentType: 'application/json' })) },
    {
      weight: 1,
      arbitrary: fc.tuple(value, fc.nat()).map(([v, cut]) => {
        const s = JSON.stringify(v) ?? '';
        return { payload: s.slice(0, cut % (s.length + 1)), contentType: 'application/json' };
      }),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.oneof(
            value.map((v) => JSON.stringify(v) ?? ''),
            nastyString,
          ),
          fc.constantFrom(...CONTENT_TYPES),
        )
        .map(([payload, contentType]) => ({ payload, contentType })),
    },
  );
}

const QUERY_KEYS = [
  'q',
  'page',
  'pageSize',
  'status',
  'customerId',
  'returnType',
  'reasonCode',
  'createdFrom',
  'createdTo',
  'isUnauthorized',
  'sort',
  '__proto__',
  'page[]',
];
const queryValue = fc.oneof(
  nastyString,
  nastyNumber.map(String),
  fc.constantFrom(
    '1',
    '0',
    '-1',
    '200',
    '201',
    '9'.repeat(40),
    '1e400',
    '0x10',
    ' 2',
    '2026-11-26',
    '2026-13-45',
    'true',
    'authorized',
    'pending_approval',
  ),
);
const queryString: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .array(fc.tuple(fc.oneof(fc.constantFrom(...QUERY_KEYS), nastyString), queryValue), { maxLength: 6 })
      .map((pairs) => new URLSearchParams(pairs).toString()),
  },
  // Raw, possibly malformed percent-encoding and separators.
  {
    weight: 1,
    arbitrary: fc
      .array(
        fc.constantFrom(
          'page=',
          'q=',
          '%',
          '%zz',
          '%00',
          '%C3%28',
          '%ED%A0%80',
          '&',
          '=',
          '==',
          '+',
          '1',
          'a',
          '[',
          ']',
          '..',
          'pageSize=1',
        ),
        { maxLength: 12 },
      )
      .map((parts) => parts.join('')),
  },
);

// ——— the suite ———————————————————————————————————————————————————————————————————

describe('no input makes the API fail (sqlite)', () => {
  let t: TestApp;
  let tokens: string[];
  let validRma: Record<string, unknown>;
  let validProduct: () => Record<string, unknown>;
  let validOrder: () => Record<string, unknown>;
  let pool: string[];
  beforeAll(async () => {
    t = await startTestApp('sqlite');
    tokens = [await t.tokenFor('admin'), await t.tokenFor('cs_agent')];
    // Plenty shipped on each line, so valid mutations keep succeeding rather than running dry.
    const w = await makeWorld(t.platform, { quantityShipped: 1_000_000, unitPriceMinor: 100 });
    const serialized = await makeProduct(t.platform, { isSerialized: true });
    const second = await makeOrder(t.platform, {
      customerId: w.customer.id,
      legalEntityId: w.entity.id,
      lines: [{ productId: w.product.id, quantityShipped: 1_000_000, unitPriceMinor: 50 }],
    });
    const serialOrder = await makeOrder(t.platform, {
      customerId: w.customer.id,
      legalEntityId: w.entity.id,
      lines: [{ productId: serialized.id, quantityShipped: 2, serialsShipped: ['SN-1', 'SN-2'] }],
    });
    tokens.push(await t.tokenFor('customer', { customerId: w.customer.id }));
    const other = await makeWorld(t.platform);
    // Strings a mutation may put in any string field: real ids (of this and another account),
    // unknown ids, enum values, codes, currencies, dates and serials.
    pool = [
      w.customer.id,
      other.customer.id,
      w.orderLine.id,
      other.orderLine.id,
      second.lines[0]!.id,
      serialOrder.lines[0]!.id,
      w.product.id,
      serialized.id,
      w.entity.id,
      w.site.id,
      other.order.id,
      'cus_nope',
      'sol_nope',
      'prd_nope',
      'le_nope',
      'site_nope',
      'x',
      'standard',
      'warranty',
      'regulated',
      'recall',
      'unopened',
      'used',
      'damaged_in_transit',
      'opened',
      'ORDERED_IN_ERROR',
      'DEFECTIVE',
      'UNKNOWN',
      'NOT_A_REASON',
      'USD',
      'EUR',
      'JPY',
      'KWD',
      'BGN',
      'XXX',
      'usd',
      'gold',
      'bronze',
      '*',
      'Consumables',
      'direct',
      'edi',
      '2026-11-01',
      '2026-11-26',
      '2026-12-31',
      '2020-01-01',
      '2026-02-29',
      'SN-1',
      'SN-2',
      'SN-9',
      'LOT-1',
      '04006381333931',
    ];
    validRma = {
      customerId: w.customer.id,
      returnType: 'standard',
      note: 'wrong voltage',
      customerReference: 'REF-1',
      lines: [
        {
          orderLineId: w.orderLine.id,
          quantity: 1,
          reasonCode: 'ORDERED_IN_ERROR',
          claimedCondition: 'unopened',
          note: '',
          serials: [],
          lots: [],
        },
        { orderLineId: second.lines[0]!.id, quantity: 2, reasonCode: 'DEFECTIVE', claimedCondition: 'used' },
      ],
    };
    let n = 0;
    validProduct = () => ({
      sku: `PROP-${++n}`,
      gtin: null,
      name: 'Drill',
      category: 'Power Tools',
      unitCostMinor: 1,
      listPriceMinor: 2,
      currency: 'USD',
      supplierId: null,
    });
    validOrder = () => ({
      orderNumber: `PROP-SO-${++n}`,
      customerId: w.customer.id,
      legalEntityId: w.entity.id,
      currency: 'USD',
      orderDate: '2026-11-01',
      customerPo: 'PO',
      channel: 'direct',
      lines: [
        {
          lineNumber: 1,
          productId: w.product.id,
          quantityShipped: 2,
          unitPriceMinor: 100,
          taxMinor: 0,
          shipDate: '2026-11-02',
          deliveryDate: null,
          serialsShipped: ['A', 'B'],
          lotsShipped: [],
        },
        { lineNumber: 2, productId: serialized.id, quantityShipped: 1, unitPriceMinor: 100 },
      ],
    });
  });
  afterAll(async () => t?.close());

  const TABLES = [
    'rmas',
    'rma_lines',
    'rma_serials',
    'routing_instructions',
    'products',
    'sales_orders',
    'sales_order_lines',
    'config_versions',
    'customers',
    'audit_log',
    'outbox_events',
  ] as const;
  type Counts = Record<(typeof TABLES)[number], number>;
  async function counts(): Promise<Counts> {
    const entries = await Promise.all(
      TABLES.map(
        async (table) =>
          [
            table,
            Number(
              (
                await t.platform.db
                  .selectFrom(table)
                  .select((eb) => eb.fn.countAll().as('n'))
                  .executeTakeFirstOrThrow()
              ).n,
            ),
          ] as const,
      ),
    );
    return Object.fromEntries(entries) as Counts;
  }
  const committed = async () =>
    Number(
      (
        await t.platform.db
          .selectFrom('sales_order_lines')
          .select((eb) => eb.fn.sum('quantity_committed').as('n'))
          .executeTakeFirstOrThrow()
      ).n ?? 0,
    );

  function checkResponse(res: LightMyRequestResponse, what: string) {
    expect(res.statusCode, `${what} → ${res.statusCode} ${res.body.slice(0, 500)}`).toBeLessThan(500);
    if (res.statusCode >= 400) {
      expect(res.headers['content-type'], `${what} → ${res.statusCode}`).toContain('application/problem+json');
      const problem = res.json();
      expect(problem.status).toBe(res.statusCode);
      expect(typeof problem.code).toBe('string');
      expect(typeof problem.title).toBe('string');
    } else {
      expect(res.headers['content-type']).toContain('application/json');
    }
  }

  /** Runs the property and returns how many requests succeeded, for the row accounting. */
  async function hammer(
    arbitrary: fc.Arbitrary<{ body: RawBody; token: number; ifMatch?: string | undefined }>,
    method: 'POST' | 'PUT',
    url: string,
  ) {
    let successes = 0;
    await fc.assert(
      fc.asyncProperty(arbitrary, async ({ body, token, ifMatch }) => {
        const headers: Record<string, string> = {};
        if (body.contentType) headers['content-type'] = body.contentType;
        if (ifMatch !== undefined) headers['if-match'] = ifMatch;
        const res = await t.request(tokens[token]!, { method, url, payload: body.payload, headers });
        checkResponse(res, `${method} ${url} ${body.contentType} ${body.payload.slice(0, 300)}`);
        if (res.statusCode < 300) successes += 1;
      }),
      { numRuns: NUM_RUNS },
    );
    return successes;
  }
  // Mostly the admin, who may do everything, so requests reach the use cases; sometimes an agent
  // or a customer, whose refusals must be clean too.
  const anyToken = fc.oneof(
    { weight: 4, arbitrary: fc.constant(0) },
    { weight: 1, arbitrary: fc.constant(1) },
    { weight: 1, arbitrary: fc.constant(2) },
  );

  it('POST /returns: refused requests create no return, commit nothing and audit nothing', async () => {
    const body = wire(
      fc.oneof(
        { weight: 3, arbitrary: mutations(RMA_PATHS).map((m) => applyMutations(validRma, m, pool)) },
        { weight: 1, arbitrary: fc.anything() },
        { weight: 1, arbitrary: fc.object() },
      ),
    );
    const before = await counts();
    const committedBefore = await committed();
    const created = await hammer(fc.record({ body, token: anyToken }), 'POST', '/api/v1/returns');
    const after = await counts();
    expect(after.rmas - before.rmas).toBe(created);
    expect(after.rma_lines - before.rma_lines).toBeLessThanOrEqual(created * 2);
    expect(after.rma_lines - before.rma_lines).toBeGreaterThanOrEqual(created);
    // Each return: requested, and authorized or sent for approval; one authorized at once is also routed.
    const routed = after.routing_instructions - before.routing_instructions;
    expect(routed).toBeLessThanOrEqual(created);
    expect(after.audit_log - before.audit_log).toBe(created * 2 + routed);
    expect(after.outbox_events - before.outbox_events).toBe(created * 2 + routed);
    const rmaQuantity = Number(
      (
        await t.platform.db
          .selectFrom('rma_lines')
          .select((eb) => eb.fn.sum('quantity').as('n'))
          .executeTakeFirstOrThrow()
      ).n ?? 0,
    );
    // Every committed unit belongs to a return that was created (none open before this property).
    expect((await committed()) - committedBefore).toBe(rmaQuantity);
  });

  it('POST /returns/evaluate: never saves anything', async () => {
    const body = wire(
      fc.oneof(
        { weight: 3, arbitrary: mutations(RMA_PATHS).map((m) => applyMutations(validRma, m, pool)) },
        { weight: 1, arbitrary: fc.anything() },
      ),
    );
    const before = await counts();
    const committedBefore = await committed();
    await hammer(fc.record({ body, token: anyToken }), 'POST', '/api/v1/returns/evaluate');
    expect(await counts()).toEqual(before);
    expect(await committed()).toBe(committedBefore);
  });

  it('POST /products: refused requests create no product', async () => {
    const body = wire(
      fc.oneof(
        { weight: 3, arbitrary: mutations(PRODUCT_PATHS).map((m) => applyMutations(validProduct(), m, pool)) },
        { weight: 1, arbitrary: fc.anything() },
        { weight: 1, arbitrary: fc.object() },
      ),
    );
    const before = await counts();
    const created = await hammer(fc.record({ body, token: anyToken }), 'POST', '/api/v1/products');
    const after = await counts();
    expect(after.products - before.products).toBe(created);
    expect(after.audit_log - before.audit_log).toBe(created);
    expect(after.outbox_events - before.outbox_events).toBe(created);
  });

  it('POST /orders: refused requests create no order and no line', async () => {
    const body = wire(
      fc.oneof(
        { weight: 3, arbitrary: mutations(ORDER_PATHS).map((m) => applyMutations(validOrder(), m, pool)) },
        { weight: 1, arbitrary: fc.anything() },
        { weight: 1, arbitrary: fc.object() },
      ),
    );
    const before = await counts();
    const created = await hammer(fc.record({ body, token: anyToken }), 'POST', '/api/v1/orders');
    const after = await counts();
    expect(after.sales_orders - before.sales_orders).toBe(created);
    expect(after.audit_log - before.audit_log).toBe(created);
    if (created === 0) expect(after.sales_order_lines).toBe(before.sales_order_lines);
  });

  it('PUT /config/return_policy: refused requests publish no version', async () => {
    const current = (await t.request(tokens[0]!, { method: 'GET', url: '/api/v1/config/return_policy' })).json();
    const document = current.document as Record<string, unknown>;
    const envelope = fc.oneof(
      {
        weight: 4,
        arbitrary: mutations(POLICY_PATHS).map((m) => ({
          document: applyMutations(document, m, pool),
          comment: 'property test',
        })),
      },
      {
        weight: 1,
        arbitrary: mutations(['comment', 'document']).map((m) =>
          applyMutations({ document, comment: 'property test' }, m, pool),
        ),
      },
      { weight: 1, arbitrary: fc.anything() },
    );
    // Read the version in force at request time, so a valid If-Match is possible.
    let version = current.version as number;
    const ifMatch = fc.oneof(
      fc.constant(undefined),
      fc.constant('current'),
      fc.constantFrom('"0"', '"999999999"', '"1e3"', '*', 'W/"1"', '""', '"-1"', ' "1" ', '"9999999999"'),
      fc.string({ unit: 'binary-ascii', maxLength: 20 }).filter((s) => /^[\x20-\x7e]*$/.test(s)),
    );
    const before = await counts();
    let published = 0;
    await fc.assert(
      fc.asyncProperty(wire(envelope), anyToken, ifMatch, async (body, token, match) => {
        const headers: Record<string, string> = { 'content-type': body.contentType || 'application/json' };
        if (match !== undefined) headers['if-match'] = match === 'current' ? `"${version}"` : match;
        const res = await t.request(tokens[token]!, {
          method: 'PUT',
          url: '/api/v1/config/return_policy',
          payload: body.payload,
          headers,
        });
        checkResponse(res, `PUT config ${headers['if-match']} ${body.payload.slice(0, 300)}`);
        if (res.statusCode < 300) {
          published += 1;
          version = res.json().version;
        }
      }),
      { numRuns: NUM_RUNS },
    );
    const after = await counts();
    expect(after.config_versions - before.config_versions).toBe(published);
    expect(after.audit_log - before.audit_log).toBe(published);
    const now = (await t.request(tokens[0]!, { method: 'GET', url: '/api/v1/config/return_policy' })).json();
    expect(now.version).toBe(current.version + published);
  });

  it('GET /returns and GET /customers: any query string is answered, never with a 5xx', async () => {
    const before = await counts();
    for (const path of ['/api/v1/returns', '/api/v1/customers', '/api/v1/orders', '/api/v1/products']) {
      await fc.assert(
        fc.asyncProperty(queryString, anyToken, async (query, token) => {
          const res = await t.request(tokens[token]!, { method: 'GET', url: `${path}?${query}` });
          checkResponse(res, `GET ${path}?${query}`);
          if (res.statusCode === 200) {
            const page = res.json();
            expect(Array.isArray(page.items)).toBe(true);
            expect(page.items.length).toBeLessThanOrEqual(page.pageSize);
            expect(page.total).toBeGreaterThanOrEqual(0);
          }
        }),
        { numRuns: path.endsWith('returns') || path.endsWith('customers') ? NUM_RUNS : 50 },
      );
    }
    expect(await counts()).toEqual(before);
  });

  it('inbound and receipt endpoints (shipments, receipts, arrivals, tracking events): never a 5xx', async () => {
    const world = await makeWorld(t.platform);
    const authorized = await t.request(tokens[0]!, {
      method: 'POST',
      url: '/api/v1/returns',
      payload: {
        customerId: world.customer.id,
        returnType: 'standard',
        lines: [
          {
            orderLineId: world.orderLine.id,
            quantity: 3,
            reasonCode: 'ORDERED_IN_ERROR',
            claimedCondition: 'unopened',
          },
        ],
      },
    });
    expect(authorized.statusCode, authorized.body).toBe(201);
    const rmaId = authorized.json<{ id: string }>().id;
    const targets: Array<{ url: string; valid: Json; paths: string[] }> = [
      {
        url: `/api/v1/returns/${rmaId}/shipments`,
        valid: { trackingNumber: '1Z999AA10123456784', service: 'Ground', weightGrams: 1200 },
        paths: ['trackingNumber', 'carrierCode', 'service', 'weightGrams', 'lines'],
      },
      {
        url: `/api/v1/returns/${rmaId}/receipts`,
        valid: {
          siteId: world.site.id,
          items: [{ productId: world.product.id, quantity: 1, serials: [], lots: ['LOT-1'], condition: 'unopened' }],
        },
        paths: ['siteId', 'items', 'items.0', 'items.0.productId', 'items.0.quantity', 'items.0.lots', 'items.0.scan'],
      },
      {
        url: '/api/v1/receiving/arrivals',
        valid: {
          siteId: world.site.id,
          sender: 'J. Smith',
          note: 'a box',
          lines: [{ description: 'drill', quantity: 1 }],
        },
        paths: [
          'siteId',
          'sender',
          'customerId',
          'note',
          'lines',
          'lines.0',
          'lines.0.description',
          'lines.0.quantity',
        ],
      },
      {
        url: '/api/v1/tracking/events',
        valid: {
          events: [
            {
              eventId: 'e1',
              carrier: 'ups',
              trackingNumber: '1Z999AA10123456784',
              status: 'in_transit',
              carrierStatus: 'I',
              occurredAt: '2026-11-20T10:00:00Z',
            },
          ],
        },
        paths: [
          'events',
          'events.0',
          'events.0.status',
          'events.0.occurredAt',
          'events.0.trackingNumber',
          'events.0.eventId',
        ],
      },
    ];
    for (const target of targets) {
      const body = wire(
        fc.oneof(
          { weight: 3, arbitrary: mutations(target.paths).map((m) => applyMutations(target.valid, m, pool)) },
          { weight: 1, arbitrary: fc.anything() },
        ),
      );
      await hammer(fc.record({ body, token: anyToken }), 'POST', target.url);
    }
  });
});

const RMA_PATHS = [
  'customerId',
  'returnType',
  'note',
  'customerReference',
  'lines',
  'lines.0',
  'lines.1',
  'lines.0.orderLineId',
  'lines.0.quantity',
  'lines.0.reasonCode',
  'lines.0.claimedCondition',
  'lines.0.note',
  'lines.0.serials',
  'lines.0.lots',
  'lines.1.orderLineId',
  'lines.1.quantity',
  'lines.1.serials',
  'lines.1.serials.0',
];
const PRODUCT_PATHS = [
  'sku',
  'gtin',
  'name',
  'category',
  'unitCostMinor',
  'listPriceMinor',
  'currency',
  'isReturnable',
  'isSerialized',
  'regulatedClass',
  'warrantyMonths',
  'supplierId',
];
// shipSiteId is left out on purpose: an unknown site is a known 500 (see the `.fails` tests in
// sales-orders.test.ts); mutating it here would only rediscover that bug on every run.
const ORDER_PATHS = [
  'orderNumber',
  'customerId',
  'legalEntityId',
  'currency',
  'orderDate',
  'customerPo',
  'channel',
  'lines',
  'lines.0',
  'lines.0.lineNumber',
  'lines.0.productId',
  'lines.0.quantityShipped',
  'lines.0.unitPriceMinor',
  'lines.0.taxMinor',
  'lines.0.shipDate',
  'lines.0.deliveryDate',
  'lines.0.serialsShipped',
  'lines.0.lotsShipped',
  'lines.1.lineNumber',
  'lines.1.productId',
];
const POLICY_PATHS = [
  'defaultReturnWindowDays',
  'windows',
  'windows.0',
  'windows.0.tier',
  'windows.0.days',
  'windows.1.category',
  'authorizationValidDays',
  'windowExemptReturnTypes',
  'windowExemptReturnTypes.0',
];
