// Carrier tracking events move shipments through their states. Events for parcels we do not know
// are acknowledged and dropped (a provider account may track other parcels too); events we have
// seen change nothing; an older event arriving late never moves a shipment backwards
// (domain/tracking-events/shipment-state.ts). Each event is kept with what it did.
import type { ShipmentState, TrackingWebhookResult } from '../contracts/logistics.js';
import type { RequestContext } from '../platform/actor.js';
import { assertCan } from '../platform/access.js';
import { lockForTransaction } from '../platform/db/transaction-lock.js';
import { runInTransaction, type Platform, type Tx } from '../platform/unit-of-work.js';
import { applyTrackingEvents, type IgnoredBecause } from './domain/tracking-events/shipment-state.js';
import type { TrackingEvent } from './domain/tracking-events/tracking-event.js';
import { normalizeTrackingNumber } from './domain/tracking-numbers.js';
import type { ShipmentsTable, TrackingEventsTable } from './logistics.tables.js';

/**
 * Where the events came from: a provider's webhook, an integration posting the generic format, or
 * a carrier partner's own login reporting a scan of its parcel (`carrier`).
 */
export type TrackingSource = 'easypost' | 'shippo' | 'aftership' | 'generic' | 'carrier';

const OUTCOME: Record<IgnoredBecause, string> = {
  already_seen: 'already seen',
  status_unknown: 'status not mapped to a shipment state',
  after_final_state: 'arrived after the parcel was delivered or returned',
  earlier_stage: 'an earlier stage than the current one (arrived late)',
  not_newer: 'not newer than the current state',
};

export function recordTrackingEvents(
  platform: Platform,
  ctx: RequestContext,
  source: TrackingSource,
  events: readonly TrackingEvent[],
): Promise<TrackingWebhookResult> {
  assertCan(ctx.actor, 'tracking.report');
  return runInTransaction(platform, ctx, (tx) => applyEvents(tx, source, events));
}

async function applyEvents(tx: Tx, source: TrackingSource, events: readonly TrackingEvent[]) {
  const byNumber = new Map<string, TrackingEvent[]>();
  for (const event of events) {
    const number = normalizeTrackingNumber(event.trackingNumber);
    byNumber.set(number, [...(byNumber.get(number) ?? []), event]);
  }
  const shipments =
    byNumber.size === 0
      ? []
      : await tx.db
          .selectFrom('shipments')
          .selectAll()
          .where('tracking_number', 'in', [...byNumber.keys()])
          .execute();
  const result: TrackingWebhookResult = { received: events.length, applied: 0, ignored: 0, unmatched: 0 };
  for (const [number, numberEvents] of byNumber) {
    const matching = shipments.filter((s) => s.tracking_number === number);
    if (matching.length === 0) result.unmatched += numberEvents.length;
    for (const shipment of matching) {
      const { applied, ignored } = await applyTrackingToShipment(tx, source, shipment, numberEvents);
      result.applied += applied;
      result.ignored += ignored;
    }
  }
  return result;
}

/**
 * The step every tracking event goes through, whoever reports it: one shipment's events applied by
 * the state rules, each kept with what it did (an event id already seen from the same source is
 * neither kept again nor applied). `outcomes` says, per event id, what became of it.
 */
export async function applyTrackingToShipment(
  tx: Tx,
  source: TrackingSource,
  shipment: ShipmentsTable,
  events: readonly TrackingEvent[],
): Promise<{ applied: number; ignored: number; outcomes: ReadonlyMap<string, string> }> {
  // One delivery at a time per shipment: a provider retrying while the first delivery runs must
  // find the first one's events.
  await lockForTransaction(tx, `tracking:${shipment.id}`);
  const current = await tx.db
    .selectFrom('shipments')
    .selectAll()
    .where('id', '=', shipment.id)
    .executeTakeFirstOrThrow();
  const seen = await tx.db
    .selectFrom('tracking_events')
    .select('event_id')
    .where('shipment_id', '=', shipment.id)
    .where('source', '=', source)
    .execute();
  const update = applyTrackingEvents(
    { state: current.state, lastEventAt: current.state_at, seenEventIds: seen.map((row) => row.event_id) },
    events,
  );
  const outcomes = new Map<TrackingEvent, string>([
    ...update.applied.map((event) => [event, 'applied'] as const),
    ...update.ignored
      .filter(({ because }) => because !== 'already_seen')
      .map(({ event, because }) => [event, OUTCOME[because]] as const),
  ]);
  const rows: TrackingEventsTable[] = [...outcomes].map(([event, outcome]) => ({
    id: tx.ids.next('tev'),
    shipment_id: shipment.id,
    source,
    event_id: event.eventId,
    state: event.status,
    carrier_status: event.carrierStatus,
    occurred_at: event.occurredAt,
    received_at: tx.now,
    location: event.location ?? '',
    description: event.description ?? '',
    outcome,
  }));
  if (rows.length > 0) await tx.db.insertInto('tracking_events').values(rows).execute();
  const next = update.tracking;
  if (next.state !== current.state || next.lastEventAt !== current.state_at) {
    await tx.db
      .updateTable('shipments')
      .set({ state: next.state, state_at: next.lastEventAt, version: current.version + 1, updated_at: tx.now })
      .where('id', '=', current.id)
      .execute();
    if (next.state !== current.state) announceStateChange(tx, current, next.state);
  }
  return {
    applied: update.applied.length,
    ignored: update.ignored.length,
    outcomes: new Map([
      ...update.ignored.map(({ event, because }) => [event.eventId, OUTCOME[because]] as const),
      ...update.applied.map((event) => [event.eventId, 'applied'] as const),
    ]),
  };
}

function announceStateChange(tx: Tx, shipment: ShipmentsTable, state: ShipmentState): void {
  tx.audit({
    entityType: 'shipment',
    entityId: shipment.id,
    streamId: shipment.rma_id,
    action: 'shipment.state_changed',
    before: { state: shipment.state },
    after: { state, carrier: shipment.carrier_name, trackingNumber: shipment.tracking_number },
  });
  tx.emit({
    type: 'shipment.state_changed',
    aggregateType: 'shipment',
    aggregateId: shipment.id,
    payload: { shipmentId: shipment.id, rmaId: shipment.rma_id, from: shipment.state, to: state },
  });
}
