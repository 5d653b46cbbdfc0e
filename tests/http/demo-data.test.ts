// The demo data a fresh installation starts with: loaded into an empty database on every configured
// dialect, it must be believable (counts, every RMA state), consistent (committed quantities match
// the returns that hold them) and leave an intact audit chain — and load in seconds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RMA_STATUSES } from '../../src/contracts/returns-vocabulary.js';
import { startPlatform } from '../../src/server/platform.js';
import { fixedClock } from '../../src/platform/clock.js';
import { systemContext } from '../../src/platform/actor.js';
import { verifyAuditChain } from '../../src/audit/index.js';
import { holdsQuantity } from '../../src/returns/index.js';
import { loadDemoDataIfEmpty, type DemoDataSummary } from '../../src/demo/index.js';
import { isValidGtin } from '../../src/demo/gtin.js';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../support/databases.js';

const countOf = async (
  platform: Awaited<ReturnType<typeof startPlatform>>,
  table:
    | 'legal_entities'
    | 'sites'
    | 'suppliers'
    | 'products'
    | 'customers'
    | 'sales_orders'
    | 'sales_order_lines'
    | 'users'
    | 'rmas',
) =>
  Number(
    (
      await platform.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe.each(DIALECTS)('demo data on %s', (dialect) => {
  let database: TestDatabase;
  let platform: Awaited<ReturnType<typeof startPlatform>>;
  let summary: DemoDataSummary | null;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    platform = await startPlatform({ databaseUrl: database.url, clock: fixedClock('2026-11-26T10:00:00.000Z') });
    summary = await loadDemoDataIfEmpty(platform, { log: (line) => console.log(`[${dialect}] ${line}`) });
  });
  afterAll(async () => {
    await platform?.close();
    await database?.drop();
  });

  it('loads a believable distributor, in seconds', async () => {
    expect(summary).not.toBeNull();
    console.log(`[${dialect}] demo data load time: ${summary!.milliseconds} ms`, summary!.phaseMilliseconds);
    expect(await countOf(platform, 'legal_entities')).toBe(3);
    expect(await countOf(platform, 'sites')).toBeGreaterThanOrEqual(5);
    expect(await countOf(platform, 'suppliers')).toBeGreaterThanOrEqual(35);
    expect(await countOf(platform, 'products')).toBeGreaterThanOrEqual(2800);
    expect(await countOf(platform, 'customers')).toBeGreaterThanOrEqual(380);
    expect(await countOf(platform, 'sales_orders')).toBeGreaterThanOrEqual(5500);
    expect(await countOf(platform, 'sales_order_lines')).toBeGreaterThanOrEqual(20_000);
    expect(await countOf(platform, 'users')).toBe(8);
    expect(await countOf(platform, 'rmas')).toBeGreaterThanOrEqual(400);
    const currencies = await platform.db
      .selectFrom('legal_entities')
      .select('functional_currency')
      .orderBy('functional_currency')
      .execute();
    expect(currencies.map((c) => c.functional_currency)).toEqual(['EUR', 'GBP', 'USD']);
  });

  it('gives every customer its entity’s currency and every product a valid GTIN', async () => {
    const mismatched = await platform.db
      .selectFrom('customers')
      .innerJoin('legal_entities', 'legal_entities.id', 'customers.legal_entity_id')
      .select('customers.id')
      .whereRef('customers.currency', '!=', 'legal_entities.functional_currency')
      .execute();
    expect(mismatched).toEqual([]);
    const gtins = await platform.db.selectFrom('products').select('gtin').execute();
    expect(gtins.every((p) => p.gtin !== null && p.gtin.length === 13 && isValidGtin(p.gtin))).toBe(true);
    const tiers = await platform.db.selectFrom('customers').select('tier').distinct().execute();
    expect(tiers.map((t) => t.tier).sort()).toEqual(['bronze', 'gold', 'platinum', 'silver']);
  });

  // 'closed' is entered when a return completes: it appears once the later stages' use cases land.
  it('has returns in every state but the transient one and closed, and at least 15 awaiting approval', async () => {
    const rows = await platform.db
      .selectFrom('rmas')
      .select(['status', (eb) => eb.fn.countAll().as('n')])
      .groupBy('status')
      .execute();
    const byStatus = new Map(rows.map((r) => [r.status, Number(r.n)]));
    for (const status of RMA_STATUSES.filter((s) => s !== 'requested' && s !== 'closed'))
      expect(byStatus.get(status) ?? 0, status).toBeGreaterThan(0);
    expect(byStatus.get('pending_approval')).toBeGreaterThanOrEqual(15);
    const unauthorized = await platform.db.selectFrom('rmas').select('id').where('is_unauthorized', '=', 1).execute();
    expect(unauthorized.length).toBeGreaterThan(0);
  });

  it('commits on each order line exactly what the returns holding quantity hold, never more than shipped', async () => {
    const lines = await platform.db
      .selectFrom('sales_order_lines')
      .select(['id', 'quantity_shipped', 'quantity_committed'])
      .execute();
    const rmaLines = await platform.db
      .selectFrom('rma_lines')
      .innerJoin('rmas', 'rmas.id', 'rma_lines.rma_id')
      .select(['rma_lines.order_line_id', 'rma_lines.quantity', 'rmas.status'])
      .where('rma_lines.order_line_id', 'is not', null)
      .execute();
    const held = new Map<string, number>();
    for (const l of rmaLines) {
      if (holdsQuantity(l.status)) held.set(l.order_line_id!, (held.get(l.order_line_id!) ?? 0) + l.quantity);
    }
    const wrong = lines.filter(
      (l) => l.quantity_committed > l.quantity_shipped || l.quantity_committed !== (held.get(l.id) ?? 0),
    );
    expect(wrong).toEqual([]);
    expect([...held.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });

  it('keeps the audit chain intact and gives every return a timeline', async () => {
    const chain = await verifyAuditChain(platform, systemContext('test'));
    expect(chain).toMatchObject({ isIntact: true, firstBreak: null });
    const withoutEvents = await platform.db
      .selectFrom('rmas')
      .select('rmas.id')
      .where((eb) =>
        eb.not(
          eb.exists(eb.selectFrom('audit_log').select('audit_log.id').whereRef('audit_log.stream_id', '=', 'rmas.id')),
        ),
      )
      .execute();
    expect(withoutEvents).toEqual([]);
  });

  it('gives the demo customer user recent delivered orders and returns in several states', async () => {
    const user = await platform.db
      .selectFrom('users')
      .select(['customer_id', 'name'])
      .where('email', '=', 'customer@demo.local')
      .executeTakeFirstOrThrow();
    const customer = await platform.db
      .selectFrom('customers')
      .selectAll()
      .where('id', '=', user.customer_id!)
      .executeTakeFirstOrThrow();
    expect(customer).toMatchObject({ tier: 'gold', currency: 'USD' });
    const recent = await platform.db
      .selectFrom('sales_order_lines')
      .innerJoin('sales_orders', 'sales_orders.id', 'sales_order_lines.order_id')
      .select('sales_order_lines.id')
      .where('sales_orders.customer_id', '=', customer.id)
      .where('sales_order_lines.delivery_date', '>=', '2026-10-01')
      .execute();
    expect(recent.length).toBeGreaterThanOrEqual(40);
    const statuses = await platform.db
      .selectFrom('rmas')
      .select('status')
      .distinct()
      .where('customer_id', '=', customer.id)
      .execute();
    expect(statuses.length).toBeGreaterThanOrEqual(5);
    const pending = await platform.db
      .selectFrom('rmas')
      .select('id')
      .where('customer_id', '=', customer.id)
      .where('status', '=', 'pending_approval')
      .execute();
    expect(pending.length).toBeGreaterThanOrEqual(3);
  });

  it('loads only into an empty database', async () => {
    expect(await loadDemoDataIfEmpty(platform, { log: () => {} })).toBeNull();
    expect(await countOf(platform, 'users')).toBe(8);
  });

  it('routes every authorized return by the rules, regulated goods only to certified sites', async () => {
    const routed = await platform.db
      .selectFrom('rmas')
      .leftJoin('routing_instructions as ri', (join) =>
        join.onRef('ri.rma_id', '=', 'rmas.id').on('ri.is_current', '=', 1),
      )
      .leftJoin('sites', 'sites.id', 'ri.site_id')
      .select(['rmas.id', 'rmas.return_type', 'sites.code', 'sites.capabilities', 'ri.basis'])
      .where('rmas.authorized_at', 'is not', null)
      .where('rmas.is_unauthorized', '=', 0)
      .execute();
    expect(routed.length).toBeGreaterThan(50);
    expect(routed.filter((r) => r.basis !== 'rules')).toEqual([]);
    const bySite = new Map<string, number>();
    for (const r of routed) bySite.set(r.code ?? '(none)', (bySite.get(r.code ?? '(none)') ?? 0) + 1);
    console.log(`[${dialect}] authorized returns by routed site`, Object.fromEntries(bySite));
    expect(bySite.size).toBeGreaterThanOrEqual(4);
    for (const r of routed.filter((row) => row.return_type === 'regulated'))
      expect(JSON.parse(r.capabilities ?? '[]')).toContain('regulated_goods');
  });
});
