// Inventory's part of a serial's or lot's trace: every movement of its returned units (into stock,
// between locations and statuses, out of stock) and where they lie now — read through the same
// query as "where is this unit?" (findUnitWhereabouts).
import type { Kysely, Transaction } from 'kysely';
import type { StockMovement, UnitWhereabouts } from '../contracts/inventory.js';
import type { TraceEvent, TraceKey } from '../contracts/trace.js';
import type { RequestContext } from '../platform/actor.js';
import type { DB } from '../platform/db/database.js';
import { findSite } from '../masterdata/index.js';
import { findUnitWhereabouts } from './stock.queries.js';

type Reader = Kysely<DB> | Transaction<DB>;

const words = (status: string) => status.replaceAll('_', ' ');

function titleOf(movement: StockMovement): string {
  const { from, to } = movement;
  if (!from && to) return `Into stock at ${to.locationCode} as ${words(to.status)}`;
  if (from && !to) return `Out of stock from ${from.locationCode}`;
  if (from && to) {
    const status = from.status === to.status ? words(to.status) : `${words(from.status)} → ${words(to.status)}`;
    return from.locationCode === to.locationCode
      ? `Now ${status} at ${to.locationCode}`
      : `Moved ${from.locationCode} → ${to.locationCode} (${status})`;
  }
  return 'Moved';
}

export interface StockTrace {
  events: TraceEvent[];
  whereNow: UnitWhereabouts['units'];
  unitsLeftStock: number;
}

export async function findStockTrace(db: Reader, ctx: RequestContext, key: TraceKey): Promise<StockTrace> {
  const productId = key.productId ?? undefined;
  const found = await findUnitWhereabouts(
    db,
    ctx,
    key.kind === 'serial' ? { serial: key.value, productId } : { lot: key.value, productId },
  );
  const sites = await siteCodesOf(db, found.movements);
  const events = found.movements.map((movement): TraceEvent => ({
    at: movement.movedAt,
    stage: 'moved',
    title: titleOf(movement),
    detail: [
      `${movement.quantity} ${movement.quantity === 1 ? 'unit' : 'units'}`,
      `at ${sites.get(movement.siteId) ?? movement.siteId}`,
      movement.reason,
      `by ${movement.movedBy}`,
    ].join(' · '),
    reference: movement.id,
    href: movement.rmaId ? `/returns/${movement.rmaId}` : null,
    productId: movement.productId,
    rmaId: movement.rmaId,
    rmaNumber: null,
    units: movement.quantity,
  }));
  return { events, whereNow: found.units, unitsLeftStock: found.unitsLeft };
}

async function siteCodesOf(db: Reader, movements: readonly StockMovement[]): Promise<Map<string, string>> {
  const ids = [...new Set(movements.map((m) => m.siteId))];
  const sites = await Promise.all(ids.map((id) => findSite(db, id)));
  return new Map(sites.flatMap((site) => (site ? [[site.id, site.code] as const] : [])));
}
