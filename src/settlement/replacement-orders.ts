// Replacement orders through their life: requested for a return's lines (a replacement of the same
// product, an exchange for another, or an advance replacement that ships before the return
// arrives), allocated from saleable stock or backordered, shipped, or cancelled. A return line's
// units are settled once: in money (a credit memo) or in goods (a replacement), never both — the
// request counts both under the same lock the credit memo takes for the invoiced line.
// Stock and the books are the workflow's (workflows/replacement-orders.ts); these steps keep the
// documents.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { ReplacementKind } from '../contracts/replacements.js';
import { assertCan } from '../platform/access.js';
import type { DB } from '../platform/db/database.js';
import { lockForTransaction } from '../platform/db/transaction-lock.js';
import { nextDocumentNumber } from '../platform/document-numbers.js';
import { AppError, notFound } from '../platform/errors.js';
import type { Tx } from '../platform/unit-of-work.js';
import { releasedShare, splitInvoice, type DepositOfUnits } from './domain/replacement-deposit.js';
import { firstLineAgainst, orderDifference } from './domain/replacement-price-difference.js';
import { findCreditedUnitsOfLines, findReplacedUnits } from './replacement-order.queries.js';
import type {
  ReplacementAllocationsTable,
  ReplacementOrderLinesTable,
  ReplacementOrdersTable,
} from './settlement.tables.js';

export interface ReplacementLineRequest {
  rmaLineId: string;
  lineNumber: number;
  orderLineId: string | null;
  returnedProductId: string;
  productId: string;
  quantity: number;
  unitPriceMinor: number;
  priceDifferenceMinor: number | null;
  /** The tax on the difference, at the original line's rate (domain/replacement-price-difference.ts). */
  priceDifferenceTaxMinor: number;
  /** An advance replacement's deposit for the line's units, fixed now: what the customer is told. */
  deposit: DepositOfUnits | null;
  /** The units the return authorized on the line, and those received so far. */
  authorized: number;
  received: number;
}

export interface ReplacementRequest {
  rmaId: string;
  customerId: string;
  legalEntityId: string;
  siteId: string;
  kind: ReplacementKind;
  currency: string;
  note: string;
  /** An advance replacement: the days the return has once it ships, and the policy that said so. */
  depositDays: number | null;
  policyVersion: number | null;
  lines: ReplacementLineRequest[];
}

const quantityRefused = (index: number, message: string) =>
  new AppError('rule_violation', message, { errors: [{ path: `lines.${index}.quantity`, message }] });

/**
 * The step: a replacement order opened for the return's lines, status requested. Each line's
 * quantity stays within what the return authorized less what is already replaced or credited;
 * an advance replacement covers only units that have not arrived.
 */
export async function recordReplacementRequested(tx: Tx, input: ReplacementRequest): Promise<ReplacementOrdersTable> {
  assertCan(tx.ctx.actor, 'replacements.create');
  // The same lock a credit memo takes for the invoiced line: a credit and a replacement of the
  // same units cannot both pass their checks. Taken in a fixed order against deadlocks.
  const lockNames = input.lines.map((l) =>
    l.orderLineId ? `order-line-credit:${l.orderLineId}` : `rma-line:${l.rmaLineId}`,
  );
  for (const name of [...new Set(lockNames)].sort()) await lockForTransaction(tx, name);
  const lineIds = input.lines.map((l) => l.rmaLineId);
  const [replaced, credited] = await Promise.all([
    findReplacedUnits(tx.db, lineIds),
    findCreditedUnitsOfLines(tx.db, lineIds),
  ]);
  input.lines.forEach((line, index) => {
    const settled = (replaced.get(line.rmaLineId) ?? 0) + (credited.get(line.rmaLineId) ?? 0);
    const open = Math.max(0, line.authorized - settled);
    if (line.quantity > open)
      throw quantityRefused(
        index,
        `return line ${line.lineNumber} has ${open} of its ${line.authorized} authorized units left to settle ` +
          `(${replaced.get(line.rmaLineId) ?? 0} replaced, ${credited.get(line.rmaLineId) ?? 0} credited)`,
      );
    const awaited = Math.max(0, line.authorized - line.received - (replaced.get(line.rmaLineId) ?? 0));
    if (input.kind === 'advance' && line.quantity > awaited)
      throw quantityRefused(
        index,
        `an advance replacement ships ahead of units not yet received: return line ${line.lineNumber} awaits ${awaited}`,
      );
  });
  const against = firstLineAgainst(
    input.lines.map((l) => ({ netMinor: l.priceDifferenceMinor ?? 0, taxMinor: l.priceDifferenceTaxMinor })),
  );
  if (against >= 0) {
    const message =
      'an exchange is invoiced or credited as one: request the lines that cost more and those that cost less as two exchanges';
    throw new AppError('rule_violation', message, { errors: [{ path: `lines.${against}.productId`, message }] });
  }
  const difference = orderDifference(
    input.lines.map((l) => ({ netMinor: l.priceDifferenceMinor ?? 0, taxMinor: l.priceDifferenceTaxMinor })),
  );

  const order: ReplacementOrdersTable = {
    id: tx.ids.next('rpo'),
    replacement_number: await nextDocumentNumber(tx, 'replacement_order', input.legalEntityId),
    rma_id: input.rmaId,
    customer_id: input.customerId,
    legal_entity_id: input.legalEntityId,
    site_id: input.siteId,
    kind: input.kind,
    status: 'requested',
    currency: input.currency,
    note: input.note,
    shortage: '',
    carrier_reference: '',
    deposit_status: input.kind === 'advance' ? 'pending' : 'none',
    deposit_minor: input.lines.reduce((sum, l) => sum + (l.deposit?.totalMinor ?? 0), 0),
    functional_currency: null,
    deposit_functional_minor: 0,
    deposit_due_on: null,
    deposit_days: input.depositDays,
    deposit_entry_id: null,
    invoice_entry_id: null,
    policy_version: input.policyVersion,
    difference_status: difference.totalMinor !== 0 ? 'pending' : 'none',
    difference_minor: difference.totalMinor,
    difference_tax_minor: difference.taxMinor,
    difference_functional_minor: 0,
    difference_entry_id: null,
    requested_by: tx.ctx.actor.name,
    allocated_at: null,
    shipped_at: null,
    shipped_by: null,
    deposit_settled_at: null,
    cancelled_at: null,
    cancelled_by: null,
    cancel_reason: null,
    version: 1,
    created_at: tx.now,
    updated_at: tx.now,
  };
  const lines: ReplacementOrderLinesTable[] = input.lines.map((line) => ({
    id: tx.ids.next('rpl'),
    replacement_order_id: order.id,
    rma_line_id: line.rmaLineId,
    order_line_id: line.orderLineId,
    returned_product_id: line.returnedProductId,
    product_id: line.productId,
    quantity: line.quantity,
    unit_price_minor: line.unitPriceMinor,
    price_difference_minor: line.priceDifferenceMinor,
    price_difference_tax_minor: line.priceDifferenceTaxMinor,
    // Fixed now; shipping charges it for the units still awaited then (recordDepositCharged).
    deposit_units: line.deposit ? line.quantity : 0,
    deposit_minor: line.deposit?.totalMinor ?? 0,
    deposit_tax_minor: line.deposit?.taxMinor ?? 0,
    deposit_functional_minor: 0,
    released_units: 0,
    released_functional_minor: 0,
    invoiced_units: 0,
    invoiced_functional_minor: 0,
  }));
  await tx.db.insertInto('replacement_orders').values(order).execute();
  await tx.db.insertInto('replacement_order_lines').values(lines).execute();
  tx.audit({
    entityType: 'replacement_order',
    entityId: order.id,
    streamId: input.rmaId,
    action: 'replacement_order.requested',
    after: {
      number: order.replacement_number,
      kind: order.kind,
      siteId: order.site_id,
      lines: lines.map((l) => ({ rmaLineId: l.rma_line_id, productId: l.product_id, quantity: l.quantity })),
      ...(order.kind === 'advance'
        ? { depositMinor: order.deposit_minor, depositDays: order.deposit_days, currency: order.currency }
        : {}),
      ...(order.difference_status === 'pending'
        ? { differenceMinor: order.difference_minor, differenceTaxMinor: order.difference_tax_minor }
        : {}),
    },
  });
  tx.emit({
    type: 'replacement_order.requested',
    aggregateType: 'replacement_order',
    aggregateId: order.id,
    payload: { replacementOrderId: order.id, number: order.replacement_number, rmaId: order.rma_id, kind: order.kind },
  });
  return order;
}

export interface ReplacementForChange {
  order: ReplacementOrdersTable;
  lines: ReplacementOrderLinesTable[];
}

async function orderForChange(tx: Tx, id: string, expectedVersion: number): Promise<ReplacementForChange> {
  const order = await tx.db.selectFrom('replacement_orders').selectAll().where('id', '=', id).executeTakeFirst();
  if (!order) throw notFound('replacement order', id);
  if (order.version !== expectedVersion)
    throw new AppError(
      'precondition_failed',
      `replacement order ${order.replacement_number} changed (now version ${order.version}); reload and try again`,
    );
  const lines = await tx.db
    .selectFrom('replacement_order_lines')
    .selectAll()
    .where('replacement_order_id', '=', id)
    .orderBy('id')
    .execute();
  return { order, lines };
}

export async function saveReplacementOrder(
  tx: Tx,
  order: ReplacementOrdersTable,
  changes: Partial<ReplacementOrdersTable>,
): Promise<ReplacementOrdersTable> {
  const updated = await tx.db
    .updateTable('replacement_orders')
    .set({ ...changes, version: order.version + 1, updated_at: tx.now })
    .where('id', '=', order.id)
    .where('version', '=', order.version)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1)
    throw new AppError(
      'precondition_failed',
      `replacement order ${order.replacement_number} changed meanwhile; reload and try again`,
    );
  return { ...order, ...changes, version: order.version + 1, updated_at: tx.now };
}

const wrongState = (order: ReplacementOrdersTable, doing: string) =>
  new AppError('conflict', `replacement order ${order.replacement_number} is ${order.status}: it cannot be ${doing}`);

/** The step: an order that may take stock now (requested, or backordered and tried again). */
export async function takeReplacementToAllocate(
  tx: Tx,
  id: string,
  expectedVersion: number,
): Promise<ReplacementForChange> {
  assertCan(tx.ctx.actor, 'replacements.ship');
  const found = await orderForChange(tx, id, expectedVersion);
  if (found.order.status !== 'requested' && found.order.status !== 'backordered')
    throw wrongState(found.order, 'allocated');
  return found;
}

export type AllocationToRecord = Omit<ReplacementAllocationsTable, 'id'>;

/** The step: the units set aside for each line are recorded; the order is allocated. */
export async function recordReplacementAllocated(
  tx: Tx,
  order: ReplacementOrdersTable,
  allocations: readonly AllocationToRecord[],
): Promise<ReplacementOrdersTable> {
  assertCan(tx.ctx.actor, 'replacements.ship');
  if (allocations.length > 0)
    await tx.db
      .insertInto('replacement_allocations')
      .values(allocations.map((a) => ({ ...a, id: tx.ids.next('rpa') })))
      .execute();
  const saved = await saveReplacementOrder(tx, order, { status: 'allocated', shortage: '', allocated_at: tx.now });
  tx.audit({
    entityType: 'replacement_order',
    entityId: order.id,
    streamId: order.rma_id,
    action: 'replacement_order.allocated',
    before: { status: order.status },
    after: { units: allocations.reduce((sum, a) => sum + a.quantity, 0) },
  });
  return saved;
}

/** The step: no saleable stock for the whole order; it waits, saying what is missing. */
export async function recordReplacementBackordered(
  tx: Tx,
  order: ReplacementOrdersTable,
  shortage: string,
): Promise<ReplacementOrdersTable> {
  assertCan(tx.ctx.actor, 'replacements.ship');
  const saved = await saveReplacementOrder(tx, order, { status: 'backordered', shortage: shortage.slice(0, 1000) });
  tx.audit({
    entityType: 'replacement_order',
    entityId: order.id,
    streamId: order.rma_id,
    action: 'replacement_order.backordered',
    before: { status: order.status },
    after: { shortage },
  });
  return saved;
}

async function allocationsOf(tx: Tx, lines: readonly ReplacementOrderLinesTable[]) {
  if (lines.length === 0) return [];
  return tx.db
    .selectFrom('replacement_allocations')
    .selectAll()
    .where(
      'replacement_order_line_id',
      'in',
      lines.map((l) => l.id),
    )
    .orderBy('id')
    .execute();
}

/** The step: an allocated order marked shipped; the units it takes out of stock are returned. */
export async function recordReplacementShipped(tx: Tx, id: string, expectedVersion: number, carrierReference: string) {
  assertCan(tx.ctx.actor, 'replacements.ship');
  const { order, lines } = await orderForChange(tx, id, expectedVersion);
  if (order.status !== 'allocated') throw wrongState(order, 'shipped');
  const saved = await saveReplacementOrder(tx, order, {
    status: 'shipped',
    carrier_reference: carrierReference,
    shipped_at: tx.now,
    shipped_by: tx.ctx.actor.name,
  });
  tx.audit({
    entityType: 'replacement_order',
    entityId: id,
    streamId: order.rma_id,
    action: 'replacement_order.shipped',
    after: { carrierReference },
  });
  tx.emit({
    type: 'replacement_order.shipped',
    aggregateType: 'replacement_order',
    aggregateId: id,
    payload: {
      replacementOrderId: id,
      number: order.replacement_number,
      rmaId: order.rma_id,
      customerId: order.customer_id,
      carrierReference,
    },
  });
  return { order: saved, lines, allocations: await allocationsOf(tx, lines) };
}

/** The step: an order cancelled before it shipped; the units it held, to go back to saleable stock. */
export async function recordReplacementCancelled(tx: Tx, id: string, expectedVersion: number, reason: string) {
  assertCan(tx.ctx.actor, 'replacements.create');
  const { order, lines } = await orderForChange(tx, id, expectedVersion);
  if (order.status === 'shipped' || order.status === 'cancelled') throw wrongState(order, 'cancelled');
  const held = order.status === 'allocated' ? await allocationsOf(tx, lines) : [];
  const saved = await saveReplacementOrder(tx, order, {
    status: 'cancelled',
    deposit_status: 'none',
    difference_status: 'none',
    cancelled_at: tx.now,
    cancelled_by: tx.ctx.actor.name,
    cancel_reason: reason,
  });
  tx.audit({
    entityType: 'replacement_order',
    entityId: id,
    streamId: order.rma_id,
    action: 'replacement_order.cancelled',
    before: { status: order.status },
    after: { reason },
  });
  return { order: saved, allocations: held };
}

export interface DepositCharge {
  functionalCurrency: string;
  dueOn: string;
  policyVersion: number;
  lines: Array<{
    id: string;
    depositUnits: number;
    depositMinor: number;
    depositTaxMinor: number;
    depositFunctionalMinor: number;
  }>;
}

/** The step: an advance replacement's deposit as charged when it shipped (none when nothing is awaited). */
export async function recordDepositCharged(
  tx: Tx,
  order: ReplacementOrdersTable,
  charge: DepositCharge,
  entryId: string | null,
): Promise<ReplacementOrdersTable> {
  for (const line of charge.lines)
    await tx.db
      .updateTable('replacement_order_lines')
      .set({
        deposit_units: line.depositUnits,
        deposit_minor: line.depositMinor,
        deposit_tax_minor: line.depositTaxMinor,
        deposit_functional_minor: line.depositFunctionalMinor,
      })
      .where('id', '=', line.id)
      .execute();
  const depositMinor = charge.lines.reduce((sum, l) => sum + l.depositMinor, 0);
  const functionalMinor = charge.lines.reduce((sum, l) => sum + l.depositFunctionalMinor, 0);
  const isHeld = charge.lines.some((l) => l.depositUnits > 0);
  const saved = await saveReplacementOrder(tx, order, {
    deposit_status: isHeld ? 'held' : 'none',
    deposit_minor: depositMinor,
    functional_currency: charge.functionalCurrency,
    deposit_functional_minor: functionalMinor,
    deposit_due_on: isHeld ? charge.dueOn : null,
    deposit_entry_id: entryId,
    policy_version: charge.policyVersion,
  });
  tx.audit({
    entityType: 'replacement_order',
    entityId: order.id,
    streamId: order.rma_id,
    action: isHeld ? 'replacement_order.deposit_charged' : 'replacement_order.deposit_not_needed',
    after: isHeld
      ? { depositMinor, currency: order.currency, functionalMinor, dueOn: charge.dueOn }
      : { reason: 'every replaced unit of the return had arrived when it shipped' },
  });
  return saved;
}

export interface ReleasedDeposit {
  order: ReplacementOrdersTable;
  units: number;
  functionalMinor: number;
}

/**
 * The step receiving calls: units received on return lines release the held deposits of their
 * advance replacements, oldest shipment first, unit for unit. Returns what each order released.
 */
export async function releaseHeldDeposits(
  tx: Tx,
  received: ReadonlyArray<{ rmaLineId: string; quantity: number }>,
): Promise<ReleasedDeposit[]> {
  assertCan(tx.ctx.actor, 'receiving.receive');
  const lineIds = [...new Set(received.map((r) => r.rmaLineId))];
  if (lineIds.length === 0) return [];
  const held = await tx.db
    .selectFrom('replacement_order_lines as l')
    .innerJoin('replacement_orders as o', 'o.id', 'l.replacement_order_id')
    .selectAll('l')
    .where('l.rma_line_id', 'in', lineIds)
    .where('o.deposit_status', '=', 'held')
    .where(sql<boolean>`l.deposit_units > l.released_units + l.invoiced_units`)
    .orderBy('o.shipped_at')
    .orderBy('o.id')
    .execute();
  if (held.length === 0) return [];
  const left = new Map<string, number>();
  for (const r of received) left.set(r.rmaLineId, (left.get(r.rmaLineId) ?? 0) + r.quantity);
  const byOrder = new Map<string, { units: number; functionalMinor: number }>();
  for (const line of held) {
    const available = left.get(line.rma_line_id) ?? 0;
    const units = Math.min(available, line.deposit_units - line.released_units - line.invoiced_units);
    if (units <= 0) continue;
    left.set(line.rma_line_id, available - units);
    const amount = releasedShare(line.deposit_functional_minor, line.deposit_units, line.released_units, units);
    const updated = await tx.db
      .updateTable('replacement_order_lines')
      .set({
        released_units: line.released_units + units,
        released_functional_minor: line.released_functional_minor + amount,
      })
      .where('id', '=', line.id)
      .where('released_units', '=', line.released_units)
      .where('invoiced_units', '=', line.invoiced_units)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1)
      throw new AppError('conflict', 'the deposit changed while the receipt was recorded; try again');
    const sum = byOrder.get(line.replacement_order_id) ?? { units: 0, functionalMinor: 0 };
    byOrder.set(line.replacement_order_id, { units: sum.units + units, functionalMinor: sum.functionalMinor + amount });
  }
  const released: ReleasedDeposit[] = [];
  for (const [orderId, sum] of byOrder) {
    const order = await tx.db
      .selectFrom('replacement_orders')
      .selectAll()
      .where('id', '=', orderId)
      .executeTakeFirstOrThrow();
    const open = await tx.db
      .selectFrom('replacement_order_lines')
      .select('id')
      .where('replacement_order_id', '=', orderId)
      .where(sql<boolean>`deposit_units > released_units + invoiced_units`)
      .executeTakeFirst();
    const saved = await saveReplacementOrder(
      tx,
      order,
      open ? {} : { deposit_status: 'released', deposit_settled_at: tx.now },
    );
    tx.audit({
      entityType: 'replacement_order',
      entityId: orderId,
      streamId: order.rma_id,
      action: 'replacement_order.deposit_released',
      after: { units: sum.units, functionalMinor: sum.functionalMinor, isFullyReleased: !open },
    });
    released.push({ order: saved, ...sum });
  }
  return released;
}

/** Advance replacements whose deposit is still held after its last day, oldest first. */
export async function findOverdueDeposits(db: Kysely<DB> | Transaction<DB>, today: string, limit: number) {
  return db
    .selectFrom('replacement_orders')
    .select(['id', 'version'])
    .where('deposit_status', '=', 'held')
    .where('deposit_due_on', '<', today)
    .orderBy('deposit_due_on')
    .orderBy('id')
    .limit(limit)
    .execute();
}

export interface InvoicedDeposit {
  order: ReplacementOrdersTable;
  units: number;
  functionalMinor: number;
  salesMinor: number;
  taxMinor: number;
}

/**
 * The step: a held deposit whose days have passed is invoiced — what is left of it becomes a sale
 * of the replacement (and the tax on it). Null when it is no longer due (released meanwhile).
 */
export async function recordDepositInvoiced(
  tx: Tx,
  id: string,
  expectedVersion: number,
): Promise<InvoicedDeposit | null> {
  assertCan(tx.ctx.actor, 'replacements.invoice');
  const { order, lines } = await orderForChange(tx, id, expectedVersion);
  if (order.deposit_status !== 'held' || !order.deposit_due_on || order.deposit_due_on >= tx.today) return null;
  let units = 0;
  let functionalMinor = 0;
  let salesMinor = 0;
  let taxMinor = 0;
  for (const line of lines) {
    const open = line.deposit_units - line.released_units - line.invoiced_units;
    if (open <= 0) continue;
    const amount = line.deposit_functional_minor - line.released_functional_minor - line.invoiced_functional_minor;
    const parts = splitInvoice(amount, { totalMinor: line.deposit_minor, taxMinor: line.deposit_tax_minor });
    await tx.db
      .updateTable('replacement_order_lines')
      .set({
        invoiced_units: line.invoiced_units + open,
        invoiced_functional_minor: line.invoiced_functional_minor + amount,
      })
      .where('id', '=', line.id)
      .execute();
    units += open;
    functionalMinor += amount;
    salesMinor += parts.salesMinor;
    taxMinor += parts.taxMinor;
  }
  const saved = await saveReplacementOrder(tx, order, { deposit_status: 'invoiced', deposit_settled_at: tx.now });
  tx.audit({
    entityType: 'replacement_order',
    entityId: id,
    streamId: order.rma_id,
    action: 'replacement_order.deposit_invoiced',
    after: { units, functionalMinor, dueOn: order.deposit_due_on },
  });
  tx.emit({
    type: 'replacement_order.deposit_invoiced',
    aggregateType: 'replacement_order',
    aggregateId: id,
    payload: { replacementOrderId: id, number: order.replacement_number, rmaId: order.rma_id, units },
  });
  return { order: saved, units, functionalMinor, salesMinor, taxMinor };
}

export async function linkInvoiceEntry(tx: Tx, id: string, entryId: string | null): Promise<void> {
  await tx.db.updateTable('replacement_orders').set({ invoice_entry_id: entryId }).where('id', '=', id).execute();
}
