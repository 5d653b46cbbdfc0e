// Dock appointments' tables: a site's dock doors, their time slots, and the appointments carriers
// book into them. Times are ISO-8601 UTC text. A slot's `booked` is kept in the same transaction as
// the appointment that takes or gives back its place, and only ever raised by a guarded UPDATE
// (`booked < capacity`), with CHECK (booked <= capacity) behind it: a slot cannot be overbooked.
import type { DockAppointmentStatus } from '../../contracts/docks.js';
import type { Flag, VersionedRow } from '../../platform/db/kernel-tables.js';

export interface DockDoorsTable extends VersionedRow {
  id: string;
  site_id: string;
  /** Unique per site, e.g. "D2": what is painted above the door. */
  code: string;
  name: string;
  is_active: Flag;
}

export interface DockSlotsTable extends VersionedRow {
  id: string;
  door_id: string;
  site_id: string;
  starts_at: string;
  ends_at: string;
  /** Appointments (trucks) the slot takes; pallets are not counted against it. */
  capacity: number;
  /** Appointments holding a place in the slot (booked, checked in or completed). */
  booked: number;
}

export interface DockAppointmentsTable extends VersionedRow {
  id: string;
  slot_id: string;
  site_id: string;
  carrier: string;
  /** What the carrier brings: a tracking number, an RMA number, a bill of lading. */
  reference: string;
  rma_id: string | null;
  expected_units: number | null;
  expected_pallets: number | null;
  note: string;
  status: DockAppointmentStatus;
  /** Chain of custody: when the carrier was checked in at the dock, and by whom. */
  checked_in_at: string | null;
  checked_in_by: string | null;
  checked_in_by_id: string | null;
  /** When the appointment reached completed, cancelled or no_show, by whom, and why (cancel). */
  closed_at: string | null;
  closed_by: string | null;
  cancel_reason: string | null;
  created_by: string;
  created_by_id: string;
}

export interface DockTables {
  dock_doors: DockDoorsTable;
  dock_slots: DockSlotsTable;
  dock_appointments: DockAppointmentsTable;
}
