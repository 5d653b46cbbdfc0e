// EasyPost webhook bodies (an Event whose `result` is a Tracker) and Tracker objects, read into
// tracking events.
//
// One event per entry of the tracker's `tracking_details`, not one for the tracker's `status`:
// every tracker.updated repeats the whole history, so a missed or late delivery is made good by
// the next one, and the scans' own times order them. The tracker's status is the summary of those
// entries; it becomes an event only when there are no entries yet (dated the tracker's
// `updated_at`), so a shipment is never without the state EasyPost reports.
import { z } from 'zod';
import {
  byOccurrence,
  describeIssues,
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

/** EasyPost's tracker statuses in Boomerang's words; any other status reads as `unknown`. */
export const EASYPOST_STATUSES: Readonly<Record<string, ShipmentState>> = {
  unknown: 'unknown',
  pre_transit: 'pre_transit',
  in_transit: 'in_transit',
  out_for_delivery: 'out_for_delivery',
  // Waiting at a pick-up point: the last mile, not yet in the recipient's hands.
  available_for_pickup: 'out_for_delivery',
  delivered: 'delivered',
  return_to_sender: 'returned_to_sender',
  failure: 'exception',
  // A cancelled label will not travel: someone has to look at the return.
  cancelled: 'exception',
  // EasyPost could not get tracking from the carrier: says nothing about the parcel.
  error: 'unknown',
};

const TRACKER_EVENTS = new Set(['tracker.created', 'tracker.updated']);

const TrackingDetailSchema = z.object({
  status: z.string().min(1),
  status_detail: optionalText,
  message: optionalText,
  description: optionalText,
  datetime: providerInstant,
  tracking_location: ProviderLocationSchema,
});

const TrackerSchema = z.object({
  object: z.literal('Tracker'),
  tracking_code: z.string().trim().min(1),
  carrier: z.string().trim().min(1),
  status: z.string().min(1),
  status_detail: optionalText,
  updated_at: providerInstant,
  tracking_details: z.array(TrackingDetailSchema).nullish(),
});

const EventSchema = z.object({
  object: z.literal('Event'),
  id: z.string().min(1),
  description: z.string().min(1),
  result: z.unknown().optional(),
});

/** EasyPost's API error body: `{ "error": { "code", "message", "errors": [{ "field", "message" }] } }`. */
const ErrorBodySchema = z.object({
  error: z.object({
    code: z.string().optional(),
    message: z.string().min(1),
    errors: z.array(z.object({ field: z.string().optional(), message: z.string().optional() })).optional(),
  }),
});

/** A webhook body (an EasyPost Event) read into tracking events. */
export function readEasyPostWebhook(body: unknown): TrackingPayloadReading {
  const event = EventSchema.safeParse(body);
  if (!event.success) return notAnEvent(body, event.error);
  const { id, description, result } = event.data;
  if (!TRACKER_EVENTS.has(description)) {
    return { kind: 'not_about_tracking', reason: `EasyPost event ${id} is ${description}, not a tracker event` };
  }
  if (result === undefined || result === null) {
    // Events read back through the API (GET /events) come without it; webhook deliveries carry it.
    return unreadable(`EasyPost event ${id} (${description}) carries no result Tracker to read`);
  }
  return readEasyPostTracker(result, `EasyPost event ${id} (${description})`);
}

/** A Tracker object (an Event's `result`, or a response of the trackers API) read into tracking events. */
export function readEasyPostTracker(body: unknown, what = 'EasyPost Tracker'): TrackingPayloadReading {
  const tracker = TrackerSchema.safeParse(body);
  if (!tracker.success) return unreadable(`${what} cannot be read: ${describeIssues(tracker.error)}`);
  const { tracking_code, status, status_detail, updated_at, tracking_details } = tracker.data;
  const carrier = tracker.data.carrier.toLowerCase();
  const scans =
    tracking_details && tracking_details.length > 0
      ? tracking_details.map((detail) => ({
          status: detail.status,
          status_detail: detail.status_detail,
          occurredAt: detail.datetime,
          description: detail.message ?? detail.description,
          location: joinLocation(
            detail.tracking_location?.city,
            detail.tracking_location?.state,
            detail.tracking_location?.zip,
            detail.tracking_location?.country,
          ),
        }))
      : [{ status, status_detail, occurredAt: updated_at, description: undefined, location: undefined }];

  const events = scans.map((scan): TrackingEvent => {
    const fields = {
      carrier,
      trackingNumber: tracking_code,
      carrierStatus: scan.status_detail ? `${scan.status}/${scan.status_detail}` : scan.status,
      occurredAt: scan.occurredAt,
      location: scan.location,
      description: scan.description,
    };
    return {
      eventId: scanEventId('easypost', fields),
      status: stateFor(EASYPOST_STATUSES, scan.status) ?? 'unknown',
      ...fields,
    };
  });
  return { kind: 'events', events: byOccurrence(events) };
}

function notAnEvent(body: unknown, issues: z.ZodError): TrackingPayloadReading {
  const error = ErrorBodySchema.safeParse(body);
  if (error.success) {
    const { code, message, errors } = error.data.error;
    const details = (errors ?? []).map((e) => [e.field, e.message].filter(Boolean).join(': ')).filter(Boolean);
    return providerError(
      `EasyPost error${code ? ` ${code}` : ''}: ${message}${details.length ? ` (${details.join('; ')})` : ''}`,
    );
  }
  return unreadable(`not an EasyPost Event: ${describeIssues(issues)}`);
}
