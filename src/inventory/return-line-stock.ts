// Steps for the later stages, which work on the units of one return line wherever they lie at a
// site: a disposition takes the line's units awaiting inspection from receiving or a put-away bin
// alike; a work order's outcome takes them from the repair bench. Each writes ordinary movements
// (stock-movements.ts): the same guards, audit and events as a move by hand.
import type { LocationKind, StockStatus } from '../contracts/inventory.js';
import type { Permission } from '../contracts/permissions.js';
import { assertCan } from '../platform/access.js';
import { lockForTransaction } from '../platform/db/transaction-lock.js';
import { AppError } from '../platform/errors.js';
import type { Tx } from '../platform/unit-of-work.js';
import { checkMovement, type MovementDraft } from './domain/stock-ledger.js';
import type { OnHandStatus } from './domain/stock-status.js';
import type { StockLocationsTable, StockMovementsTable } from './inventory.tables.js';
import { addStockLocationRow } from './stock-locations.js';
import { refusal, writeMovement } from './stock-movements.js';

/** The location a site creates on first use for each kind, when it has none of that kind yet. */
const DEFAULT_LOCATIONS: Record<LocationKind, { code: string; name: string }> = {
  dock: { code: 'DOCK', name: 'Dock' },
  receiving: { code: 'RETURNS-IN', name: 'Returns receiving' },
  inspection: { code: 'INSPECT', name: 'Inspection bench' },
  quarantine: { code: 'QUARANTINE', name: 'Quarantine cage' },
  putaway: { code: 'RESTOCK', name: 'Restock put-away' },
  repair: { code: 'REPAIR', name: 'Repair bench' },
  refurbishment: { code: 'REFURB', name: 'Refurbishment bench' },
  vendor_return: { code: 'RTV', name: 'Vendor returns staging' },
  replacement: { code: 'REPLACE', name: 'Replacement staging' },
  secondary_channel: { code: 'B-STOCK', name: 'Secondary channel (B-stock)' },
  scrap: { code: 'SCRAP', name: 'Scrap and disposal' },
  shipping: { code: 'SHIP-BACK', name: 'Returns to customers' },
};

/** The site's active location of a kind (first by code), created on first use. */
export async function locationOfKind(tx: Tx, siteId: string, kind: LocationKind): Promise<StockLocationsTable> {
  const find = () =>
    tx.db
      .selectFrom('stock_locations')
      .selectAll()
      .where('site_id', '=', siteId)
      .where('kind', '=', kind)
      .where('is_active', '=', 1)
      .orderBy('code')
      .executeTakeFirst();
  const existing = await find();
  if (existing) return existing;
  await lockForTransaction(tx, `stock-locations:${siteId}`);
  const again = await find();
  if (again) return again;
  // A location with the default code but another kind (or inactive) would collide: number it.
  const base = DEFAULT_LOCATIONS[kind];
  const taken = await tx.db
    .selectFrom('stock_locations')
    .select('code')
    .where('site_id', '=', siteId)
    .where('code', 'like', `${base.code}%`)
    .execute();
  const codes = new Set(taken.map((t) => t.code));
  let code = base.code;
  for (let n = 2; codes.has(code); n++) code = `${base.code}-${n}`;
  return addStockLocationRow(tx, siteId, { code, name: base.name, kind, isActive: true });
}

/** A location of the site by its code (rules may name one), active; null when there is none. */
export async function findLocationByCode(tx: Tx, siteId: string, code: string): Promise<StockLocationsTable | null> {
  const row = await tx.db
    .selectFrom('stock_locations')
    .selectAll()
    .where('site_id', '=', siteId)
    .where('code', '=', code.toUpperCase())
    .where('is_active', '=', 1)
    .executeTakeFirst();
  return row ?? null;
}

export interface MoveReturnLineUnitsInput {
  siteId: string;
  productId: string;
  rmaId: string;
  rmaLineId: string;
  lot: string;
  serial: string;
  quantity: number;
  fromStatus: StockStatus;
  /** Null: the units leave stock (shipped to the vendor or the customer, sold, disposed of). */
  to: { locationId: string; status: StockStatus } | null;
  reason: string;
  source: { type: string; id: string };
  /**
   * Where to take the units from first when the line's units in `fromStatus` lie in several
   * places: a line split between a quarantine hold and a shipment back to the customer has
   * quarantined units at both the quarantine and the shipping location.
   */
  preferFromKind?: LocationKind;
}

/**
 * The step: `quantity` units of one return line (with this lot and serial) in `fromStatus`, taken
 * from whichever locations of the site hold them (the preferred kind first, then location order), moved to one place or out of
 * stock. All or nothing: fewer units there than asked refuses the whole transaction.
 */
export async function moveReturnLineUnits(
  tx: Tx,
  input: MoveReturnLineUnitsInput,
  authorizedBy: Permission,
): Promise<StockMovementsTable[]> {
  assertCan(tx.ctx.actor, authorizedBy);
  await lockForTransaction(tx, `stock:${input.siteId}`);
  const held = await tx.db
    .selectFrom('stock_balances')
    .innerJoin('stock_locations', 'stock_locations.id', 'stock_balances.location_id')
    .select(['stock_balances.location_id', 'stock_balances.quantity', 'stock_locations.kind'])
    .where('stock_balances.site_id', '=', input.siteId)
    .where('stock_balances.product_id', '=', input.productId)
    .where('stock_balances.rma_line_id', '=', input.rmaLineId)
    .where('stock_balances.status', '=', input.fromStatus as OnHandStatus)
    .where('stock_balances.lot', '=', input.lot)
    .where('stock_balances.serial', '=', input.serial)
    .where('stock_balances.quantity', '>', 0)
    .orderBy('stock_balances.location_id')
    .execute();
  const preferred = (row: { kind: string }) => (row.kind === input.preferFromKind ? 0 : 1);
  const here = [...held].sort((a, b) => preferred(a) - preferred(b));
  const onHand = here.reduce((sum, row) => sum + row.quantity, 0);
  if (onHand < input.quantity)
    throw new AppError(
      'rule_violation',
      `only ${onHand} of the ${input.quantity} units of this return line are ${input.fromStatus.replace(/_/g, ' ')} at the site`,
      { errors: [{ path: 'quantity', message: 'not enough units there' }] },
    );
  const movements: StockMovementsTable[] = [];
  let left = input.quantity;
  for (const row of here) {
    if (left === 0) break;
    const quantity = Math.min(left, row.quantity);
    left -= quantity;
    const draft: MovementDraft = {
      productId: input.productId,
      from: { siteId: input.siteId, locationId: row.location_id, status: input.fromStatus },
      to: input.to ? { siteId: input.siteId, ...input.to } : null,
      quantity,
      lot: input.lot,
      serial: input.serial,
      rmaLineId: input.rmaLineId,
    };
    // A unit already where it is going (a restock into the bin it was put away in) does not move.
    if (draft.to && draft.to.locationId === row.location_id && draft.to.status === input.fromStatus) continue;
    const checked = checkMovement(draft);
    if (!checked.ok) throw refusal(checked);
    movements.push(await writeMovement(tx, draft, { rmaId: input.rmaId, reason: input.reason, source: input.source }));
  }
  return movements;
}
