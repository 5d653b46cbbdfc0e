// Logistics' tables: the shipments that bring a return's goods back, and their tracking events.
import type { VersionedRow } from '../platform/db/kernel-tables.js';
import type { ShipmentState } from '../contracts/logistics.js';

export interface ShipmentsTable extends VersionedRow {
  id: string;
  rma_id: string;
  carrier_code: string;
  carrier_name: string;
  /** The carrier's number format the tracking number matched (e.g. "UPS 1Z"). */
  tracking_format: string;
  service: string;
  /** Normalized: no spaces, upper case. */
  tracking_number: string;
  expected_site_id: string | null;
  weight_grams: number | null;
  state: ShipmentState;
  state_at: string | null;
  created_by: string;
  created_by_id: string;
}

/** The units of a return's lines that travel in a shipment. */
export interface ShipmentLinesTable {
  id: string;
  shipment_id: string;
  rma_id: string;
  rma_line_id: string;
  quantity: number;
}

export interface TrackingEventsTable {
  id: string;
  shipment_id: string;
  /** Who reported it: 'easypost', 'shippo', 'aftership', 'generic'. */
  source: string;
  event_id: string;
  state: ShipmentState;
  carrier_status: string;
  occurred_at: string;
  received_at: string;
  location: string;
  description: string;
  outcome: string;
}

export interface LogisticsTables {
  shipments: ShipmentsTable;
  shipment_lines: ShipmentLinesTable;
  tracking_events: TrackingEventsTable;
}
