// What a carrier partner's users and keys see of the shipments it carries, and the tracking event
// they report by hand or from their own system. Built field by field on the server: no prices, no
// customer's name or contact, no internal record ids beyond the shipment's own.
import { z } from 'zod';
import { PageQuerySchema } from './common.js';
import { ShipmentStateSchema, TrackingEventViewSchema } from './logistics.js';

export const CarrierShipmentQuerySchema = PageQuerySchema.extend({
  /** Only shipments in this state. */
  state: ShipmentStateSchema.optional(),
  /** Part of a tracking number (spaces and case do not matter). */
  q: z.string().trim().max(60).optional(),
});
export type CarrierShipmentQuery = z.output<typeof CarrierShipmentQuerySchema>;

/** Where the goods go: our receiving site's name and postal address. */
export const DeliverToSchema = z.object({
  siteName: z.string(),
  addressLine1: z.string(),
  city: z.string(),
  region: z.string(),
  postalCode: z.string(),
  country: z.string(),
});

export const CarrierShipmentSchema = z.object({
  id: z.string(),
  trackingNumber: z.string(),
  carrierCode: z.string(),
  service: z.string(),
  /** The return's number, as printed on the label. */
  rmaNumber: z.string(),
  /** The region (state, county) the goods come from: the customer's, no more of them. */
  shipFromRegion: z.string(),
  /** Null until the return has a site to go to. */
  deliverTo: DeliverToSchema.nullable(),
  units: z.number().int(),
  weightGrams: z.number().int().nullable(),
  state: ShipmentStateSchema,
  stateAt: z.string().nullable(),
  /** The newest scan by when it happened, whoever reported it. */
  latestEvent: TrackingEventViewSchema.nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type CarrierShipment = z.infer<typeof CarrierShipmentSchema>;

export const CarrierShipmentDetailSchema = CarrierShipmentSchema.extend({
  /** Every scan, newest first, with what it did to the shipment. */
  events: z.array(TrackingEventViewSchema),
});
export type CarrierShipmentDetail = z.infer<typeof CarrierShipmentDetailSchema>;

/** A state a carrier can report: `unknown` says nothing, so nobody reports it by hand. */
export const ReportableStateSchema = ShipmentStateSchema.exclude(['unknown']);
export const REPORTABLE_STATES = ReportableStateSchema.options;

/**
 * One scan of one of the carrier's own parcels. Applied by the same rules as its webhook's events:
 * an older scan arriving late never moves the shipment backwards, and the same scan sent twice (the
 * same `eventId`, or without one the same status, time, place and words) is applied once.
 */
export const ReportCarrierEventBodySchema = z.strictObject({
  status: ReportableStateSchema,
  /** When the scan happened: ISO 8601 with a UTC offset (`Z` or `+02:00`); not in the future. */
  occurredAt: z.iso.datetime({ offset: true, error: 'a date and time with its UTC offset, e.g. 2026-11-26T14:05:00Z' }),
  location: z.string().trim().min(1, 'say where the scan happened').max(200),
  description: z.string().trim().max(500).default(''),
  /** The carrier's own status code, if it has one; by default the status itself. */
  carrierStatus: z.string().trim().min(1).max(200).optional(),
  /** The carrier's id for this scan, when its system has one: a resend with it is applied once. */
  eventId: z.string().trim().min(1).max(200).optional(),
});
export type ReportCarrierEventBody = z.output<typeof ReportCarrierEventBodySchema>;

export const CarrierEventResultSchema = z.object({
  /** 'applied', 'already seen', or why it did not change the shipment (it arrived late…). */
  outcome: z.string(),
  shipment: CarrierShipmentDetailSchema,
});
export type CarrierEventResult = z.infer<typeof CarrierEventResultSchema>;
