// The carrier-neutral tracking event every provider payload is read into, the generic JSON format
// a carrier integration without a provider of its own posts to us, and the small helpers the
// provider readers (map-easypost.ts, map-shippo.ts, map-aftership.ts) share.
import { createHash } from 'node:crypto';
import { z } from 'zod';

// The states are the API's words (contracts/logistics.ts), shared with the web app: `unknown` is a
// shipment before any scan, and what a provider status we cannot place says — such events are kept
// (their raw status stays in `carrierStatus`) but never change a shipment's state, so a provider
// adding a status cannot make us refuse its webhook, nor guess where the parcel is.
import { SHIPMENT_STATES, type ShipmentState } from '../../../contracts/logistics.js';
export { SHIPMENT_STATES, type ShipmentState };

/** One scan of one parcel, whichever provider reported it. */
export interface TrackingEvent {
  /** Stable for the same scan however often, and through whichever delivery, it arrives. */
  readonly eventId: string;
  /** The carrier as the provider names it, lower-cased: `usps`, `fedex`, `ups`, `dhl`… */
  readonly carrier: string;
  readonly trackingNumber: string;
  readonly status: ShipmentState;
  /** The provider's own status, unmapped (`in_transit/arrived_at_facility`, `TRANSIT`, `InTransit_002`). */
  readonly carrierStatus: string;
  /** When the scan happened, ISO 8601 in UTC (`2024-07-31T15:00:00.000Z`). */
  readonly occurredAt: string;
  /** Where, as a person reads it: `ORLANDO, FL, 32809, US`. */
  readonly location?: string;
  /** What the carrier said: `Arrived at FedEx location`. */
  readonly description?: string;
}

/**
 * What reading a provider's payload gave: events (possibly none — a tracking the carrier knows
 * nothing about yet), a well-formed payload about something else (acknowledge it, track nothing),
 * or an error that says what was wrong.
 */
export type TrackingPayloadReading =
  | { readonly kind: 'events'; readonly events: readonly TrackingEvent[] }
  | { readonly kind: 'not_about_tracking'; readonly reason: string }
  | { readonly kind: 'error'; readonly error: 'provider_error' | 'unreadable_payload'; readonly message: string };

const eventId = z.string().trim().min(1).max(200);
const carrierCode = z
  .string()
  .max(50)
  .regex(/^[a-z0-9][a-z0-9_-]*$/, 'a lower-case carrier code: letters, digits, "_" and "-"');

/**
 * A tracking event in Boomerang's generic format: what a carrier integration posts to us when
 * the carrier is not reached through EasyPost, Shippo or AfterShip. Unknown fields are refused.
 *
 * ```json
 * {
 *   "eventId": "dhl-scan-81723",
 *   "carrier": "dhl",
 *   "trackingNumber": "JD014600006281230704",
 *   "status": "in_transit",
 *   "carrierStatus": "PU",
 *   "occurredAt": "2024-08-02T14:05:00+02:00",
 *   "location": "Leipzig, DE",
 *   "description": "Shipment picked up"
 * }
 * ```
 */
export const GenericTrackingEventSchema = z.strictObject({
  /** Your id for this scan, unique per tracking number. Send the same id when you resend the same
   * scan: Boomerang applies each id once, so retries and replays change nothing. */
  eventId,
  /** The carrier's code, lower-case: `dhl`, `postnl`, `royal-mail`. */
  carrier: carrierCode,
  /** The tracking number as printed on the label. */
  trackingNumber: z.string().trim().min(1).max(64),
  /** Where the parcel is now, in Boomerang's words: `pre_transit` (label made, not yet handed
   * over), `in_transit`, `out_for_delivery` (including waiting at a pick-up point), `exception`
   * (delayed, failed attempt, held, damaged, lost: a person should look), `delivered`,
   * `returned_to_sender`, or `unknown` (a scan you cannot place; it is kept but moves nothing). */
  status: z.enum(SHIPMENT_STATES),
  /** The carrier's own status code or text, unmapped, for people and audits. */
  carrierStatus: z.string().trim().min(1).max(200),
  /** When the scan happened: ISO 8601 with a UTC offset (`Z` or `+02:00`). Order is decided by
   * this time, not by arrival: a late, older scan never moves a shipment backwards. */
  occurredAt: z.iso.datetime({ offset: true }).transform((text) => new Date(text).toISOString()),
  /** Where the scan happened, as a person reads it. */
  location: z.string().trim().min(1).max(200).optional(),
  /** What the carrier said about it. */
  description: z.string().trim().min(1).max(500).optional(),
});

/** The body a carrier integration posts: one or more events, in any order. */
export const GenericTrackingPayloadSchema = z.strictObject({
  events: z.array(GenericTrackingEventSchema).min(1).max(500),
});

/** Reads a generic-format body into tracking events, or says which fields are wrong. */
export function readGenericTrackingPayload(body: unknown): TrackingPayloadReading {
  const parsed = GenericTrackingPayloadSchema.safeParse(body);
  if (!parsed.success)
    return unreadable(`not a tracking payload in the generic format: ${describeIssues(parsed.error)}`);
  return { kind: 'events', events: byOccurrence(parsed.data.events) };
}

// ── Shared by the provider readers ────────────────────────────────────────────────────────────

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i;
const HAS_OFFSET = /(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * A provider's timestamp as an ISO 8601 instant in UTC. A time without an offset is read as UTC,
 * not as this server's local time (which `Date.parse` would do): see map-aftership.ts for the
 * provider that sends such times and the evidence that they are UTC.
 */
export const providerInstant = z.string().transform((text, ctx) => {
  const trimmed = text.trim();
  const millis = ISO_DATE_TIME.test(trimmed) ? Date.parse(HAS_OFFSET.test(trimmed) ? trimmed : `${trimmed}Z`) : NaN;
  if (Number.isNaN(millis)) {
    ctx.addIssue({ code: 'custom', message: `"${text}" is not an ISO 8601 date-time` });
    return z.NEVER;
  }
  return new Date(millis).toISOString();
});

/** A scan's place as EasyPost and Shippo both send it: each part optional, the whole may be null. */
export const ProviderLocationSchema = z
  .object({
    city: z.string().nullish(),
    state: z.string().nullish(),
    zip: z.string().nullish(),
    country: z.string().nullish(),
  })
  .nullish();

/** Optional text a provider sends as null, "" or absent alike. */
export const optionalText = z
  .string()
  .nullish()
  .transform((text) => (text?.trim() ? text.trim() : undefined));

/**
 * An id derived from what a scan says, so the same scan gets the same id whichever delivery
 * brings it. Providers' own ids are not stable enough: EasyPost's event id names a notification
 * (each repeats the whole history), and Shippo gives the same scan a new `object_id` in every
 * response (compare track_test_create and track_test_get_status in the shared samples).
 */
export function scanEventId(provider: string, scan: Omit<TrackingEvent, 'eventId' | 'status'>): string {
  const fields = [
    scan.carrier,
    scan.trackingNumber,
    scan.occurredAt,
    scan.carrierStatus,
    scan.location ?? '',
    scan.description ?? '',
  ];
  return `${provider}:${createHash('sha256').update(fields.join('\u001f')).digest('hex').slice(0, 32)}`;
}

/**
 * A provider's word looked up in its table. Own keys only: a status such as "constructor" must
 * read as unmapped, not reach Object.prototype.
 */
export function stateFor(
  table: Readonly<Record<string, ShipmentState>>,
  word: string | undefined,
): ShipmentState | undefined {
  return word !== undefined && Object.hasOwn(table, word) ? table[word] : undefined;
}

/** Places joined as a person reads them, skipping the parts a provider left empty. */
export function joinLocation(...parts: Array<string | null | undefined>): string | undefined {
  const present = parts.map((part) => part?.trim()).filter((part): part is string => Boolean(part));
  return present.length > 0 ? present.join(', ') : undefined;
}

/** Oldest first; scans at the same instant keep the provider's order (the sort is stable). */
export function byOccurrence<T extends { occurredAt: string }>(events: readonly T[]): T[] {
  return [...events].sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt));
}

/** Zod's issues as one line: `result.tracking_details.2.datetime: "yesterday" is not…`. */
export function describeIssues(error: z.ZodError): string {
  const described = error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(body)'}: ${issue.message}`);
  const more = error.issues.length > 5 ? ` (and ${error.issues.length - 5} more)` : '';
  return described.join('; ') + more;
}

export function unreadable(message: string): TrackingPayloadReading {
  return { kind: 'error', error: 'unreadable_payload', message };
}

export function providerError(message: string): TrackingPayloadReading {
  return { kind: 'error', error: 'provider_error', message };
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
