// The path of a serial number or a lot in one timeline: sales (the order lines that shipped it),
// returns (the RMAs that named it), receiving, inspection, disposition and its follow-ups,
// inventory's movements — each read from that stage's own rows — oldest first, and where its units
// are now. Staff only: it names customers, people, locations and internal documents.
import {
  TRACE_STAGES,
  traceKeyOf,
  type Trace,
  type TraceEvent,
  type TraceQuery,
  type TraceStage,
} from '../contracts/trace.js';
import type { RequestContext } from '../platform/actor.js';
import { assertCan } from '../platform/access.js';
import type { Platform } from '../platform/unit-of-work.js';
import { findProducts } from '../masterdata/index.js';
import { findSalesTrace } from '../sales/index.js';
import { findReturnTrace, findRmaNumbers } from '../returns/index.js';
import { findReceivingTrace } from '../receiving/index.js';
import { findInspectionTrace } from '../inspection/index.js';
import { findDispositionTrace } from '../disposition/index.js';
import { findStockTrace } from '../inventory/index.js';

const STAGE_ORDER = Object.fromEntries(TRACE_STAGES.map((stage, index) => [stage, index])) as Record<
  TraceStage,
  number
>;

export async function traceUnits(platform: Platform, ctx: RequestContext, query: TraceQuery): Promise<Trace> {
  assertCan(ctx.actor, 'trace.read');
  const key = traceKeyOf(query);
  const { db } = platform;
  const [sold, returned, received, inspected, disposed, stock] = await Promise.all([
    findSalesTrace(db, key),
    findReturnTrace(db, key),
    findReceivingTrace(db, key),
    findInspectionTrace(db, key),
    findDispositionTrace(db, key),
    findStockTrace(db, ctx, key),
  ]);
  const unordered = [...sold, ...returned, ...received, ...inspected, ...disposed, ...stock.events];
  const rmaIds = new Set([...unordered.map((e) => e.rmaId), ...stock.whereNow.map((u) => u.rmaId)]);
  rmaIds.delete(null);
  const productIds = new Set([...unordered.map((e) => e.productId), ...stock.whereNow.map((u) => u.productId)]);
  const [rmaNumbers, products] = await Promise.all([
    findRmaNumbers(
      db,
      [...rmaIds].filter((id) => id !== null),
    ),
    findProducts(db, [...productIds]),
  ]);
  const numbered = (rmaId: string | null) => (rmaId ? (rmaNumbers.get(rmaId) ?? null) : null);
  return {
    query: { serial: query.serial ?? null, lot: query.lot ?? null, productId: query.productId ?? null },
    matches: products
      .map((p) => ({ productId: p.id, sku: p.sku, name: p.name }))
      .sort((a, b) => a.sku.localeCompare(b.sku)),
    events: inOrder(unordered).map((e) => ({ ...e, rmaNumber: e.rmaNumber ?? numbered(e.rmaId) })),
    whereNow: stock.whereNow.map((unit) => ({
      productId: unit.productId,
      productSku: unit.productSku,
      siteId: unit.siteId,
      siteCode: unit.siteCode,
      locationId: unit.locationId,
      locationCode: unit.locationCode,
      status: unit.status,
      quantity: unit.quantity,
      lot: unit.lot,
      serial: unit.serial,
      rmaId: unit.rmaId,
      rmaNumber: numbered(unit.rmaId),
    })),
    unitsLeftStock: stock.unitsLeftStock,
  };
}

/** Oldest first; at the same moment, in the order goods go through the stages; otherwise as reported. */
function inOrder(events: TraceEvent[]): TraceEvent[] {
  return events
    .map((event, index) => ({ event, index }))
    .sort(
      (a, b) =>
        a.event.at.localeCompare(b.event.at) ||
        STAGE_ORDER[a.event.stage] - STAGE_ORDER[b.event.stage] ||
        a.index - b.index,
    )
    .map(({ event }) => event);
}
