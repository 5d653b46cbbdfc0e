// A carrier partner's own shipments: those of the carrier codes it answers for (master data), read
// in the carrier's shape, and the scans it reports for them. Scoping is here, in the use cases: a
// shipment of another carrier is not found, never forbidden, so its existence is not revealed.
import type { Kysely, Transaction } from 'kysely';
import type {
  CarrierEventResult,
  CarrierShipment,
  CarrierShipmentDetail,
  CarrierShipmentQuery,
  ReportCarrierEventBody,
} from '../contracts/carrier-shipments.js';
import type { Page } from '../contracts/common.js';
import type { RequestContext } from '../platform/actor.js';
import { assertCan } from '../platform/access.js';
import type { DB } from '../platform/db/database.js';
import { AppError } from '../platform/errors.js';
import { anyColumnContains, readPage, toPage } from '../platform/pagination.js';
import { runInTransaction, type Platform } from '../platform/unit-of-work.js';
import { findCarrierCodesOf, findSiteAddress } from '../masterdata/index.js';
import { findReturnsForCarrier } from '../returns/index.js';
import { scanEventId, type TrackingEvent } from './domain/tracking-events/tracking-event.js';
import type { ShipmentsTable, TrackingEventsTable } from './logistics.tables.js';
import { applyTrackingToShipment } from './record-tracking.js';

type Reader = Kysely<DB> | Transaction<DB>;

/** A scan reported more than this far ahead of our clock is a typing mistake: it would freeze the shipment. */
const FUTURE_TOLERANCE_MS = 10 * 60_000;

export async function listCarrierShipments(
  platform: Platform,
  ctx: RequestContext,
  query: CarrierShipmentQuery,
): Promise<Page<CarrierShipment>> {
  assertCan(ctx.actor, 'shipments.carrier');
  const codes = await findCarrierCodesOf(platform.db, ctx.actor.partnerId);
  if (codes.length === 0) return toPage([], query.page, query.pageSize, 0);
  let filtered = platform.db.selectFrom('shipments').selectAll().where('carrier_code', 'in', codes);
  if (query.state) filtered = filtered.where('state', '=', query.state);
  const number = query.q?.replace(/\s+/g, '');
  if (number) filtered = filtered.where(anyColumnContains(['tracking_number'], number));
  const { rows, total } = await readPage(filtered, filtered.orderBy('created_at', 'desc').orderBy('id', 'desc'), query);
  return toPage(await carrierViewsOf(platform.db, rows), query.page, query.pageSize, total);
}

export async function getCarrierShipment(
  platform: Platform,
  ctx: RequestContext,
  shipmentId: string,
): Promise<CarrierShipmentDetail> {
  assertCan(ctx.actor, 'shipments.carrier');
  return detailOf(platform.db, await findOwnShipment(platform.db, ctx, shipmentId));
}

/**
 * The carrier reports a scan of its own parcel. It goes through the same step as the providers'
 * webhooks (`applyTrackingToShipment`), so the shipment — and the return's progress — moves by the
 * same rules; the report itself is on the audit trail, with who made it, whether or not it moved
 * the shipment.
 */
export async function reportCarrierEvent(
  platform: Platform,
  ctx: RequestContext,
  shipmentId: string,
  body: ReportCarrierEventBody,
): Promise<CarrierEventResult> {
  assertCan(ctx.actor, 'shipments.carrier');
  const occurredAt = new Date(body.occurredAt).toISOString();
  if (Date.parse(occurredAt) > platform.clock.now().getTime() + FUTURE_TOLERANCE_MS)
    throw new AppError('rule_violation', `a scan at ${occurredAt} has not happened yet`, {
      errors: [{ path: 'occurredAt', message: 'not in the future' }],
    });
  const outcome = await runInTransaction(platform, ctx, async (tx) => {
    const shipment = await findOwnShipment(tx.db, tx.ctx, shipmentId);
    const event = scanOf(shipment, body, occurredAt);
    const { outcomes } = await applyTrackingToShipment(tx, 'carrier', shipment, [event]);
    // The step says what became of every event it was given.
    const result = outcomes.get(event.eventId)!;
    tx.audit({
      entityType: 'shipment',
      entityId: shipment.id,
      streamId: shipment.rma_id,
      action: 'shipment.tracking_reported',
      after: { eventId: event.eventId, status: event.status, occurredAt, location: event.location, outcome: result },
    });
    return result;
  });
  return { outcome, shipment: await getCarrierShipment(platform, ctx, shipmentId) };
}

/** The shipment, if it is one of the actor's carrier codes'; otherwise not found. */
async function findOwnShipment(db: Reader, ctx: RequestContext, shipmentId: string): Promise<ShipmentsTable> {
  const codes = await findCarrierCodesOf(db, ctx.actor.partnerId);
  const shipment =
    codes.length === 0
      ? undefined
      : await db
          .selectFrom('shipments')
          .selectAll()
          .where('id', '=', shipmentId)
          .where('carrier_code', 'in', codes)
          .executeTakeFirst();
  if (!shipment) throw new AppError('not_found', `shipment ${shipmentId} was not found`);
  return shipment;
}

/**
 * The report as a tracking event. Without the carrier's own id, the id is derived from what the
 * scan says (as for providers whose ids are unstable), so sending the same scan again changes nothing.
 */
function scanOf(shipment: ShipmentsTable, body: ReportCarrierEventBody, occurredAt: string): TrackingEvent {
  const scan = {
    carrier: shipment.carrier_code,
    trackingNumber: shipment.tracking_number,
    carrierStatus: body.carrierStatus ?? body.status,
    occurredAt,
    location: body.location,
    ...(body.description ? { description: body.description } : {}),
  };
  return { ...scan, status: body.status, eventId: body.eventId ?? scanEventId('carrier', scan) };
}

async function detailOf(db: Reader, shipment: ShipmentsTable): Promise<CarrierShipmentDetail> {
  const [view] = await carrierViewsOf(db, [shipment]);
  const events = await db
    .selectFrom('tracking_events')
    .selectAll()
    .where('shipment_id', '=', shipment.id)
    .orderBy('occurred_at', 'desc')
    .orderBy('received_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return { ...view!, events: events.map(eventView) };
}

/** The carrier's view of each shipment: what it needs to carry and deliver the parcel, no more. */
async function carrierViewsOf(db: Reader, shipments: readonly ShipmentsTable[]): Promise<CarrierShipment[]> {
  if (shipments.length === 0) return [];
  const ids = shipments.map((s) => s.id);
  const [returns, units, events, sites] = await Promise.all([
    findReturnsForCarrier(db, [...new Set(shipments.map((s) => s.rma_id))]),
    db
      .selectFrom('shipment_lines')
      .select(['shipment_id', (eb) => eb.fn.sum<number>('quantity').as('units')])
      .where('shipment_id', 'in', ids)
      .groupBy('shipment_id')
      .execute(),
    db
      .selectFrom('tracking_events')
      .selectAll()
      .where('shipment_id', 'in', ids)
      .orderBy('occurred_at', 'desc')
      .orderBy('received_at', 'desc')
      .orderBy('id', 'desc')
      .execute(),
    deliverToOf(db, shipments),
  ]);
  return shipments.map((s) => {
    const latest = events.find((event) => event.shipment_id === s.id);
    return {
      id: s.id,
      trackingNumber: s.tracking_number,
      carrierCode: s.carrier_code,
      service: s.service,
      rmaNumber: returns.get(s.rma_id)?.rmaNumber ?? '',
      shipFromRegion: returns.get(s.rma_id)?.shipFromRegion ?? '',
      deliverTo: s.expected_site_id ? (sites.get(s.expected_site_id) ?? null) : null,
      units: Number(units.find((row) => row.shipment_id === s.id)?.units ?? 0),
      weightGrams: s.weight_grams,
      state: s.state,
      stateAt: s.state_at,
      latestEvent: latest ? eventView(latest) : null,
      createdAt: s.created_at,
      version: s.version,
    };
  });
}

async function deliverToOf(db: Reader, shipments: readonly ShipmentsTable[]) {
  const siteIds = [...new Set(shipments.flatMap((s) => (s.expected_site_id ? [s.expected_site_id] : [])))];
  const addresses = await Promise.all(siteIds.map((id) => findSiteAddress(db, id)));
  return new Map(
    addresses.flatMap((site) =>
      site
        ? [
            [
              site.id,
              {
                siteName: site.name,
                addressLine1: site.address_line1,
                city: site.city,
                region: site.region,
                postalCode: site.postal_code,
                country: site.country,
              },
            ] as const,
          ]
        : [],
    ),
  );
}

function eventView(row: TrackingEventsTable) {
  return {
    state: row.state,
    carrierStatus: row.carrier_status,
    occurredAt: row.occurred_at,
    location: row.location,
    description: row.description,
    outcome: row.outcome,
  };
}
