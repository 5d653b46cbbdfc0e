// Inspection: the queue of received units waiting to be looked at, an inspection's record
// (checklist, grade, defects, findings, measurements, notes, photos), quality's sign-off, and the
// rules' recommended disposition shown beside it.
import { z } from 'zod';
import { CLAIM_VERDICTS, GRADES, INSPECTION_STATUSES } from './inspection-vocabulary.js';
import { pageOf } from './common.js';

const Id = z.string().min(1).max(64);
const text = (max: number) => z.string().trim().max(max);

export const InspectionPhotoSchema = z.object({
  id: z.string(),
  sha256: z.string(),
  contentType: z.string(),
  bytes: z.number().int(),
  fileName: z.string(),
  uploadedBy: z.string(),
  uploadedAt: z.string(),
  /** Where the browser fetches it (signed-in, with access to the inspection). */
  url: z.string(),
});
export type InspectionPhoto = z.infer<typeof InspectionPhotoSchema>;

export const ChecklistAnswerSchema = z.strictObject({
  id: z.string().min(1).max(40),
  /** A check: passed or not. */
  passed: z.boolean().nullable().optional(),
  /** A measurement: the value read. */
  value: z.number().finite().nullable().optional(),
});
export type ChecklistAnswer = z.infer<typeof ChecklistAnswerSchema>;

export const ChecklistItemResultSchema = z.object({
  id: z.string(),
  label: z.string(),
  kind: z.enum(['check', 'measurement']),
  unit: z.string().nullable(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  required: z.boolean(),
  passed: z.boolean().nullable(),
  value: z.number().nullable(),
  /** A measurement outside its range, or a failed check. */
  outOfRange: z.boolean(),
});

export const MeasurementSchema = z.strictObject({
  name: text(80).min(1, 'name the measurement'),
  value: z.number().finite(),
  unit: text(20),
});

export const SlaStateSchema = z.enum(['on_time', 'due_soon', 'breached']);

export const InspectionSchema = z.object({
  id: z.string(),
  status: z.enum(INSPECTION_STATUSES),
  siteId: z.string(),
  siteCode: z.string().nullable(),
  rmaId: z.string(),
  rmaNumber: z.string().nullable(),
  rmaLineId: z.string(),
  lineNumber: z.number().int().nullable(),
  receiptId: z.string(),
  productId: z.string(),
  productSku: z.string().nullable(),
  productName: z.string().nullable(),
  category: z.string().nullable(),
  quantity: z.number().int(),
  lot: z.string().nullable(),
  serial: z.string().nullable(),
  splitFromId: z.string().nullable(),
  customerId: z.string().nullable(),
  customerName: z.string().nullable(),
  customerTier: z.string(),
  isRegulated: z.boolean(),
  valueAtRiskMinor: z.number().int(),
  currency: z.string(),
  receivedAt: z.string(),
  slaDueAt: z.string(),
  slaState: SlaStateSchema,
  /** The queue's priority score (higher first); see inspection/domain/queue-priority.ts. */
  priority: z.number(),
  priorityReasons: z.array(z.string()),
  assignedToId: z.string().nullable(),
  assignedTo: z.string().nullable(),
  /** What the customer said: reason, claimed condition and note. */
  claim: z.object({ reasonCode: z.string(), claimedCondition: z.string(), note: z.string() }).nullable(),
  checklistVersion: z.number().int().nullable(),
  checklist: z.array(ChecklistItemResultSchema),
  grade: z.enum(GRADES).nullable(),
  defectCodes: z.array(z.string()),
  noFaultFound: z.boolean(),
  findings: z.string(),
  measurements: z.array(MeasurementSchema),
  notes: z.string(),
  claimVerdict: z.enum(CLAIM_VERDICTS).nullable(),
  claimVerdictReason: z.string().nullable(),
  inspectedBy: z.string().nullable(),
  inspectedAt: z.string().nullable(),
  signOffRequired: z.boolean(),
  signedOffBy: z.string().nullable(),
  signedOffAt: z.string().nullable(),
  signOffNote: z.string().nullable(),
  completedAt: z.string().nullable(),
  photos: z.array(InspectionPhotoSchema),
  version: z.number().int(),
});
export type Inspection = z.infer<typeof InspectionSchema>;

/** A queue row: what the list shows (the record without checklist, findings and photos). */
export const InspectionQueueItemSchema = InspectionSchema.pick({
  id: true,
  status: true,
  siteId: true,
  siteCode: true,
  rmaId: true,
  rmaNumber: true,
  lineNumber: true,
  productId: true,
  productSku: true,
  productName: true,
  quantity: true,
  lot: true,
  serial: true,
  customerName: true,
  customerTier: true,
  isRegulated: true,
  valueAtRiskMinor: true,
  currency: true,
  receivedAt: true,
  slaDueAt: true,
  slaState: true,
  priority: true,
  priorityReasons: true,
  assignedTo: true,
  assignedToId: true,
  version: true,
});
export type InspectionQueueItem = z.infer<typeof InspectionQueueItemSchema>;

export const InspectionQueueQuerySchema = z.strictObject({
  siteId: Id,
  /** `open`: pending, in progress and awaiting sign-off (default); or one status. */
  status: z.enum(['open', ...INSPECTION_STATUSES]).default('open'),
  /** Only those assigned to me, or to nobody. */
  assigned: z.enum(['any', 'me', 'nobody']).default('any'),
  sla: z.enum(['any', 'breached', 'due_soon']).default('any'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const InspectionQueuePageSchema = pageOf(InspectionQueueItemSchema).extend({
  breached: z.number().int(),
  dueSoon: z.number().int(),
});

export const SlaBreachesQuerySchema = z.strictObject({
  siteId: Id.optional(),
  /** Include inspections finished late (default: only those still open and overdue). */
  includeCompleted: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const AssignInspectionBodySchema = z.strictObject({
  /** The user to give it to; null releases it back to the queue. */
  userId: Id.nullable(),
});

export const SplitInspectionBodySchema = z.strictObject({
  /** Units to split off into an inspection of their own (less than the inspection's quantity). */
  quantity: z.number().int().min(1),
});

/** Saving the record as it stands (a draft); completing it checks it is whole. */
export const RecordInspectionBodySchema = z.strictObject({
  checklist: z.array(ChecklistAnswerSchema).max(60).default([]),
  grade: z.enum(GRADES).nullable().default(null),
  defectCodes: z.array(z.string().min(1).max(40)).max(30).default([]),
  noFaultFound: z.boolean().default(false),
  findings: text(4000).default(''),
  measurements: z.array(MeasurementSchema).max(40).default([]),
  notes: text(4000).default(''),
});
export type RecordInspectionRequest = z.output<typeof RecordInspectionBodySchema>;

export const CompleteInspectionBodySchema = RecordInspectionBodySchema.extend({
  grade: z.enum(GRADES, { error: 'choose a grade' }),
});

export const SignOffBodySchema = z.strictObject({
  decision: z.enum(['approve', 'reject']),
  /** Required when rejecting (what to look at again); recorded either way. */
  note: text(2000).default(''),
});
