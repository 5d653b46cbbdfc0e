// Shippo Track objects — the `data` of a track_updated webhook, or a /tracks response — read into
// tracking events, one per `tracking_history` entry. As with EasyPost, the history is repeated
// whole in every delivery, and `tracking_status` is its summary: it becomes an event only when
// the history is empty. Shippo's error bodies (field errors, `detail`, an HTML error page) give
// a provider error that quotes what Shippo said.
import { z } from 'zod';
import {
  byOccurrence,
  describeIssues,
  isPlainObject,
  joinLocation,
  optionalText,
  ProviderLocationSchema,
  providerError,
  providerInstant,
  scanEventId,
  stateFor,
  unreadable,
  type ShipmentState,
  type TrackingEvent,
  type TrackingPayloadReading,
} from './tracking-event.js';

/** Shippo's tracking statuses in Boomerang's words; any other status reads as `unknown`. */
export const SHIPPO_STATUSES: Readonly<Record<string, ShipmentState>> = {
  // Shippo's UNKNOWN covers "electronic information received, awaiting the item": the carrier
  // has not seen the parcel, so it says nothing about where it is.
  UNKNOWN: 'unknown',
  PRE_TRANSIT: 'pre_transit',
  TRANSIT: 'in_transit',
  DELIVERED: 'delivered',
  // "Being returned or returned to sender": either way it will not reach its destination.
  RETURNED: 'returned_to_sender',
  FAILURE: 'exception',
};

/**
 * Newer Shippo responses say "out for delivery" as a substatus of TRANSIT. Older ones (like the
 * shared USPS sample) say it only in free text, which we do not parse: such a scan stays in_transit.
 */
const SHIPPO_SUBSTATUSES: Readonly<Record<string, ShipmentState>> = { out_for_delivery: 'out_for_delivery' };

const TrackingStatusSchema = z.object({
  status: z.string().min(1),
  status_details: optionalText,
  status_date: providerInstant,
  substatus: z.object({ code: z.string().min(1) }).nullish(),
  location: ProviderLocationSchema,
});

const TrackSchema = z.object({
  carrier: z.string().trim().min(1),
  tracking_number: z.string().trim().min(1),
  // The summary may come without a date while the carrier has nothing yet.
  tracking_status: TrackingStatusSchema.extend({ status_date: providerInstant.nullish() }).nullish(),
  tracking_history: z.array(TrackingStatusSchema).nullish(),
});

const WebhookSchema = z.object({ event: z.string().min(1), data: z.unknown() });

/** Shippo's validation errors: `{ "carrier": ["Invalid value specified for provider 'X'"] }`. */
const FieldErrorsSchema = z.record(z.string(), z.array(z.string()).min(1));

/** A Shippo webhook body or Track object read into tracking events. */
export function readShippoPayload(body: unknown): TrackingPayloadReading {
  if (isPlainObject(body) && 'event' in body && 'data' in body) {
    const webhook = WebhookSchema.safeParse(body);
    if (!webhook.success) return unreadable(`not a Shippo webhook: ${describeIssues(webhook.error)}`);
    if (webhook.data.event !== 'track_updated') {
      return { kind: 'not_about_tracking', reason: `Shippo webhook ${webhook.data.event} is not about tracking` };
    }
    return readShippoTrack(webhook.data.data);
  }
  return readShippoTrack(body);
}

function readShippoTrack(body: unknown): TrackingPayloadReading {
  const track = TrackSchema.safeParse(body);
  if (!track.success) return shippoError(body) ?? unreadable(`not a Shippo Track: ${describeIssues(track.error)}`);
  const { carrier, tracking_number, tracking_status, tracking_history } = track.data;
  const summary = tracking_status?.status_date
    ? { ...tracking_status, status_date: tracking_status.status_date }
    : null;
  const history = tracking_history && tracking_history.length > 0 ? tracking_history : summary ? [summary] : [];

  const events = history.map((entry): TrackingEvent => {
    const substatus = entry.substatus?.code;
    const fields = {
      carrier: carrier.toLowerCase(),
      trackingNumber: tracking_number,
      carrierStatus: substatus ? `${entry.status}/${substatus}` : entry.status,
      occurredAt: entry.status_date,
      location: joinLocation(entry.location?.city, entry.location?.state, entry.location?.zip, entry.location?.country),
      description: entry.status_details,
    };
    const status = stateFor(SHIPPO_SUBSTATUSES, substatus) ?? stateFor(SHIPPO_STATUSES, entry.status) ?? 'unknown';
    return { eventId: scanEventId('shippo', fields), status, ...fields };
  });
  return { kind: 'events', events: byOccurrence(events) };
}

function shippoError(body: unknown): TrackingPayloadReading | undefined {
  if (typeof body === 'string' && body.trim() !== '') {
    // What Shippo's web server answers for an unknown URL, e.g. a tracking number it cannot route.
    const text = body
      .replace(/<\/h\d>/gi, ': ')
      .replace(/<[^>]*>/g, ' ')
      .replace(/\s+/g, ' ')
      .replace(/\s+:/g, ':')
      .trim();
    return providerError(`Shippo answered with a page, not a Track: ${text}`);
  }
  if (!isPlainObject(body)) return undefined;
  if (typeof body.detail === 'string') return providerError(`Shippo: ${body.detail}`);
  const fieldErrors = FieldErrorsSchema.safeParse(body);
  if (fieldErrors.success && Object.keys(fieldErrors.data).length > 0) {
    const described = Object.entries(fieldErrors.data).map(([field, messages]) => `${field}: ${messages.join(' ')}`);
    return providerError(`Shippo refused the request: ${described.join('; ')}`);
  }
  return undefined;
}
