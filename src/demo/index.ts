// Demo data for a fresh installation: a believable distributor (three entities, six sites, 40
// suppliers, 3,000 products, 400 customers, a year of orders, and returns in every state the
// system can reach today) and one user per role. Deterministic (seeded), and loaded in seconds:
// master data and orders go in through their contexts' bulk-load steps; every return goes through
// the real use cases and workflows, so every report over the demo is true. About half the returns
// authorized a few days ago or more have been received, inspected and dispositioned through those
// stages' own use cases (demo-later-stages.ts); credits appear as settlement lands.
// Turned off with BOOMERANG_DEMO_DATA=false.
import type { RmaStatus } from '../contracts/returns-vocabulary.js';
import { systemContext, type RequestContext } from '../platform/actor.js';
import { toIsoDate } from '../platform/clock.js';
import { claimOnce } from '../platform/db/claims.js';
import { runInTransaction, type Platform } from '../platform/unit-of-work.js';
import { addDays } from '../platform/calendar.js';
import { hasUsers } from '../identity/index.js';
import { hasMasterData, loadMasterRows } from '../masterdata/index.js';
import { loadSalesOrderRows } from '../sales/index.js';
import { countReturnsByStatus } from '../returns/index.js';
import { createRandom } from './random.js';
import { generateMasterData, type MasterDataRows } from './generate-master-data.js';
import { generateOrders, type GeneratedOrders } from './generate-orders.js';
import { createDemoUsers } from './demo-users.js';
import { createDemoDocks } from './demo-docks.js';
import { publishDemoRouting } from './demo-routing.js';
import { generateReturns } from './generate-returns.js';
import { createDemoStaff } from './demo-staff.js';
import { runLaterStages, type LaterStagesSummary } from './demo-later-stages.js';
import { loadDemoRates } from './demo-rates.js';
import { settleDemoCredits, type DemoCredits } from './demo-credits.js';
import { createDemoSupplierUser } from './demo-claims.js';
import { createDemoTradingPartner } from './demo-edi.js';
import { markHistoryNotified } from '../notifications/index.js';

const SEED = 20_260_101;
const ORDERS_PER_TRANSACTION = 2000;

export interface DemoDataSummary {
  legalEntities: number;
  sites: number;
  suppliers: number;
  products: number;
  customers: number;
  salesOrders: number;
  salesOrderLines: number;
  users: number;
  returnsByStatus: Partial<Record<RmaStatus, number>>;
  /** Received, inspected and dispositioned: what the later stages did with the authorized returns. */
  laterStages: LaterStagesSummary;
  /** Credit memos the dispositions drafted: issued, approved, still drafts. */
  credits: DemoCredits;
  milliseconds: number;
  /** Where the time went: master data, orders, users, returns, the later stages. */
  phaseMilliseconds: Record<'masterData' | 'orders' | 'users' | 'returns' | 'laterStages', number>;
}

/**
 * Loads the demo into an empty database — no users and no master data — and returns null
 * otherwise. Data imported before the first start (npm run import) is never mixed with the demo.
 */
export async function loadDemoDataIfEmpty(
  platform: Platform,
  options: { log?: (line: string) => void } = {},
): Promise<DemoDataSummary | null> {
  const log = options.log ?? ((line: string) => console.log(line));
  if (await hasUsers(platform)) return null;
  if (await hasMasterData(platform.db)) {
    log('Demo data: skipped, the database already holds master data');
    return null;
  }
  return loadDemoData(platform, log);
}

async function loadDemoData(platform: Platform, log: (line: string) => void): Promise<DemoDataSummary | null> {
  const started = performance.now();
  const lap = stopwatch();
  const today = toIsoDate(platform.clock.now());
  const ctx = systemContext('demo-data');
  const master = generateMasterData(createRandom(SEED), platform.ids, `${addDays(today, -400)}T08:00:00.000Z`);
  if (!(await insertMasterData(platform, ctx, master.rows))) {
    log('Demo data: another process is loading it already; skipped');
    return null;
  }
  // Before any return is received: a receipt values its units in the site's currency.
  await loadDemoRates(platform, ctx, addDays(today, -400));
  const masterData = lap();
  const orders = generateOrders(createRandom(SEED + 1), platform.ids, master.world, today);
  await insertOrders(platform, ctx, orders);
  const ordersTime = lap();
  const actors = await createDemoUsers(platform, master.world);
  await createDemoDocks(platform, master.world, today);
  await publishDemoRouting(platform);
  const users = lap();
  // The later stages' clerks and second inspector are created while the returns are raised: their
  // passwords are hashed on the thread pool while the returns keep the main thread busy.
  const [, staff] = await Promise.all([
    generateReturns(platform, master.world, orders.orderLines, actors, createRandom(SEED + 2)),
    createDemoStaff(platform, master.world),
  ]);
  const returns = lap();
  const laterStages = await runLaterStages(platform, {
    orderLines: orders.orderLines,
    actors,
    staff,
    random: createRandom(SEED + 3),
  });
  const credits = await settleDemoCredits(platform, actors);
  await createDemoSupplierUser(platform, actors);
  await createDemoTradingPartner(platform, {
    customers: master.world.customers,
    orders: orders.orders,
    lines: orders.lines,
    products: master.rows.products,
  });
  // The demo's history is not news: nobody is mailed about the returns it made.
  await markHistoryNotified(platform.db);
  const later = lap();
  for (const refusal of [...laterStages.refused, ...credits.refused])
    log(`Demo data: a later-stage step was refused: ${refusal}`);

  const summary: DemoDataSummary = {
    legalEntities: master.rows.legal_entities.length,
    sites: master.rows.sites.length,
    suppliers: master.rows.suppliers.length,
    products: master.rows.products.length,
    customers: master.rows.customers.length,
    salesOrders: orders.orders.length,
    salesOrderLines: orders.lines.length,
    // One per role, the sites' clerks and the second quality inspector.
    users: Object.keys(actors).length + staff.clerks.size + 1,
    returnsByStatus: await countReturnsByStatus(platform.db),
    laterStages,
    credits,
    milliseconds: Math.round(performance.now() - started),
    phaseMilliseconds: { masterData, orders: ordersTime, users, returns, laterStages: later },
  };
  log(describe(summary));
  return summary;
}

/**
 * One transaction for all master data. A marker row claims the load first, so when several API
 * processes start on an empty PostgreSQL database only one of them loads the demo.
 */
async function insertMasterData(platform: Platform, ctx: RequestContext, rows: MasterDataRows): Promise<boolean> {
  try {
    await runInTransaction(platform, ctx, async (tx) => {
      if (!(await claimOnce(tx.db, 'demo_data'))) throw new DemoAlreadyClaimed();
      await loadMasterRows(tx, rows, 'demo');
    });
    return true;
  } catch (error) {
    if (error instanceof DemoAlreadyClaimed) return false;
    throw error;
  }
}

class DemoAlreadyClaimed extends Error {}

async function insertOrders(platform: Platform, ctx: RequestContext, generated: GeneratedOrders): Promise<void> {
  const linesByOrder = new Map<string, GeneratedOrders['lines']>();
  for (const line of generated.lines) {
    const lines = linesByOrder.get(line.order_id) ?? [];
    lines.push(line);
    linesByOrder.set(line.order_id, lines);
  }
  const batches: Array<GeneratedOrders['orders']> = [];
  for (let start = 0; start < generated.orders.length; start += ORDERS_PER_TRANSACTION)
    batches.push(generated.orders.slice(start, start + ORDERS_PER_TRANSACTION));
  // Concurrent batches use several PostgreSQL connections at once; SQLite runs them in turn.
  await Promise.all(
    batches.map(async (orders) => {
      const lines = orders.flatMap((o) => linesByOrder.get(o.id) ?? []);
      await runInTransaction(platform, ctx, (tx) => loadSalesOrderRows(tx, orders, lines, 'demo'));
    }),
  );
}

function stopwatch(): () => number {
  let last = performance.now();
  return () => {
    const now = performance.now();
    const elapsed = Math.round(now - last);
    last = now;
    return elapsed;
  };
}

function describe(s: DemoDataSummary): string {
  const returns = Object.values(s.returnsByStatus).reduce((a, b) => a + (b ?? 0), 0);
  const byStatus = Object.entries(s.returnsByStatus)
    .filter(([, n]) => n)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([status, n]) => `${status} ${n}`)
    .join(', ');
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const phases = s.phaseMilliseconds;
  const later = s.laterStages;
  const dispositions = Object.entries(later.dispositionsByCode)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, n]) => `${code} ${n}`)
    .join(', ');
  return (
    `Demo data loaded in ${seconds(s.milliseconds)} (master data ${seconds(phases.masterData)}, orders ${seconds(phases.orders)}, users ${seconds(phases.users)}, returns ${seconds(phases.returns)}, later stages ${seconds(phases.laterStages)}): ${s.legalEntities} legal entities, ${s.sites} sites, ${s.suppliers} suppliers, ` +
    `${s.products} products, ${s.customers} customers, ${s.salesOrders} orders (${s.salesOrderLines} lines), ${s.users} users, ${returns} returns (${byStatus}); ` +
    `${later.shipments} shipments, ${later.returnsReceived} received (${later.unitsReceived} units in ${later.receipts} receipts), ${later.inspections.completed} inspections completed, ` +
    `${Object.values(later.dispositionsByCode).reduce((a, b) => a + b, 0)} dispositioned (${dispositions}); ` +
    `credit memos: ${s.credits.issued} issued (${s.credits.applied} since applied), ${s.credits.approved} approved, ${s.credits.drafts} drafts; ` +
    `${later.claims.vendorReturnsShipped} vendor returns shipped, ${later.claims.claimsSubmitted} supplier claims (${later.claims.claimsPaid} paid); ` +
    `sign in as <role>@demo.local / demo`
  );
}
