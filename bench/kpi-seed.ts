// A distributor with `returns` returns over three years, written straight into a fresh database
// for the dashboard benchmark: master data through the real use cases (3 legal entities in USD,
// EUR and GBP, 2 sites each, customers, suppliers, products), then the RMAs and their KPI facts in
// bulk. The facts come from synthetic stage records passed through the product's own derivation
// (deriveReturnFacts) and the rollups from its own contributionsOf, so they have the shapes and
// sums production writes. What is not written: the stages' raw records (receipts, inspections,
// dispositions, memos, claims) — the dashboards never read them, and a million lifecycles through
// the API would take hours here — so the KPI check is not run on this data.
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Platform } from '../src/platform/unit-of-work.js';
import { createMasterRecord, SUPPLIERS } from '../src/masterdata/index.js';
import { systemContext } from '../src/platform/actor.js';
import {
  addContributions,
  contributionsOf,
  deriveReturnFacts,
  lineRows,
  returnRow,
  rollupRow,
  type Contribution,
  type ReturnRecords,
} from '../src/kpi/index.js';
import { makeCustomer, makeLegalEntity, makeProduct, makeSite } from '../tests/support/factories.js';

export interface SeedShape {
  returns: number;
  customers: number;
  products: number;
  suppliers: number;
}

export interface SeededWorld {
  entities: Array<{ id: string; currency: string }>;
  customerIds: string[];
  productIds: string[];
  seconds: number;
}

/** A small, fast, seeded generator (mulberry32): the same data on every run and database. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const REASONS = [
  'DEFECTIVE',
  'DAMAGED_IN_TRANSIT',
  'ORDERED_IN_ERROR',
  'WRONG_ITEM',
  'NOT_AS_DESCRIBED',
  'WARRANTY_FAILURE',
];
const CHANNELS: Array<[string, number]> = [
  ['staff', 0.35],
  ['portal', 0.4],
  ['edi', 0.15],
  ['api', 0.04],
  ['arrival', 0.06],
];
const CATEGORIES = ['Electrical', 'Hand tools', 'Fasteners', 'Safety', 'Plumbing', 'Lighting', 'Storage', 'Garden'];
const DAY = 86_400_000;
const END = Date.parse('2026-11-26T10:00:00.000Z');
const SPAN_DAYS = 3 * 365;

function pick<T>(rnd: () => number, items: readonly T[]): T {
  return items[Math.floor(rnd() * items.length)]!;
}

function weighted(rnd: () => number, items: ReadonlyArray<[string, number]>): string {
  let x = rnd();
  for (const [item, weight] of items) if ((x -= weight) <= 0) return item;
  return items[items.length - 1]![0];
}

async function masterData(platform: Platform, shape: SeedShape) {
  const ctx = systemContext('bench');
  const entities = [];
  const sites: string[][] = [];
  for (const currency of ['USD', 'EUR', 'GBP']) {
    const entity = await makeLegalEntity(platform, { currency });
    entities.push({ id: entity.id, currency });
    sites.push([(await makeSite(platform, entity.id)).id, (await makeSite(platform, entity.id)).id]);
  }
  const suppliers = [];
  for (let i = 0; i < shape.suppliers; i++)
    suppliers.push(
      await createMasterRecord(
        platform,
        ctx,
        SUPPLIERS,
        SUPPLIERS.inputSchema.parse({
          code: `SUP-${i}-${randomBytes(2).toString('hex')}`,
          name: `Supplier ${i}`,
          legalEntityId: entities[i % 3]!.id,
          currency: entities[i % 3]!.currency,
        }),
      ),
    );
  const products = [];
  for (let i = 0; i < shape.products; i++) {
    const product = await makeProduct(platform, {
      supplierId: suppliers[i % suppliers.length]!.id,
      category: CATEGORIES[i % CATEGORIES.length]!,
    });
    products.push({
      id: product.id,
      category: CATEGORIES[i % CATEGORIES.length]!,
      supplierId: suppliers[i % suppliers.length]!.id,
    });
  }
  const customers: Array<{ id: string; entity: number }> = [];
  for (let i = 0; i < shape.customers; i++)
    customers.push({ id: (await makeCustomer(platform, entities[i % 3]!.id, { tier: 'gold' })).id, entity: i % 3 });
  return { entities, sites, products, customers };
}

/** One synthetic return's stage records, as the stages would report them. */
function recordsOf(
  rnd: () => number,
  i: number,
  world: Awaited<ReturnType<typeof masterData>>,
  created: number,
  lastByCustomer: Map<string, number>,
): ReturnRecords {
  const customer = pick(rnd, world.customers);
  const entity = world.entities[customer.entity]!;
  const age = Math.floor((END - created) / DAY);
  const createdAt = new Date(created).toISOString();
  // Returns are made in time order: the customer's previous one is the last seen.
  const previous = lastByCustomer.get(customer.id);
  lastByCustomer.set(customer.id, created);
  const received = age > 10 || rnd() < 0.5;
  const lines = Array.from({ length: rnd() < 0.75 ? 1 : 2 }, (_, n) => {
    const product = pick(rnd, world.products);
    const quantity = 1 + Math.floor(rnd() * 4);
    const receivedUnits = received ? quantity : 0;
    const disposed = received && age > 5 ? receivedUnits : 0;
    const action = rnd() < 0.6 ? 'restock' : rnd() < 0.5 ? 'return_to_vendor' : 'scrap';
    const value = 500 + Math.floor(rnd() * 20_000);
    return {
      rmaLineId: `rml_b${String(i).padStart(8, '0')}_${n}`,
      productId: product.id,
      category: product.category,
      supplierId: product.supplierId,
      reasonCode: pick(rnd, REASONS),
      unitValueMinor: received ? value : null,
      receivedUnits,
      firstReceivedAt: received ? new Date(created + 4 * DAY).toISOString() : null,
      dispositions: disposed
        ? [
            {
              quantity: disposed,
              decidedAt: new Date(created + (5 + Math.floor(rnd() * 6)) * DAY).toISOString(),
              action,
            },
          ]
        : [],
      repairedValueMinor: 0,
      repairCostMinor: 0,
      liquidationProceedsMinor: 0,
      writeOffMinor: disposed && action === 'scrap' ? disposed * value : 0,
      claims:
        disposed && action === 'return_to_vendor'
          ? [
              {
                claimId: `sc_b${i}_${n}`,
                quantity: disposed,
                claimedMinor: disposed * value,
                acceptedMinor: age > 40 ? Math.floor(disposed * value * 0.9) : null,
                submittedAt: new Date(created + 12 * DAY).toISOString(),
                paidAt: age > 60 ? new Date(created + (30 + Math.floor(rnd() * 30)) * DAY).toISOString() : null,
              },
            ]
          : [],
      lateInspections: received && rnd() < 0.08 ? 1 : 0,
    };
  });
  const settled = received && age > 20 && rnd() < 0.9;
  return {
    rmaId: `rma_b${String(i).padStart(8, '0')}`,
    rmaNumber: `RMA-B${String(i).padStart(8, '0')}`,
    createdAt,
    legalEntityId: entity.id,
    currency: entity.currency,
    customerId: customer.id,
    channel: weighted(rnd, CHANNELS),
    returnType: rnd() < 0.85 ? 'standard' : 'warranty',
    status: settled ? 'closed' : 'authorized',
    closedAt: settled ? new Date(created + (14 + Math.floor(rnd() * 20)) * DAY).toISOString() : null,
    isUnauthorized: false,
    isRepeat: previous !== undefined && created - previous < 90 * DAY,
    routedSiteId: pick(rnd, world.sites[customer.entity]!),
    firstReceiptSiteId: null,
    openExceptions: received && rnd() < 0.01 ? 1 : 0,
    freightCostMinor: received ? 800 + Math.floor(rnd() * 1500) : 0,
    settlementDocumentsAt: [],
    lines,
  };
}

async function insertChunked<T>(rows: readonly T[], size: number, insert: (chunk: T[]) => Promise<unknown>) {
  for (let start = 0; start < rows.length; start += size) await insert(rows.slice(start, start + size));
}

/** Seeds the world; returns in batches of 20,000 (their facts and RMAs), then the rollups. */
export async function seedKpiWorld(
  platform: Platform,
  shape: SeedShape,
  log: (line: string) => void,
): Promise<SeededWorld> {
  const started = Date.now();
  const world = await masterData(platform, shape);
  log(
    `  master data: ${shape.customers} customers, ${shape.products} products in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  const rnd = random(20261203);
  const rollups = new Map<string, Contribution>();
  const lastByCustomer = new Map<string, number>();
  // Created in time order, so "had a return in the 90 days before" reads the customer's previous one.
  const batch = 20_000;
  // Creation times first, in order (later months busier: the business grows), then each return.
  const times = new Float64Array(shape.returns);
  for (let i = 0; i < shape.returns; i++) times[i] = END - Math.floor(SPAN_DAYS * DAY * Math.sqrt(rnd()));
  times.sort();
  for (let start = 0; start < shape.returns; start += batch) {
    const part: ReturnRecords[] = [];
    for (let i = start; i < Math.min(shape.returns, start + batch); i++)
      part.push(recordsOf(rnd, i, world, times[i]!, lastByCustomer));
    const facts = part.map(deriveReturnFacts);
    await platform.db.transaction().execute(async (trx) => {
      await insertChunked(part, 1000, (chunk) =>
        trx
          .insertInto('rmas')
          .values(
            chunk.map((r) => ({
              id: r.rmaId,
              rma_number: r.rmaNumber,
              customer_id: r.customerId,
              legal_entity_id: r.legalEntityId,
              return_type: r.returnType as 'standard',
              status: r.status as 'authorized',
              is_unauthorized: 0 as const,
              channel: r.channel as 'staff',
              note: '',
              customer_reference: '',
              currency: r.currency,
              total_value_minor: 0,
              requested_by: 'bench',
              requested_by_id: 'bench',
              authorized_at: r.createdAt,
              expires_on: null,
              decided_by: null,
              decided_at: r.createdAt,
              decision_comment: null,
              return_policy_version: null,
              approval_rules_version: null,
              routing_reasons: '[]',
              verdict: null,
              version: 1,
              created_at: r.createdAt,
              updated_at: r.closedAt ?? r.createdAt,
            })),
          )
          .execute(),
      );
      await insertChunked(facts, 1000, (chunk) =>
        trx.insertInto('kpi_return_facts').values(chunk.map(returnRow)).execute(),
      );
      const lines = facts.flatMap(lineRows);
      await insertChunked(lines, 1000, (chunk) => trx.insertInto('kpi_line_facts').values(chunk).execute());
    });
    for (const f of facts) addContributions(rollups, contributionsOf(f));
    if ((start / batch) % 10 === 0) log(`  ${start + part.length} returns written`);
  }
  const rows = [...rollups.values()].map(rollupRow);
  await platform.db
    .transaction()
    .execute((trx) => insertChunked(rows, 1000, (chunk) => trx.insertInto('kpi_rollups').values(chunk).execute()));
  // A bulk load leaves PostgreSQL's planner without statistics until autovacuum analyzes the
  // tables; a database that grew to this size over years has them. Analyze as autovacuum would.
  if (platform.dialect === 'postgres') await sql`analyze`.execute(platform.db);
  log(`  ${shape.returns} returns, ${rows.length} rollup rows in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return {
    entities: world.entities,
    customerIds: world.customers.map((c) => c.id),
    productIds: world.products.map((p) => p.id),
    seconds: (Date.now() - started) / 1000,
  };
}
