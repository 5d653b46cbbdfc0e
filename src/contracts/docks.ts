// Dock appointments: a site's dock doors, their time slots, and the carriers booked into them.
// Times are ISO-8601 instants in UTC (sites carry no time zone yet); a slot's day is its UTC date.
// A slot's capacity counts appointments (trucks at the door at once), not pallets: pallets and
// units on an appointment are what the carrier announced, for planning labour, never a limit.
import { z } from 'zod';
import { IsoDateSchema } from './common.js';

export const DOCK_APPOINTMENT_STATUSES = ['booked', 'checked_in', 'completed', 'cancelled', 'no_show'] as const;
export const DockAppointmentStatusSchema = z.enum(DOCK_APPOINTMENT_STATUSES);
export type DockAppointmentStatus = z.infer<typeof DockAppointmentStatusSchema>;

/** Statuses whose appointment holds its place in the slot (the others gave it back). */
export const HOLDS_SLOT: readonly DockAppointmentStatus[] = ['booked', 'checked_in', 'completed'];

/** "HH:MM", 24-hour clock, 00:00–24:00 (24:00 is the end of the day). */
export const TimeOfDaySchema = z
  .string()
  .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'a time of day as HH:MM, e.g. 08:00');

const text = (max: number) => z.string().trim().max(max);

export const SiteParamsSchema = z.strictObject({ siteId: z.string().min(1).max(64) });
export const DayQuerySchema = z.strictObject({
  /** The UTC day; today when absent. */
  date: IsoDateSchema.optional(),
});

export const CreateDockDoorBodySchema = z.strictObject({
  code: z.string().trim().min(1, 'enter the door code, e.g. D1').max(20),
  name: text(80).default(''),
});
export type CreateDockDoorRequest = z.output<typeof CreateDockDoorBodySchema>;

export const DockDoorSchema = z.object({
  id: z.string(),
  siteId: z.string(),
  code: z.string(),
  name: z.string(),
  isActive: z.boolean(),
  version: z.number().int(),
});
export type DockDoor = z.infer<typeof DockDoorSchema>;

export const GenerateSlotsBodySchema = z
  .strictObject({
    /** First and last day (UTC), inclusive; at most 62 days. */
    from: IsoDateSchema,
    to: IsoDateSchema,
    /** The day's first slot starts at `startTime`; the last one ends at or before `endTime`. */
    startTime: TimeOfDaySchema,
    endTime: TimeOfDaySchema,
    everyMinutes: z
      .number()
      .int()
      .min(5)
      .max(24 * 60),
    /** Appointments (trucks) a slot takes. */
    capacity: z.number().int().min(1).max(50),
    /** ISO weekdays (1 = Monday … 7 = Sunday) that get slots; every day when absent. */
    weekdays: z.array(z.number().int().min(1).max(7)).min(1).max(7).optional(),
  })
  .refine((body) => body.from <= body.to, { path: ['to'], message: 'must not be before from' })
  .refine((body) => body.startTime < body.endTime, { path: ['endTime'], message: 'must be after startTime' });
export type GenerateSlotsRequest = z.output<typeof GenerateSlotsBodySchema>;

export const GenerateSlotsResultSchema = z.object({
  doorId: z.string(),
  /** Slots made now. */
  created: z.number().int(),
  /** Pattern slots left out because the door already has a slot overlapping them. */
  skipped: z.number().int(),
});
export type GenerateSlotsResult = z.infer<typeof GenerateSlotsResultSchema>;

export const DockSlotSchema = z.object({
  id: z.string(),
  siteId: z.string(),
  doorId: z.string(),
  doorCode: z.string(),
  doorName: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  capacity: z.number().int(),
  booked: z.number().int(),
  free: z.number().int(),
  version: z.number().int(),
});
export type DockSlot = z.infer<typeof DockSlotSchema>;

export const BookDockAppointmentBodySchema = z.strictObject({
  slotId: z.string().trim().min(1, 'choose a slot').max(64),
  carrier: z.string().trim().min(1, 'enter the carrier').max(120),
  /** What the carrier brings: a tracking number, an RMA number, a bill of lading. */
  reference: text(120).default(''),
  /** The return the delivery belongs to, when it is one return's goods. */
  rmaId: z.string().trim().min(1).max(64).optional(),
  expectedUnits: z.number().int().min(0).max(1_000_000).optional(),
  expectedPallets: z.number().int().min(0).max(1000).optional(),
  note: text(1000).default(''),
});
export type BookDockAppointmentRequest = z.output<typeof BookDockAppointmentBodySchema>;

export const RescheduleDockAppointmentBodySchema = z.strictObject({
  slotId: z.string().trim().min(1, 'choose a slot').max(64),
});
export type RescheduleDockAppointmentRequest = z.output<typeof RescheduleDockAppointmentBodySchema>;

export const CancelDockAppointmentBodySchema = z.strictObject({
  reason: z.string().trim().min(1, 'say why the appointment is cancelled').max(500),
});
export type CancelDockAppointmentRequest = z.output<typeof CancelDockAppointmentBodySchema>;

/** When the carrier turned up against the slot: before it, during it, or after it ended. */
export const ARRIVAL_TIMINGS = ['early', 'on_time', 'late'] as const;
export type ArrivalTiming = (typeof ARRIVAL_TIMINGS)[number];

export const DockAppointmentSchema = z.object({
  id: z.string(),
  siteId: z.string(),
  slotId: z.string(),
  doorId: z.string(),
  doorCode: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  carrier: z.string(),
  reference: z.string(),
  rmaId: z.string().nullable(),
  expectedUnits: z.number().int().nullable(),
  expectedPallets: z.number().int().nullable(),
  note: z.string(),
  status: DockAppointmentStatusSchema,
  checkedInAt: z.string().nullable(),
  checkedInBy: z.string().nullable(),
  arrivalTiming: z.enum(ARRIVAL_TIMINGS).nullable(),
  cancelledAt: z.string().nullable(),
  cancelledBy: z.string().nullable(),
  cancelReason: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
  version: z.number().int(),
});
export type DockAppointment = z.infer<typeof DockAppointmentSchema>;

export const DockScheduleSchema = z.object({
  siteId: z.string(),
  siteCode: z.string(),
  date: z.string(),
  /** Every appointment of the day, by slot start, then door. */
  items: z.array(DockAppointmentSchema),
});
export type DockSchedule = z.infer<typeof DockScheduleSchema>;
