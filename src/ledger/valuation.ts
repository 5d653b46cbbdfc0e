// What a returned unit is carried at in the books while it is ours again: the product's standard
// cost, in the entity's functional currency at the rate of the day it was received, fixed per
// return line and entity at its first receipt. Every later posting of those units (a status
// change, a shipment out) moves that same value, so the returns-inventory accounts always equal
// the units on hand times their carrying value — the tie-out the reconciliation checks.
import { findLegalEntity, findProductCost, findSite } from '../masterdata/index.js';
import { minorUnitsOf } from '../platform/money/currencies.js';
import { AppError } from '../platform/errors.js';
import type { Tx } from '../platform/unit-of-work.js';
import { convertMinor } from './domain/fx.js';
import { requireRate } from './fx-rates.js';
import type { ReturnLineValuationsTable } from './ledger.tables.js';

export interface Valuation {
  legalEntityId: string;
  currency: string;
  unitValueMinor: number;
}

const toValuation = (row: ReturnLineValuationsTable): Valuation => ({
  legalEntityId: row.legal_entity_id,
  currency: row.currency,
  unitValueMinor: row.unit_value_minor,
});

export async function legalEntityOfSite(tx: Tx, siteId: string) {
  const site = await findSite(tx.db, siteId);
  const entity = site ? await findLegalEntity(tx.db, site.legal_entity_id) : undefined;
  if (!entity) throw new AppError('validation_failed', `site ${siteId} does not exist`);
  return entity;
}

/** The carrying value of a return line's units at the site's entity, fixed on first use. */
export async function valuationOf(
  tx: Tx,
  input: { rmaLineId: string; productId: string; siteId: string; date: string },
): Promise<Valuation> {
  const entity = await legalEntityOfSite(tx, input.siteId);
  const existing = await tx.db
    .selectFrom('return_line_valuations')
    .selectAll()
    .where('rma_line_id', '=', input.rmaLineId)
    .where('legal_entity_id', '=', entity.id)
    .executeTakeFirst();
  if (existing) return toValuation(existing);
  const product = await findProductCost(tx.db, input.productId);
  if (!product) throw new AppError('validation_failed', `product ${input.productId} does not exist`);
  const rate = await requireRate(tx.db, product.currency, entity.functional_currency, input.date);
  const row: ReturnLineValuationsTable = {
    rma_line_id: input.rmaLineId,
    legal_entity_id: entity.id,
    currency: entity.functional_currency,
    unit_value_minor: convertMinor(
      product.unit_cost_minor,
      rate,
      minorUnitsOf(product.currency),
      minorUnitsOf(entity.functional_currency),
    ),
    source_currency: product.currency,
    source_unit_cost_minor: product.unit_cost_minor,
    rate,
    valued_on: input.date,
  };
  // Two receipts of one line at once: the first valuation stands, and both use it.
  const inserted = await tx.db
    .insertInto('return_line_valuations')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) return toValuation(row);
  const stored = await tx.db
    .selectFrom('return_line_valuations')
    .selectAll()
    .where('rma_line_id', '=', input.rmaLineId)
    .where('legal_entity_id', '=', entity.id)
    .executeTakeFirstOrThrow();
  return toValuation(stored);
}
