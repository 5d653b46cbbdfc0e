// Goods from a sender we cannot name, or that match no catalogue product, are still taken in:
// refusing them at the dock loses them. They get an arrival number (written on the parcel) and
// wait in receiving until someone identifies sender and products; the identify workflow then
// opens the return and records the receipt as of the day the goods came in.
import type { IdentifyArrivalRequest, UnidentifiedArrivalRequest } from '../contracts/receiving.js';
import { assertCan } from '../platform/access.js';
import { nextDocumentNumber } from '../platform/document-numbers.js';
import { AppError } from '../platform/errors.js';
import type { Tx } from '../platform/unit-of-work.js';
import { findCustomer, findProducts } from '../masterdata/index.js';
import { findReceivingSite } from './record-receipt.js';
import type { UnidentifiedArrivalLinesTable, UnidentifiedArrivalsTable } from './receiving.tables.js';

export async function recordUnidentifiedArrival(
  tx: Tx,
  request: UnidentifiedArrivalRequest,
): Promise<UnidentifiedArrivalsTable> {
  assertCan(tx.ctx.actor, 'receiving.receive');
  const site = await findReceivingSite(tx, request.siteId);
  if (request.customerId && !(await findCustomer(tx.db, request.customerId)))
    throw new AppError('validation_failed', `customer ${request.customerId} does not exist`, {
      errors: [{ path: 'customerId', message: 'unknown customer' }],
    });
  await assertProductsExist(
    tx,
    request.lines.map((line) => line.productId),
  );
  const arrival: UnidentifiedArrivalsTable = {
    id: tx.ids.next('arv'),
    arrival_number: await nextDocumentNumber(tx, 'arrival', site.legal_entity_id),
    site_id: site.id,
    customer_id: request.customerId ?? null,
    sender: request.sender,
    carrier_reference: request.carrierReference,
    note: request.note,
    status: 'awaiting_identification',
    rma_id: null,
    received_at: tx.now,
    received_by: tx.ctx.actor.name,
    received_by_id: tx.ctx.actor.personId,
    identified_at: null,
    identified_by: null,
    version: 1,
    created_at: tx.now,
    updated_at: tx.now,
  };
  const lines: UnidentifiedArrivalLinesTable[] = request.lines.map((line, index) => ({
    id: tx.ids.next('arl'),
    arrival_id: arrival.id,
    line_number: index + 1,
    product_id: line.productId ?? null,
    description: line.description,
    scanned_code: line.scannedCode,
    quantity: line.quantity,
    claimed_condition: line.claimedCondition,
    reason_code: line.reasonCode,
    serials: JSON.stringify(line.serials),
    lots: JSON.stringify(line.lots),
  }));
  await tx.db.insertInto('unidentified_arrivals').values(arrival).execute();
  await tx.db.insertInto('unidentified_arrival_lines').values(lines).execute();
  tx.audit({
    entityType: 'unidentified_arrival',
    entityId: arrival.id,
    action: 'arrival.unidentified_recorded',
    after: {
      arrivalNumber: arrival.arrival_number,
      siteCode: site.code,
      customerId: arrival.customer_id,
      sender: arrival.sender,
      lines: lines.map((l) => ({ productId: l.product_id, description: l.description, quantity: l.quantity })),
    },
  });
  tx.emit({
    type: 'arrival.unidentified_recorded',
    aggregateType: 'unidentified_arrival',
    aggregateId: arrival.id,
    payload: {
      arrivalId: arrival.id,
      arrivalNumber: arrival.arrival_number,
      siteId: site.id,
      units: lines.reduce((sum, l) => sum + l.quantity, 0),
    },
  });
  return arrival;
}

export interface ArrivalToIdentify {
  arrival: UnidentifiedArrivalsTable;
  /** The arrival's lines in the request's order, each with the product it is now identified as. */
  lines: Array<UnidentifiedArrivalLinesTable & { identifiedProductId: string; orderLineId: string | undefined }>;
}

/**
 * The arrival with each line's product as the identifier names it. Every line must be named
 * exactly once; a line recorded with a catalogue product may be corrected to another.
 */
export async function takeArrivalToIdentify(
  tx: Tx,
  arrivalId: string,
  expectedVersion: number | undefined,
  request: IdentifyArrivalRequest,
): Promise<ArrivalToIdentify> {
  assertCan(tx.ctx.actor, 'receiving.receive');
  const arrival = await tx.db
    .selectFrom('unidentified_arrivals')
    .selectAll()
    .where('id', '=', arrivalId)
    .executeTakeFirst();
  if (!arrival) throw new AppError('not_found', `arrival ${arrivalId} was not found`);
  if (expectedVersion !== undefined && expectedVersion !== arrival.version)
    throw new AppError(
      'precondition_failed',
      `arrival ${arrival.arrival_number} is at version ${arrival.version}, not ${expectedVersion}; someone else changed it — reload`,
    );
  if (arrival.status !== 'awaiting_identification')
    throw new AppError('invalid_transition', `arrival ${arrival.arrival_number} is already identified`, {
      extensions: { from: arrival.status, to: 'identified', allowedTransitions: [] },
    });
  const rows = await tx.db
    .selectFrom('unidentified_arrival_lines')
    .selectAll()
    .where('arrival_id', '=', arrival.id)
    .orderBy('line_number')
    .execute();
  const namedAt = new Map(request.lines.map((line, index) => [line.lineId, index]));
  for (const [index, line] of request.lines.entries()) {
    if (!rows.some((row) => row.id === line.lineId) || namedAt.get(line.lineId) !== index)
      throw new AppError('validation_failed', `line ${line.lineId} is not a line of this arrival, or is named twice`, {
        errors: [{ path: `lines.${index}.lineId`, message: 'not a line of this arrival, or named twice' }],
      });
  }
  const missing = rows.filter((row) => !namedAt.has(row.id));
  if (missing.length > 0)
    throw new AppError(
      'validation_failed',
      `name the product of every line; missing: ${missing.map((row) => `line ${row.line_number}`).join(', ')}`,
      { errors: [{ path: 'lines', message: 'every line of the arrival must be identified' }] },
    );
  await assertProductsExist(
    tx,
    request.lines.map((line) => line.productId),
  );
  // In the request's order, so that errors found later (lines.2.orderLineId) point into the request.
  const rowById = new Map(rows.map((row) => [row.id, row]));
  return {
    arrival,
    lines: request.lines.map((line) => ({
      ...rowById.get(line.lineId)!,
      identifiedProductId: line.productId,
      orderLineId: line.orderLineId,
    })),
  };
}

/** Links the arrival to the return it was identified as; it leaves the identification queue. */
export async function markArrivalIdentified(tx: Tx, arrival: UnidentifiedArrivalsTable, rmaId: string): Promise<void> {
  const result = await tx.db
    .updateTable('unidentified_arrivals')
    .set({
      status: 'identified',
      rma_id: rmaId,
      identified_at: tx.now,
      identified_by: tx.ctx.actor.name,
      updated_at: tx.now,
      version: arrival.version + 1,
    })
    .where('id', '=', arrival.id)
    .where('version', '=', arrival.version)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1)
    throw new AppError(
      'version_conflict',
      `arrival ${arrival.arrival_number} was changed concurrently; reload and try again`,
    );
  tx.audit({
    entityType: 'unidentified_arrival',
    entityId: arrival.id,
    action: 'arrival.identified',
    before: { status: arrival.status, version: arrival.version },
    after: { status: 'identified', rmaId },
  });
  tx.emit({
    type: 'arrival.identified',
    aggregateType: 'unidentified_arrival',
    aggregateId: arrival.id,
    payload: { arrivalId: arrival.id, arrivalNumber: arrival.arrival_number, rmaId },
  });
}

async function assertProductsExist(tx: Tx, productIds: ReadonlyArray<string | undefined>): Promise<void> {
  const wanted = [...new Set(productIds.filter((id): id is string => id !== undefined))];
  const found = new Set((await findProducts(tx.db, wanted)).map((product) => product.id));
  for (const [index, productId] of productIds.entries()) {
    if (productId !== undefined && !found.has(productId))
      throw new AppError('validation_failed', `product ${productId} does not exist`, {
        errors: [{ path: `lines.${index}.productId`, message: 'unknown product' }],
      });
  }
}
