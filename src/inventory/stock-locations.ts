// The locations of a site where returned stock lies. Created by the warehouse; a site that has
// none yet gets a default receiving location the first time goods are received there, so the
// first receipt never fails for want of set-up (the warehouse can add and use others later).
import type { Kysely, Transaction } from 'kysely';
import type { CreateStockLocationRequest, StockLocation } from '../contracts/inventory.js';
import type { RequestContext } from '../platform/actor.js';
import { assertCan } from '../platform/access.js';
import type { DB } from '../platform/db/database.js';
import { isUniqueViolation } from '../platform/db/db-errors.js';
import { lockForTransaction } from '../platform/db/transaction-lock.js';
import { AppError } from '../platform/errors.js';
import { runInTransaction, type Platform, type Tx } from '../platform/unit-of-work.js';
import { findSite } from '../masterdata/index.js';
import type { StockLocationsTable } from './inventory.tables.js';

type Reader = Kysely<DB> | Transaction<DB>;

/** The location a site's first receipt creates when the site has no receiving location. */
export const DEFAULT_RECEIVING_LOCATION = { code: 'RETURNS-IN', name: 'Returns receiving', kind: 'receiving' } as const;

export function toLocationView(row: StockLocationsTable): StockLocation {
  return {
    id: row.id,
    siteId: row.site_id,
    code: row.code,
    name: row.name,
    kind: row.kind,
    isActive: row.is_active === 1,
    version: row.version,
    createdAt: row.created_at,
  };
}

export function findStockLocation(db: Reader, id: string): Promise<StockLocationsTable | undefined> {
  return db.selectFrom('stock_locations').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A location of this site, or a 400 naming the field. Where units go it must also be active. */
export async function locationOfSite(
  tx: Tx,
  input: { siteId: string; locationId: string; mustBeActive: boolean; path: string },
): Promise<StockLocationsTable> {
  const location = await findStockLocation(tx.db, input.locationId);
  if (!location || location.site_id !== input.siteId)
    throw new AppError('validation_failed', `location ${input.locationId} is not a location of site ${input.siteId}`, {
      errors: [{ path: input.path, message: 'not a location of this site' }],
    });
  if (input.mustBeActive && location.is_active !== 1)
    throw new AppError('validation_failed', `location ${location.code} is not in use`, {
      errors: [{ path: input.path, message: 'location not in use' }],
    });
  return location;
}

/**
 * Where received goods go when the receipt names no location: the site's active receiving
 * location (else its inspection location), first by code; created on first use if it has none.
 */
export async function receivingLocationOf(tx: Tx, siteId: string): Promise<StockLocationsTable> {
  const existing = await findReceivingLocation(tx, siteId);
  if (existing) return existing;
  // Two first receipts at once must not both create the default location: the lock, then look
  // again (every receipt after the first finds it without taking the lock).
  await lockForTransaction(tx, `stock-locations:${siteId}`);
  return (
    (await findReceivingLocation(tx, siteId)) ??
    addStockLocationRow(tx, siteId, { ...DEFAULT_RECEIVING_LOCATION, isActive: true })
  );
}

async function findReceivingLocation(tx: Tx, siteId: string): Promise<StockLocationsTable | undefined> {
  const candidates = await tx.db
    .selectFrom('stock_locations')
    .selectAll()
    .where('site_id', '=', siteId)
    .where('is_active', '=', 1)
    .where('kind', 'in', ['receiving', 'inspection'])
    .orderBy('code')
    .execute();
  return candidates.find((l) => l.kind === 'receiving') ?? candidates[0];
}

/** Inserts a location (the site is known to exist): for steps that create one on first use. */
export async function addStockLocationRow(tx: Tx, siteId: string, request: CreateStockLocationRequest) {
  const row: StockLocationsTable = {
    id: tx.ids.next('loc'),
    site_id: siteId,
    code: request.code,
    name: request.name,
    kind: request.kind,
    is_active: request.isActive ? 1 : 0,
    version: 1,
    created_at: tx.now,
    updated_at: tx.now,
  };
  await tx.db
    .insertInto('stock_locations')
    .values(row)
    .execute()
    .catch((error: unknown) => {
      throw isUniqueViolation(error)
        ? new AppError('conflict', `the site already has a location ${request.code}`, {
            errors: [{ path: 'code', message: 'already used at this site' }],
          })
        : error;
    });
  tx.audit({
    entityType: 'stock_location',
    entityId: row.id,
    action: 'stock_location.created',
    after: { siteId, code: row.code, name: row.name, kind: row.kind, isActive: request.isActive },
  });
  return row;
}

/** The step: a new location at a site. */
export async function addStockLocation(
  tx: Tx,
  siteId: string,
  request: CreateStockLocationRequest,
): Promise<StockLocationsTable> {
  assertCan(tx.ctx.actor, 'inventory.move');
  const site = await findSite(tx.db, siteId);
  if (!site) throw new AppError('not_found', `site ${siteId} was not found`);
  return addStockLocationRow(tx, site.id, request);
}

export async function createStockLocation(
  platform: Platform,
  ctx: RequestContext,
  siteId: string,
  request: CreateStockLocationRequest,
): Promise<StockLocation> {
  assertCan(ctx.actor, 'inventory.move');
  const row = await runInTransaction(platform, ctx, (tx) => addStockLocation(tx, siteId, request));
  return toLocationView(row);
}

export async function listStockLocations(db: Reader, ctx: RequestContext, siteId: string): Promise<StockLocation[]> {
  assertCan(ctx.actor, 'inventory.read');
  const site = await findSite(db, siteId);
  if (!site) throw new AppError('not_found', `site ${siteId} was not found`);
  const rows = await db
    .selectFrom('stock_locations')
    .selectAll()
    .where('site_id', '=', siteId)
    .orderBy('code')
    .execute();
  return rows.map(toLocationView);
}
