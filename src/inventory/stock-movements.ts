// The steps that move returned stock, run inside the caller's transaction: receiving puts units
// into stock (awaiting inspection), the warehouse and quality move them between locations and
// statuses or out of stock. Each writes immutable movements and changes the balances in the same
// transaction, with its audit record and a `stock.moved` event.
//
// Never negative, even under concurrency: units are taken away with a guarded UPDATE
// (`quantity = quantity - n … where quantity >= n`); one that finds fewer units changes no row and
// the whole request is refused. The CHECK (quantity >= 0) on the table is the backstop. Every
// stock write at a site also takes that site's lock for the rest of the transaction (PostgreSQL;
// SQLite has one writer anyway). _Why:_ a move changes two balance rows, and a receipt with several
// lines several; two transactions taking the same rows in opposite orders would deadlock. One lock
// per site, taken first, orders them. Stock writes at a site are short and serialise there; other
// sites are not held up. (Per-product locks would be finer, but a transaction's later steps cannot
// take them in one fixed order.)
import type { StockStatus } from '../contracts/inventory.js';
import type { Permission } from '../contracts/permissions.js';
import { assertCan } from '../platform/access.js';
import { isUniqueViolation } from '../platform/db/db-errors.js';
import { lockForTransaction } from '../platform/db/transaction-lock.js';
import { AppError } from '../platform/errors.js';
import type { Tx } from '../platform/unit-of-work.js';
import { findProducts, findSite } from '../masterdata/index.js';
import { balanceKey, checkMovement, planMove, type MovementDraft, type Refused } from './domain/stock-ledger.js';
import { RECEIVED_STATUS, type OnHandStatus } from './domain/stock-status.js';
import type { StockBalancesTable, StockMovementsTable } from './inventory.tables.js';
import { locationOfSite, receivingLocationOf } from './stock-locations.js';

export interface ReceiveIntoStockInput {
  siteId: string;
  productId: string;
  quantity: number;
  lot?: string | undefined;
  /** For a serialized line call once per serial (quantity 1), and once for any units without one. */
  serial?: string | undefined;
  rmaId: string;
  rmaLineId: string;
  receiptId: string;
  /** Where the goods were put down; by default the site's receiving location (created on first use). */
  locationId?: string | undefined;
}

/**
 * The step receiving calls: received units enter stock, awaiting inspection. Checked against
 * 'receiving.receive' (whoever may record a receipt puts its goods into stock by doing so).
 */
export async function receiveIntoStock(tx: Tx, input: ReceiveIntoStockInput): Promise<StockMovementsTable> {
  assertCan(tx.ctx.actor, 'receiving.receive');
  const site = await findSite(tx.db, input.siteId);
  if (!site)
    throw new AppError('validation_failed', `site ${input.siteId} does not exist`, {
      errors: [{ path: 'siteId', message: 'unknown site' }],
    });
  await assertProductExists(tx, input.productId);
  await lockForTransaction(tx, `stock:${site.id}`);
  const location = input.locationId
    ? await locationOfSite(tx, {
        siteId: site.id,
        locationId: input.locationId,
        mustBeActive: true,
        path: 'locationId',
      })
    : await receivingLocationOf(tx, site.id);
  const draft: MovementDraft = {
    productId: input.productId,
    from: null,
    to: { siteId: site.id, locationId: location.id, status: RECEIVED_STATUS },
    quantity: input.quantity,
    lot: input.lot ?? '',
    serial: input.serial ?? '',
    rmaLineId: input.rmaLineId,
  };
  const checked = checkMovement(draft);
  if (!checked.ok) throw refusal(checked);
  return writeMovement(tx, draft, {
    rmaId: input.rmaId,
    reason: 'receipt',
    source: { type: 'receipt', id: input.receiptId },
  });
}

export interface StockEnd {
  siteId: string;
  locationId: string;
  status: StockStatus;
}

export interface MoveStockInput {
  productId: string;
  from: StockEnd;
  /** Null: the units leave stock (shipped to the vendor, as a replacement, sold, disposed of). */
  to: StockEnd | null;
  quantity: number;
  lot?: string | undefined;
  serial?: string | undefined;
  reason: string;
  /** Take only units that came back on this return line; by default any, oldest return line first. */
  rmaLineId?: string | undefined;
  /** The document behind the move (an inspection, a disposition…), when there is one. */
  source?: { type: string; id: string } | undefined;
}

/**
 * The step: units move between locations and statuses of a site, or out of stock. One movement
 * per return line whose units it takes (see planMove); all of them, or none.
 */
export async function moveStock(
  tx: Tx,
  input: MoveStockInput,
  /** The permission the move is made under: a disposition or a work order's outcome moves stock too. */
  authorizedBy: Permission = 'inventory.move',
): Promise<StockMovementsTable[]> {
  assertCan(tx.ctx.actor, authorizedBy);
  const request = {
    productId: input.productId,
    from: input.from,
    to: input.to,
    quantity: input.quantity,
    lot: input.lot ?? '',
    serial: input.serial ?? '',
    rmaLineId: input.rmaLineId,
  };
  // Whether the move makes sense at all, before reading anything.
  const checked = checkMovement({ ...request, rmaLineId: input.rmaLineId ?? '' });
  if (!checked.ok) throw refusal(checked);
  await assertProductExists(tx, input.productId);
  const siteId = input.from.siteId;
  await locationOfSite(tx, { siteId, locationId: input.from.locationId, mustBeActive: false, path: 'from.locationId' });
  if (input.to)
    await locationOfSite(tx, { siteId, locationId: input.to.locationId, mustBeActive: true, path: 'to.locationId' });
  await lockForTransaction(tx, `stock:${siteId}`);
  const here = await unitsAt(tx, request);
  const planned = planMove(
    new Map(here.map((row) => [balanceKey({ ...request, ...input.from, rmaLineId: row.rma_line_id }), row.quantity])),
    request,
  );
  if (!Array.isArray(planned)) throw refusal(planned);
  const rmaOfLine = new Map(here.map((row) => [row.rma_line_id, row.rma_id]));
  const movements: StockMovementsTable[] = [];
  for (const draft of planned)
    movements.push(
      await writeMovement(tx, draft, {
        rmaId: rmaOfLine.get(draft.rmaLineId) ?? null,
        reason: input.reason,
        source: input.source ?? null,
      }),
    );
  return movements;
}

/** The balances at the place a move takes units from (of one return line, if it names one). */
async function unitsAt(
  tx: Tx,
  request: { productId: string; from: StockEnd; lot: string; serial: string; rmaLineId?: string | undefined },
) {
  let query = tx.db
    .selectFrom('stock_balances')
    .select(['rma_line_id', 'rma_id', 'quantity'])
    .where('product_id', '=', request.productId)
    .where('site_id', '=', request.from.siteId)
    .where('location_id', '=', request.from.locationId)
    .where('status', '=', request.from.status as OnHandStatus)
    .where('lot', '=', request.lot)
    .where('serial', '=', request.serial)
    .where('quantity', '>', 0);
  if (request.rmaLineId !== undefined) query = query.where('rma_line_id', '=', request.rmaLineId);
  return query.execute();
}

export interface MovementMeta {
  rmaId: string | null;
  reason: string;
  source: { type: string; id: string } | null;
}

/** One movement: units taken away (guarded), put down (upserted), the movement row, its audit and event. */
export async function writeMovement(tx: Tx, draft: MovementDraft, meta: MovementMeta): Promise<StockMovementsTable> {
  const from = draft.from ? { ...draft.from, status: draft.from.status as OnHandStatus } : null;
  const to = draft.to ? { ...draft.to, status: draft.to.status as OnHandStatus } : null;
  const siteId = (from ?? to)!.siteId;
  if (from) {
    const taken = await tx.db
      .updateTable('stock_balances')
      .set((eb) => ({
        quantity: eb('quantity', '-', draft.quantity),
        version: eb('version', '+', 1),
        updated_at: tx.now,
      }))
      .where('product_id', '=', draft.productId)
      .where('site_id', '=', from.siteId)
      .where('location_id', '=', from.locationId)
      .where('status', '=', from.status)
      .where('lot', '=', draft.lot)
      .where('serial', '=', draft.serial)
      .where('rma_line_id', '=', draft.rmaLineId)
      .where('quantity', '>=', draft.quantity)
      .executeTakeFirst();
    if (Number(taken.numUpdatedRows) !== 1)
      throw new AppError('rule_violation', `the units to move are no longer there: another move took them first`, {
        errors: [{ path: 'quantity', message: 'not enough units there' }],
      });
  }
  if (to) {
    const balance: StockBalancesTable = {
      product_id: draft.productId,
      site_id: to.siteId,
      location_id: to.locationId,
      status: to.status,
      lot: draft.lot,
      serial: draft.serial,
      rma_line_id: draft.rmaLineId,
      rma_id: meta.rmaId,
      quantity: draft.quantity,
      version: 1,
      updated_at: tx.now,
    };
    await tx.db
      .insertInto('stock_balances')
      .values(balance)
      .onConflict((oc) =>
        oc
          .columns(['product_id', 'site_id', 'location_id', 'status', 'lot', 'serial', 'rma_line_id'])
          .doUpdateSet((eb) => ({
            quantity: eb('stock_balances.quantity', '+', eb.ref('excluded.quantity')),
            version: eb('stock_balances.version', '+', 1),
            updated_at: eb.ref('excluded.updated_at'),
          })),
      )
      .execute()
      .catch((error: unknown) => {
        // The partial unique index: a serial is on hand in one place at most.
        throw isUniqueViolation(error)
          ? new AppError('conflict', `serial ${draft.serial} is already in stock`, {
              errors: [{ path: 'serial', message: 'already in stock' }],
            })
          : error;
      });
  }
  const movement: StockMovementsTable = {
    id: tx.ids.next('mov'),
    product_id: draft.productId,
    site_id: siteId,
    from_location_id: from?.locationId ?? null,
    from_status: from?.status ?? null,
    to_location_id: to?.locationId ?? null,
    to_status: to?.status ?? null,
    quantity: draft.quantity,
    lot: draft.lot,
    serial: draft.serial,
    reason: meta.reason,
    rma_id: meta.rmaId,
    rma_line_id: draft.rmaLineId === '' ? null : draft.rmaLineId,
    source_type: meta.source?.type ?? null,
    source_id: meta.source?.id ?? null,
    moved_at: tx.now,
    moved_by: tx.ctx.actor.name,
    moved_by_id: tx.ctx.actor.personId,
  };
  await tx.db.insertInto('stock_movements').values(movement).execute();
  const kind = !from ? 'receipt' : !to ? 'issue' : 'move';
  const summary = {
    kind,
    productId: movement.product_id,
    siteId,
    from: from ? { locationId: from.locationId, status: from.status } : null,
    to: to ? { locationId: to.locationId, status: to.status } : null,
    quantity: movement.quantity,
    lot: movement.lot || null,
    serial: movement.serial || null,
    reason: movement.reason,
    rmaId: movement.rma_id,
    rmaLineId: movement.rma_line_id,
  };
  tx.audit({ entityType: 'stock_movement', entityId: movement.id, action: 'stock.moved', after: summary });
  tx.emit({
    type: 'stock.moved',
    aggregateType: 'stock_movement',
    aggregateId: movement.id,
    payload: { movementId: movement.id, ...summary },
  });
  return movement;
}

export async function assertProductExists(tx: Tx, productId: string): Promise<void> {
  const [product] = await findProducts(tx.db, [productId]);
  if (!product)
    throw new AppError('validation_failed', `product ${productId} does not exist`, {
      errors: [{ path: 'productId', message: 'unknown product' }],
    });
}

/** A movement the domain refuses: malformed ones are a 400, ones the stock or its rules forbid a 422. */
export function refusal(refused: Refused): AppError {
  const errors = refused.path ? [{ path: refused.path, message: refused.message }] : [];
  switch (refused.refusal) {
    case 'quantity_not_positive':
    case 'no_ends':
    case 'different_sites':
    case 'same_place':
    case 'serial_quantity':
      return new AppError('validation_failed', refused.message, { errors });
    case 'not_on_hand_status':
    case 'entry_not_into_inspection':
    case 'transition_not_allowed':
    case 'cannot_leave_from_status':
    case 'insufficient_stock':
      return new AppError('rule_violation', refused.message, { errors });
    case 'serial_already_on_hand':
      return new AppError('conflict', refused.message, { errors });
  }
}
