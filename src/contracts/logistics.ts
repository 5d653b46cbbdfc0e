// Inbound transport: shipments that bring a return's goods back, and their tracking.
import { z } from 'zod';

/**
 * Where a parcel is, in the business's words. `unknown` is a shipment before any carrier scan, and
 * what a carrier status we cannot place says (such events are kept, never change the state).
 */
export const SHIPMENT_STATES = [
  'unknown',
  'pre_transit',
  'in_transit',
  'out_for_delivery',
  'exception',
  'delivered',
  'returned_to_sender',
] as const;
export const ShipmentStateSchema = z.enum(SHIPMENT_STATES);
export type ShipmentState = z.infer<typeof ShipmentStateSchema>;

export const CreateShipmentBodySchema = z.strictObject({
  /** As printed on the label; spaces are fine. The carrier is recognised from it. */
  trackingNumber: z.string().trim().min(4, 'enter the tracking number').max(60),
  /** Only when the number fits several carriers' formats, or to check it against one carrier. */
  carrierCode: z.string().trim().min(1).max(40).optional(),
  service: z.string().trim().max(80).default(''),
  weightGrams: z.number().int().min(1).max(10_000_000).optional(),
  /** Which units travel in this shipment; by default everything of the return not yet shipped. */
  lines: z
    .array(z.strictObject({ rmaLineId: z.string().min(1).max(64), quantity: z.number().int().min(1).max(1_000_000) }))
    .min(1)
    .max(500)
    .optional(),
});
export type CreateShipmentRequest = z.output<typeof CreateShipmentBodySchema>;

export const TrackingEventViewSchema = z.object({
  state: ShipmentStateSchema,
  carrierStatus: z.string(),
  occurredAt: z.string(),
  location: z.string(),
  description: z.string(),
  /** 'applied', or why the event did not change the state (it arrived late, it says nothing new). */
  outcome: z.string(),
});

export const ShipmentSchema = z.object({
  id: z.string(),
  rmaId: z.string(),
  carrierCode: z.string(),
  carrierName: z.string(),
  service: z.string(),
  trackingNumber: z.string(),
  expectedSiteId: z.string().nullable(),
  weightGrams: z.number().int().nullable(),
  state: ShipmentStateSchema,
  stateAt: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
  version: z.number().int(),
  lines: z.array(z.object({ rmaLineId: z.string(), quantity: z.number().int() })),
  /** Newest first. */
  events: z.array(TrackingEventViewSchema),
});
export type Shipment = z.infer<typeof ShipmentSchema>;

/** What a tracking webhook did: how many events it carried, applied, and the shipments it moved. */
export const TrackingWebhookResultSchema = z.object({
  received: z.number().int(),
  applied: z.number().int(),
  ignored: z.number().int(),
  /** Events about tracking numbers we do not know (another system's parcels): acknowledged, not kept. */
  unmatched: z.number().int(),
});
export type TrackingWebhookResult = z.infer<typeof TrackingWebhookResultSchema>;
