// What the later stages (logistics, receiving, inspection…) may know of a return: its
// authorization, customer and lines, and where its goods go. They read it through this query, never
// the returns tables; a customer-scoped actor sees only their own account's returns.
import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../../platform/actor.js';
import { isVisibleToActor } from '../../platform/access.js';
import type { DB } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import type { RmaStatus } from '../../contracts/returns.js';
import { findRmaRow } from '../rma.repository.js';
import { findShipToSiteId } from '../ship-to.js';

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
  /** Where the goods are to be sent (null until authorized, and for goods that arrived unannounced). */
  shipToSiteId: string | null;
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
    shipToSiteId: await findShipToSiteId(db, row),
    lines: lines.map((line) => ({
      id: line.id,
      lineNumber: line.line_number,
      productId: line.product_id,
      quantity: line.quantity,
      serials: JSON.parse(line.serials) as string[],
    })),
  };
}

/** RMA numbers by id, for stages that list their own records with the return they belong to. */
export async function findRmaNumbers(db: Reader, rmaIds: readonly string[]): Promise<ReadonlyMap<string, string>> {
  if (rmaIds.length === 0) return new Map();
  const rows = await db.selectFrom('rmas').select(['id', 'rma_number']).where('id', 'in', rmaIds).execute();
  return new Map(rows.map((row) => [row.id, row.rma_number]));
}
