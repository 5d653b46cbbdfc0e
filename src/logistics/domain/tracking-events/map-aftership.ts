// AfterShip trackings — the `msg` of a tracking_update webhook, or the `data.tracking` of a v4 API
// response — read into tracking events, one per checkpoint. The tracking's own tag summarises
// its checkpoints and becomes an event only when there are none (dated `last_updated_at`).
// Consequence worth knowing: a merchant's "mark as completed" sets the tracking's tag
// (MarkAsCompletedResult: Exception_013 "Shipment lost" over checkpoints ending Delivered) and is
// not a carrier scan, so it does not override the checkpoints.
//
// `checkpoint_time` is the scan's local time and sometimes comes without an offset. Such times
// are read as UTC: UpdateTrackingResult and GetTrackingsResult carry the same FedEx scans, one
// without offsets and one with -04:00, and the offset-less times are exactly the UTC instants.
import { z } from 'zod';
import {
  byOccurrence,
  describeIssues,
  isPlainObject,
  joinLocation,
  optionalText,
  providerError,
  providerInstant,
  scanEventId,
  stateFor,
  unreadable,
  type ShipmentState,
  type TrackingEvent,
  type TrackingPayloadReading,
} from './tracking-event.js';

/** AfterShip's tags (delivery statuses) in Boomerang's words; any other tag reads as `unknown`. */
export const AFTERSHIP_TAGS: Readonly<Record<string, ShipmentState>> = {
  // Added to AfterShip, nothing from the carrier yet.
  Pending: 'unknown',
  InfoReceived: 'pre_transit',
  InTransit: 'in_transit',
  OutForDelivery: 'out_for_delivery',
  // Waiting at a pick-up point: the last mile, not yet in the recipient's hands.
  AvailableForPickup: 'out_for_delivery',
  AttemptFail: 'exception',
  Exception: 'exception',
  // No tracking information for 30 days: a return that never moved needs a person.
  Expired: 'exception',
  Delivered: 'delivered',
};

/** Subtags more precise than their tag. "Returning to sender" (Exception_010) is still on its way: exception. */
const AFTERSHIP_SUBTAGS: Readonly<Record<string, ShipmentState>> = { Exception_011: 'returned_to_sender' };

export function aftershipState(tag: string, subtag: string | undefined): ShipmentState {
  return stateFor(AFTERSHIP_SUBTAGS, subtag) ?? stateFor(AFTERSHIP_TAGS, tag) ?? 'unknown';
}

const CheckpointSchema = z.object({
  checkpoint_time: providerInstant,
  tag: z.string().min(1),
  subtag: optionalText,
  message: optionalText,
  location: optionalText,
  city: optionalText,
  state: optionalText,
  zip: optionalText,
  country_name: optionalText,
  country_iso3: optionalText,
});
type Checkpoint = z.infer<typeof CheckpointSchema>;

const TrackingSchema = z.object({
  tracking_number: z.string().trim().min(1),
  slug: z.string().trim().min(1),
  tag: optionalText,
  subtag: optionalText,
  subtag_message: optionalText,
  last_updated_at: providerInstant.nullish(),
  updated_at: providerInstant.nullish(),
  checkpoints: z.array(CheckpointSchema).nullish(),
});
type Tracking = z.infer<typeof TrackingSchema>;

/** GET /last_checkpoint: one checkpoint beside the tracking's number and courier. */
const LastCheckpointSchema = z.object({
  tracking_number: z.string().trim().min(1),
  slug: z.string().trim().min(1),
  checkpoint: CheckpointSchema,
});

const MetaSchema = z.object({ code: z.number(), message: optionalText, type: optionalText });

/** An AfterShip webhook body or v4 API response read into tracking events. */
export function readAfterShipPayload(body: unknown): TrackingPayloadReading {
  if (!isPlainObject(body)) return unreadable('not an AfterShip payload: the body is not a JSON object');
  if ('msg' in body) {
    if (body.event !== undefined && body.event !== 'tracking_update') {
      return {
        kind: 'not_about_tracking',
        reason: `AfterShip webhook ${JSON.stringify(body.event)} is not a tracking update`,
      };
    }
    return readAfterShipTracking(body.msg);
  }
  if (!('meta' in body)) return unreadable('not an AfterShip webhook (msg) or API response (meta, data)');

  const meta = MetaSchema.safeParse(body.meta);
  if (!meta.success) return unreadable(`AfterShip response has an unreadable meta: ${describeIssues(meta.error)}`);
  const { code, type, message } = meta.data;
  if (code < 200 || code >= 300) {
    return providerError(`AfterShip error ${code}${type ? ` ${type}` : ''}: ${message ?? 'no message given'}`);
  }
  const data = isPlainObject(body.data) ? body.data : {};
  if ('tracking' in data) return readAfterShipTracking(data.tracking);
  if ('checkpoint' in data) {
    const last = LastCheckpointSchema.safeParse(data);
    if (!last.success) return unreadable(`AfterShip last checkpoint cannot be read: ${describeIssues(last.error)}`);
    return { kind: 'events', events: [checkpointEvent(last.data, last.data.checkpoint)] };
  }
  const fields = Object.keys(data).join(', ') || 'nothing';
  return { kind: 'not_about_tracking', reason: `AfterShip response carries no tracking (its data has ${fields})` };
}

/** One AfterShip tracking object (for example one of GET /trackings' `data.trackings`). */
export function readAfterShipTracking(body: unknown): TrackingPayloadReading {
  const parsed = TrackingSchema.safeParse(body);
  if (!parsed.success) return unreadable(`AfterShip tracking cannot be read: ${describeIssues(parsed.error)}`);
  const tracking = parsed.data;
  if (tracking.checkpoints && tracking.checkpoints.length > 0) {
    return { kind: 'events', events: byOccurrence(tracking.checkpoints.map((c) => checkpointEvent(tracking, c))) };
  }
  const summaryAt = tracking.last_updated_at ?? tracking.updated_at;
  if (!tracking.tag || !summaryAt) return { kind: 'events', events: [] };
  const summary = {
    checkpoint_time: summaryAt,
    tag: tracking.tag,
    subtag: tracking.subtag,
    message: tracking.subtag_message,
  };
  return { kind: 'events', events: [checkpointEvent(tracking, summary)] };
}

function checkpointEvent(
  tracking: Pick<Tracking, 'tracking_number' | 'slug'>,
  checkpoint: Pick<Checkpoint, 'checkpoint_time' | 'tag' | 'subtag' | 'message'> & Partial<Checkpoint>,
): TrackingEvent {
  const fields = {
    carrier: tracking.slug.toLowerCase(),
    trackingNumber: tracking.tracking_number,
    carrierStatus: checkpoint.subtag ?? checkpoint.tag,
    occurredAt: checkpoint.checkpoint_time,
    location:
      checkpoint.location ??
      joinLocation(
        checkpoint.city,
        checkpoint.state,
        checkpoint.zip,
        checkpoint.country_name ?? checkpoint.country_iso3,
      ),
    description: checkpoint.message,
  };
  return {
    eventId: scanEventId('aftership', fields),
    status: aftershipState(checkpoint.tag, checkpoint.subtag),
    ...fields,
  };
}
