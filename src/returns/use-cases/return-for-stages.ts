// What the later stages (logistics, receiving, inspection…) may know of a return: its
// authorization, customer and lines, and where its goods go. They read it through this query, never
// the returns tables; a customer-scoped actor sees only their own account's returns.
import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../../platform/actor.js';
import { isVisibleToActor } from '../../platform/access.js';
import type { DB } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import type { RmaStatus } from '../../contracts/returns.js';
import type { ReturnType } from '../../contracts/returns-vocabulary.js';
import { findRmaRow } from '../rma.repository.js';
import { findShipToSiteId } from '../ship-to.js';
import { findCustomerRegions } from '../../masterdata/index.js';

type Reader = Kysely<DB> | Transaction<DB>;

export interface ReturnForStages {
  id: string;
  rmaNumber: string;
  status: RmaStatus;
  customerId: string;
  legalEntityId: string;
  isUnauthorized: boolean;
  /** The last day the goods may be shipped; null when the authorization does not lapse, or before it. */
  expiresOn: string | null;
  /** When it was authorized (null before): from then on its goods have a site to go to. */
  authorizedAt: string | null;
  lines: Array<{
    id: string;
    lineNumber: number;
    productId: string;
    quantity: number;
    /** Serials the return holds for the line (those the customer named). */
    serials: string[];
  }>;
}

export async function findReturnForStages(db: Reader, actor: Actor, rmaId: string): Promise<ReturnForStages> {
  const row = await findRmaRow(db, rmaId);
  if (!row || !isVisibleToActor(actor, row.customer_id))
    throw new AppError('not_found', `return ${rmaId} was not found`);
  const lines = await db
    .selectFrom('rma_lines')
    .select(['id', 'line_number', 'product_id', 'quantity', 'serials'])
    .where('rma_id', '=', rmaId)
    .orderBy('line_number')
    .execute();
  return {
    id: row.id,
    rmaNumber: row.rma_number,
    status: row.status,
    customerId: row.customer_id,
    legalEntityId: row.legal_entity_id,
    isUnauthorized: row.is_unauthorized === 1,
    expiresOn: row.expires_on,
    authorizedAt: row.authorized_at,
    lines: lines.map((line) => ({
      id: line.id,
      lineNumber: line.line_number,
      productId: line.product_id,
      quantity: line.quantity,
      serials: JSON.parse(line.serials) as string[],
    })),
  };
}

/**
 * Where the return's goods are to be sent: its routing instruction's site (null until authorized,
 * for goods that arrived unannounced, and while no site is certified for them). Asked only by the
 * stages that need it (the label, a shipment), so a receipt scan does not pay for it.
 */
export function findShipToSiteIdOf(db: Reader, rma: ReturnForStages): Promise<string | null> {
  return findShipToSiteId(db, {
    id: rma.id,
    legal_entity_id: rma.legalEntityId,
    authorized_at: rma.authorizedAt,
    is_unauthorized: rma.isUnauthorized ? 1 : 0,
  });
}

/**
 * What a carrier is told of the returns whose parcels it carries: the RMA number on the label and
 * the region the goods come from — not the customer's name or contact. Unscoped: the caller has
 * already confined the carrier to its own shipments.
 */
export async function findReturnsForCarrier(
  db: Reader,
  rmaIds: readonly string[],
): Promise<ReadonlyMap<string, { rmaNumber: string; shipFromRegion: string }>> {
  if (rmaIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('rmas')
    .select(['id', 'rma_number', 'customer_id'])
    .where('id', 'in', rmaIds)
    .execute();
  const regions = await findCustomerRegions(db, [...new Set(rows.map((row) => row.customer_id))]);
  return new Map(
    rows.map((row) => [row.id, { rmaNumber: row.rma_number, shipFromRegion: regions.get(row.customer_id) ?? '' }]),
  );
}

/** RMA numbers by id, for stages that list their own records with the return they belong to. */
export async function findRmaNumbers(db: Reader, rmaIds: readonly string[]): Promise<ReadonlyMap<string, string>> {
  if (rmaIds.length === 0) return new Map();
  const rows = await db.selectFrom('rmas').select(['id', 'rma_number']).where('id', 'in', rmaIds).execute();
  return new Map(rows.map((row) => [row.id, row.rma_number]));
}

/** What inspection and disposition need of return lines: the claim, the value, the sale behind it. */
export interface ReturnLineDetails {
  id: string;
  rmaId: string;
  rmaNumber: string;
  lineNumber: number;
  customerId: string;
  returnType: ReturnType;
  currency: string;
  productId: string;
  quantity: number;
  reasonCode: string;
  claimedCondition: string;
  note: string;
  /** The line's value per unit as credited (price plus tax), in the return's currency. */
  unitValueMinor: number;
  orderLineId: string | null;
}

export async function findReturnLineDetails(
  db: Reader,
  lineIds: readonly string[],
): Promise<ReadonlyMap<string, ReturnLineDetails>> {
  if (lineIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('rma_lines as l')
    .innerJoin('rmas as r', 'r.id', 'l.rma_id')
    .select([
      'l.id',
      'l.rma_id',
      'r.rma_number',
      'l.line_number',
      'r.customer_id',
      'r.return_type',
      'r.currency',
      'l.product_id',
      'l.quantity',
      'l.reason_code',
      'l.claimed_condition',
      'l.note',
      'l.value_minor',
      'l.order_line_id',
    ])
    .where('l.id', 'in', lineIds)
    .execute();
  return new Map(
    rows.map((row) => [
      row.id,
      {
        id: row.id,
        rmaId: row.rma_id,
        rmaNumber: row.rma_number,
        lineNumber: row.line_number,
        customerId: row.customer_id,
        returnType: row.return_type,
        currency: row.currency,
        productId: row.product_id,
        quantity: row.quantity,
        reasonCode: row.reason_code,
        claimedCondition: row.claimed_condition,
        note: row.note,
        unitValueMinor: row.quantity > 0 ? Math.round(row.value_minor / row.quantity) : 0,
        orderLineId: row.order_line_id,
      },
    ]),
  );
}
