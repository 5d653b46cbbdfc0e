// Reading returned stock: balances (on hand only), what planners may promise (saleable only), the
// movements, and where the units of a return or a serial are now with how they got there.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Page } from '../contracts/common.js';
import type {
  AvailableToPromise,
  AvailableToPromiseFilter,
  ListMovementsFilter,
  ListStockFilter,
  StockBalance,
  StockMovement,
  UnitsFilter,
  UnitWhereabouts,
} from '../contracts/inventory.js';
import type { RequestContext } from '../platform/actor.js';
import { assertCan } from '../platform/access.js';
import type { DB } from '../platform/db/database.js';
import { offsetOf, readPage, toPage } from '../platform/pagination.js';
import { productNameOf, productSkuOf, siteCodeOf } from '../masterdata/index.js';
import type { OnHandStatus } from './domain/stock-status.js';

type Reader = Kysely<DB> | Transaction<DB>;

const orNull = (text: string) => (text === '' ? null : text);

function balances(db: Reader) {
  return db
    .selectFrom('stock_balances as b')
    .innerJoin('stock_locations as l', 'l.id', 'b.location_id')
    .select([
      'b.product_id',
      'b.site_id',
      'b.location_id',
      'b.status',
      'b.lot',
      'b.serial',
      'b.rma_id',
      'b.rma_line_id',
      'b.quantity',
      'b.version',
      'b.updated_at',
      'l.code as location_code',
      productSkuOf('b.product_id').as('product_sku'),
      siteCodeOf('b.site_id').as('site_code'),
    ])
    .where('b.quantity', '>', 0);
}

/**
 * Stock on hand by product, site, location, status, lot and serial. Balances are kept per return
 * line too; this list adds those together (a bin holds what it holds, whichever return it came on).
 */
export async function listStock(db: Reader, ctx: RequestContext, filter: ListStockFilter): Promise<Page<StockBalance>> {
  assertCan(ctx.actor, 'inventory.read');
  let query = db
    .selectFrom('stock_balances as b')
    .innerJoin('stock_locations as l', 'l.id', 'b.location_id')
    .where('b.quantity', '>', 0);
  if (filter.productId) query = query.where('b.product_id', '=', filter.productId);
  if (filter.siteId) query = query.where('b.site_id', '=', filter.siteId);
  if (filter.locationId) query = query.where('b.location_id', '=', filter.locationId);
  if (filter.status) query = query.where('b.status', '=', filter.status as OnHandStatus);
  if (filter.lot) query = query.where('b.lot', '=', filter.lot);
  if (filter.serial) query = query.where('b.serial', '=', filter.serial);
  const grouped = query
    .select([
      'b.product_id',
      'b.site_id',
      'b.location_id',
      'l.code as location_code',
      'b.status',
      'b.lot',
      'b.serial',
      (eb) => eb.fn.sum<number>('b.quantity').as('quantity'),
      (eb) => eb.fn.sum<number>('b.version').as('version'),
      (eb) => eb.fn.max('b.updated_at').as('updated_at'),
    ])
    .groupBy(['b.product_id', 'b.site_id', 'b.location_id', 'l.code', 'b.status', 'b.lot', 'b.serial']);
  const [rows, count] = await Promise.all([
    db
      .selectFrom(grouped.as('g'))
      .selectAll('g')
      .select([productSkuOf('g.product_id').as('product_sku'), productNameOf('g.product_id').as('product_name')])
      .select(siteCodeOf('g.site_id').as('site_code'))
      .orderBy('g.product_id')
      .orderBy('g.site_id')
      .orderBy('g.location_code')
      .orderBy('g.status')
      .orderBy('g.lot')
      .orderBy('g.serial')
      .limit(filter.pageSize)
      .offset(offsetOf(filter.page, filter.pageSize))
      .execute(),
    db
      .selectFrom(grouped.as('g'))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return toPage(
    rows.map((row) => ({
      productId: row.product_id,
      productSku: row.product_sku ?? null,
      productName: row.product_name ?? null,
      siteId: row.site_id,
      siteCode: row.site_code ?? null,
      locationId: row.location_id,
      locationCode: row.location_code,
      status: row.status,
      lot: orNull(row.lot),
      serial: orNull(row.serial),
      quantity: Number(row.quantity),
      // The sum of the per-return-line rows' versions: changes whenever any of them changes.
      version: Number(row.version),
      updatedAt: String(row.updated_at),
    })),
    filter.page,
    filter.pageSize,
    Number(count.n),
  );
}

/** Available to promise: saleable units only, per site (and in total). */
export async function findAvailableToPromise(
  db: Reader,
  ctx: RequestContext,
  filter: AvailableToPromiseFilter,
): Promise<AvailableToPromise> {
  assertCan(ctx.actor, 'inventory.read');
  let query = db
    .selectFrom('stock_balances as b')
    .select(['b.site_id', siteCodeOf('b.site_id').as('site_code'), sql<number>`sum(b.quantity)`.as('available')])
    .where('b.product_id', '=', filter.productId)
    .where('b.status', '=', 'saleable')
    .where('b.quantity', '>', 0)
    .groupBy('b.site_id')
    .orderBy('b.site_id');
  if (filter.siteId) query = query.where('b.site_id', '=', filter.siteId);
  const rows = await query.execute();
  const bySite = rows.map((row) => ({
    siteId: row.site_id,
    siteCode: row.site_code ?? null,
    available: Number(row.available),
  }));
  return {
    productId: filter.productId,
    siteId: filter.siteId ?? null,
    available: bySite.reduce((sum, site) => sum + site.available, 0),
    bySite,
  };
}

function movements(db: Reader) {
  return db
    .selectFrom('stock_movements as m')
    .leftJoin('stock_locations as fl', 'fl.id', 'm.from_location_id')
    .leftJoin('stock_locations as tl', 'tl.id', 'm.to_location_id')
    .selectAll('m')
    .select(['fl.code as from_code', 'tl.code as to_code', productSkuOf('m.product_id').as('product_sku')]);
}

type MovementRow = Awaited<ReturnType<ReturnType<typeof movements>['executeTakeFirstOrThrow']>>;

function toMovement(row: MovementRow): StockMovement {
  return {
    id: row.id,
    kind: !row.from_status ? 'receipt' : !row.to_status ? 'issue' : 'move',
    productId: row.product_id,
    productSku: row.product_sku ?? null,
    siteId: row.site_id,
    from:
      row.from_status && row.from_location_id
        ? { locationId: row.from_location_id, locationCode: row.from_code ?? '', status: row.from_status }
        : null,
    to:
      row.to_status && row.to_location_id
        ? { locationId: row.to_location_id, locationCode: row.to_code ?? '', status: row.to_status }
        : null,
    quantity: row.quantity,
    lot: orNull(row.lot),
    serial: orNull(row.serial),
    reason: row.reason,
    rmaId: row.rma_id,
    rmaLineId: row.rma_line_id,
    sourceType: row.source_type,
    sourceId: row.source_id,
    movedAt: row.moved_at,
    movedBy: row.moved_by,
  };
}

/** The movements, newest first. */
export async function listMovements(
  db: Reader,
  ctx: RequestContext,
  filter: ListMovementsFilter,
): Promise<Page<StockMovement>> {
  assertCan(ctx.actor, 'inventory.read');
  let query = movements(db);
  if (filter.productId) query = query.where('m.product_id', '=', filter.productId);
  if (filter.siteId) query = query.where('m.site_id', '=', filter.siteId);
  if (filter.locationId) {
    const id = filter.locationId;
    query = query.where((eb) => eb.or([eb('m.from_location_id', '=', id), eb('m.to_location_id', '=', id)]));
  }
  if (filter.status) {
    const status = filter.status as OnHandStatus;
    query = query.where((eb) => eb.or([eb('m.from_status', '=', status), eb('m.to_status', '=', status)]));
  }
  if (filter.lot) query = query.where('m.lot', '=', filter.lot);
  if (filter.serial) query = query.where('m.serial', '=', filter.serial);
  if (filter.rmaId) query = query.where('m.rma_id', '=', filter.rmaId);
  if (filter.rmaLineId) query = query.where('m.rma_line_id', '=', filter.rmaLineId);
  const { rows, total } = await readPage(query, query.orderBy('m.moved_at', 'desc').orderBy('m.id', 'desc'), filter);
  return toPage(rows.map(toMovement), filter.page, filter.pageSize, total);
}

/** A trace's (workflows/trace.ts): a lot, or a serial, of one product where codes repeat across products. */
type TraceFilter = { productId?: string; rmaId?: undefined; rmaLineId?: undefined } & (
  { lot: string; serial?: undefined } | { serial: string }
);

/**
 * Where returned units are: by serial, or every unit of a return or return line. Exact, because
 * balances are kept per return line and every unit enters stock through a receipt that names its
 * line. Units not received yet (expected, in transit) are the return's progress, not stock.
 */
export async function findUnitWhereabouts(
  db: Reader,
  ctx: RequestContext,
  filter: UnitsFilter | TraceFilter,
): Promise<UnitWhereabouts> {
  assertCan(ctx.actor, 'inventory.read');
  let here = balances(db);
  let history = movements(db);
  if (filter.serial) {
    here = here.where('b.serial', '=', filter.serial);
    history = history.where('m.serial', '=', filter.serial);
  } else if (filter.rmaLineId) {
    here = here.where('b.rma_line_id', '=', filter.rmaLineId);
    history = history.where('m.rma_line_id', '=', filter.rmaLineId);
  } else if (filter.rmaId) {
    here = here.where('b.rma_id', '=', filter.rmaId);
    history = history.where('m.rma_id', '=', filter.rmaId);
  } else if ('lot' in filter) {
    here = here.where('b.lot', '=', filter.lot);
    history = history.where('m.lot', '=', filter.lot);
  }
  if ('productId' in filter && filter.productId) {
    here = here.where('b.product_id', '=', filter.productId);
    history = history.where('m.product_id', '=', filter.productId);
  }
  const [units, moves] = await Promise.all([
    here.orderBy('b.rma_line_id').orderBy('b.updated_at').orderBy('b.location_id').orderBy('b.status').execute(),
    history.orderBy('m.moved_at').orderBy('m.id').execute(),
  ]);
  const history_ = moves.map(toMovement);
  return {
    units: units.map((row) => ({
      productId: row.product_id,
      productSku: row.product_sku ?? null,
      rmaId: row.rma_id,
      rmaLineId: orNull(row.rma_line_id),
      siteId: row.site_id,
      siteCode: row.site_code ?? null,
      locationId: row.location_id,
      locationCode: row.location_code,
      status: row.status,
      lot: orNull(row.lot),
      serial: orNull(row.serial),
      quantity: row.quantity,
    })),
    unitsLeft: history_.filter((m) => m.kind === 'issue').reduce((sum, m) => sum + m.quantity, 0),
    movements: history_,
  };
}

/** These movements, in the order they were written. */
export async function findMovementsById(db: Reader, ids: readonly string[]): Promise<StockMovement[]> {
  if (ids.length === 0) return [];
  const rows = await movements(db).where('m.id', 'in', ids).orderBy('m.id').execute();
  return rows.map(toMovement);
}

/** Returned units on hand per site, return line and status (the ledger's reconciliation counts them). */
export async function findReturnStockOnHand(db: Reader, siteIds: readonly string[]) {
  if (siteIds.length === 0) return [];
  const rows = await db
    .selectFrom('stock_balances')
    .select((eb) => ['site_id', 'rma_line_id', 'status', eb.fn.sum<number>('quantity').as('quantity')])
    .where('site_id', 'in', siteIds)
    .where('rma_line_id', '!=', '')
    .where('quantity', '>', 0)
    .groupBy(['site_id', 'rma_line_id', 'status'])
    .execute();
  return rows.map((row) => ({ ...row, quantity: Number(row.quantity) }));
}

/**
 * Returned units on hand as they stood before an instant (`before`, an ISO timestamp), rebuilt
 * from the movements: each adds its units to the status it moved to and takes them from the one
 * it left. The same shape as findReturnStockOnHand, for a reconciliation as at a period's end.
 */
export async function findReturnStockOnHandBefore(db: Reader, siteIds: readonly string[], before: string) {
  if (siteIds.length === 0) return [];
  const sided = (side: 'to_status' | 'from_status') =>
    db
      .selectFrom('stock_movements')
      .select((eb) => ['site_id', 'rma_line_id', `${side} as status`, eb.fn.sum<number>('quantity').as('quantity')])
      .where('site_id', 'in', siteIds)
      .where('rma_line_id', 'is not', null)
      .where(side, 'is not', null)
      .where('moved_at', '<', before)
      .groupBy(['site_id', 'rma_line_id', side])
      .execute();
  const [into, outOf] = await Promise.all([sided('to_status'), sided('from_status')]);
  const onHand = new Map<string, { site_id: string; rma_line_id: string; status: string; quantity: number }>();
  const add = (
    row: { site_id: string; rma_line_id: string | null; status: string | null; quantity: number },
    sign: number,
  ) => {
    const key = `${row.site_id}|${row.rma_line_id}|${row.status}`;
    const sum = onHand.get(key) ?? {
      site_id: row.site_id,
      rma_line_id: row.rma_line_id!,
      status: row.status!,
      quantity: 0,
    };
    sum.quantity += sign * Number(row.quantity);
    onHand.set(key, sum);
  };
  for (const row of into) add(row, 1);
  for (const row of outOf) add(row, -1);
  return [...onHand.values()].filter((row) => row.quantity > 0);
}
