// Return authorization (RMA) request and response shapes.
import { z } from 'zod';
import { CLAIMED_CONDITIONS, PROGRESS_STAGES, RETURN_TYPES, RMA_STATUSES } from './returns-vocabulary.js';
import { forAudiences, IsoDateSchema } from './common.js';

export * from './returns-vocabulary.js';

export const ReturnTypeSchema = z.enum(RETURN_TYPES);
export const ClaimedConditionSchema = z.enum(CLAIMED_CONDITIONS);
export const RmaStatusSchema = z.enum(RMA_STATUSES);
export const ProgressStageSchema = z.enum(PROGRESS_STAGES);

/** Units of a line (or of the whole return) by where they are; the buckets add up to every unit. */
export const ProgressUnitsSchema = z.object({
  total: z.number().int(),
  expected: z.number().int(),
  inTransit: z.number().int(),
  awaitingInspection: z.number().int(),
  awaitingDisposition: z.number().int(),
  dispositioned: z.record(z.string(), z.number().int()),
  settled: z.number().int(),
});

export const ProgressSchema = z.object({
  stage: ProgressStageSchema,
  /** What a person reads, exact under partial and mixed outcomes ("Partially received: 2 of 5 units"). */
  label: z.string(),
  units: ProgressUnitsSchema,
});
export type Progress = z.infer<typeof ProgressSchema>;

export const identifierList = z.array(z.string().trim().min(1).max(80)).max(10_000);

export const RmaLineRequestSchema = z.strictObject({
  orderLineId: z.string().min(1).max(64),
  quantity: z.number().int().min(1, 'quantity must be at least 1').max(1_000_000),
  reasonCode: z.string().min(1).max(40),
  claimedCondition: ClaimedConditionSchema,
  note: z.string().max(2000).default(''),
  serials: identifierList.default([]),
  lots: identifierList.default([]),
});
export type RmaLineRequest = z.input<typeof RmaLineRequestSchema>;

export const CreateRmaBodySchema = z.strictObject({
  customerId: z.string().min(1).max(64),
  returnType: ReturnTypeSchema.default('standard'),
  note: z.string().max(4000).default(''),
  customerReference: z.string().max(80).default(''),
  lines: z.array(RmaLineRequestSchema).min(1, 'a return needs at least one line').max(500),
});
export type CreateRmaBody = z.input<typeof CreateRmaBodySchema>;

/**
 * The request field each line check is about, so a refusal (and the form) puts the message at the
 * field to fix. Checks not listed are about the line as a whole.
 */
export const FIELD_OF_CHECK: Readonly<Record<string, string>> = {
  order_line_found: 'orderLineId',
  order_line_not_found: 'orderLineId',
  order_line_unique: 'orderLineId',
  product_found: 'orderLineId',
  product_returnable: 'orderLineId',
  return_window: 'orderLineId',
  warranty_window: 'orderLineId',
  quantity_returnable: 'quantity',
  reason_code_active: 'reasonCode',
  serial_count: 'serials',
  serials_shipped: 'serials',
  serials_not_on_open_return: 'serials',
  serials_not_expected: 'serials',
  lots_shipped: 'lots',
  regulated_workflow: 'returnType',
  serialized_workflow: 'returnType',
};

export const CheckSchema = z.object({
  code: z.string(),
  passed: z.boolean(),
  message: z.string(),
});
export type Check = z.infer<typeof CheckSchema>;

export const LineVerdictSchema = z.object({
  lineIndex: z.number().int(),
  orderLineId: z.string(),
  isEligible: z.boolean(),
  checks: z.array(CheckSchema),
  returnableQuantity: z.number().int(),
  returnWindowEndsOn: IsoDateSchema.nullable(),
  warrantyEndsOn: IsoDateSchema.nullable(),
  valueMinor: z.number().int(),
});

export const RoutingSchema = z.object({
  decision: z.enum(['auto_approve', 'needs_approval']),
  reasons: z.array(z.string()),
  approvalRulesVersion: z.number().int(),
});
export type Routing = z.infer<typeof RoutingSchema>;

export const VerdictSchema = z.object({
  isEligible: z.boolean(),
  customerChecks: z.array(CheckSchema),
  lines: z.array(LineVerdictSchema),
  currency: z.string(),
  totalValueMinor: z.number().int(),
  routing: RoutingSchema.nullable(),
  returnPolicyVersion: z.number().int(),
});
export type Verdict = z.infer<typeof VerdictSchema>;

export const RmaLineSchema = z.object({
  id: z.string(),
  lineNumber: z.number().int(),
  orderId: z.string().nullable(),
  orderNumber: z.string().nullable(),
  orderLineId: z.string().nullable(),
  productId: z.string(),
  sku: z.string(),
  productName: z.string(),
  quantity: z.number().int(),
  reasonCode: z.string(),
  claimedCondition: ClaimedConditionSchema,
  note: z.string(),
  serials: z.array(z.string()),
  lots: z.array(z.string()),
  unitPriceMinor: z.number().int(),
  taxMinor: z.number().int(),
  valueMinor: z.number().int(),
  progress: ProgressSchema,
});
export type RmaLine = z.infer<typeof RmaLineSchema>;

/** Where the customer sends the goods: the receiving site's name and postal address. */
export const ShipToSchema = z.object({
  siteName: z.string(),
  addressLines: z.array(z.string()),
  city: z.string(),
  region: z.string(),
  postalCode: z.string(),
  country: z.string(),
});
export type ShipTo = z.infer<typeof ShipToSchema>;

/** Where the goods go and why: the rules' decision or a person's override (staff only). */
export const RoutingInstructionSchema = z.object({
  /** Null when no active site is certified for the goods: someone must route the return by hand. */
  siteId: z.string().nullable(),
  siteCode: z.string().nullable(),
  siteName: z.string().nullable(),
  basis: z.enum(['rules', 'override']),
  /** Why a person overrode the rules ('' for the rules' own decision). */
  reason: z.string(),
  explanation: z.array(z.string()),
  requiredCapabilities: z.array(z.string()),
  candidates: z.array(
    z.object({
      siteCode: z.string(),
      verdict: z.enum(['chosen', 'not_certified', 'at_capacity', 'farther']),
      note: z.string(),
    }),
  ),
  /** The version of the routing rules that decided; null for an override. */
  rulesVersion: z.number().int().nullable(),
  decidedBy: z.string(),
  decidedAt: z.string(),
});
export type RoutingInstruction = z.infer<typeof RoutingInstructionSchema>;

export const RerouteBodySchema = z.strictObject({
  siteId: z.string().trim().min(1).max(80),
  reason: z.string().trim().min(3, 'say why the rules are overridden').max(500),
});
export type RerouteRequest = z.infer<typeof RerouteBodySchema>;

export const RmaSchema = z.object({
  id: z.string(),
  rmaNumber: z.string(),
  customerId: z.string(),
  customerName: z.string(),
  customerAccount: z.string(),
  legalEntityId: z.string(),
  returnType: ReturnTypeSchema,
  status: RmaStatusSchema,
  progress: ProgressSchema,
  isUnauthorized: z.boolean(),
  note: z.string(),
  customerReference: z.string(),
  currency: z.string(),
  totalValueMinor: z.number().int(),
  requestedBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  authorizedAt: z.string().nullable(),
  expiresOn: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionComment: z.string().nullable(),
  returnPolicyVersion: z.number().int().nullable(),
  approvalRulesVersion: z.number().int().nullable(),
  routingReasons: z.array(z.string()),
  verdict: VerdictSchema.nullable(),
  allowedTransitions: z.array(RmaStatusSchema),
  /** Where to send the goods once authorized; null while the return is not routed to a site. */
  shipTo: ShipToSchema.nullable(),
  /** How the ship-to was decided; null before authorization and for returns never routed by rules. */
  routingInstruction: RoutingInstructionSchema.nullable(),
  version: z.number().int(),
  lines: z.array(RmaLineSchema),
});
export type Rma = z.infer<typeof RmaSchema>;

export const RmaSummarySchema = RmaSchema.omit({
  lines: true,
  verdict: true,
  allowedTransitions: true,
  shipTo: true,
  routingInstruction: true,
}).extend({
  lineCount: z.number().int(),
});
export type RmaSummary = z.infer<typeof RmaSummarySchema>;

// What customer-portal users see. Their own shapes, not the staff ones filtered: approval routing
// (limits, tiers, the rules' wording), who decided, the configuration versions behind a verdict,
// legal entities and raw audit records are the distributor's business, not the customer's.
export const CustomerVerdictSchema = VerdictSchema.pick({
  isEligible: true,
  customerChecks: true,
  lines: true,
  currency: true,
  totalValueMinor: true,
}).extend({
  /** Whether a person must approve it before it is authorized; null when it cannot be requested. */
  needsApproval: z.boolean().nullable(),
});
export type CustomerVerdict = z.infer<typeof CustomerVerdictSchema>;

const CUSTOMER_RMA_FIELDS = {
  id: true,
  rmaNumber: true,
  customerId: true,
  customerName: true,
  customerAccount: true,
  returnType: true,
  status: true,
  progress: true,
  isUnauthorized: true,
  note: true,
  customerReference: true,
  currency: true,
  totalValueMinor: true,
  createdAt: true,
  updatedAt: true,
  authorizedAt: true,
  expiresOn: true,
  decidedAt: true,
  decisionComment: true,
  version: true,
} as const;

export const CustomerRmaSummarySchema = RmaSummarySchema.pick({ ...CUSTOMER_RMA_FIELDS, lineCount: true });
export type CustomerRmaSummary = z.infer<typeof CustomerRmaSummarySchema>;

export const CustomerRmaSchema = RmaSchema.pick({
  ...CUSTOMER_RMA_FIELDS,
  allowedTransitions: true,
  shipTo: true,
  lines: true,
}).extend({ verdict: CustomerVerdictSchema.nullable() });
export type CustomerRma = z.infer<typeof CustomerRmaSchema>;

/** A return as its reader may see it: staff get the whole record, customer-portal users their own shape. */
export const RmaForAudienceSchema = forAudiences(RmaSchema, CustomerRmaSchema);
export type RmaView = Rma | CustomerRma;
export const RmaSummaryForAudienceSchema = forAudiences(RmaSummarySchema, CustomerRmaSummarySchema);
export type RmaSummaryView = RmaSummary | CustomerRmaSummary;
export const VerdictForAudienceSchema = forAudiences(VerdictSchema, CustomerVerdictSchema);
export type VerdictView = Verdict | CustomerVerdict;

export const StatusCountsSchema = z.object({ byStatus: z.record(RmaStatusSchema, z.number().int()) });
export type StatusCounts = z.infer<typeof StatusCountsSchema>;

export const ListRmasQuerySchema = z.strictObject({
  status: RmaStatusSchema.optional(),
  customerId: z.string().max(64).optional(),
  returnType: ReturnTypeSchema.optional(),
  reasonCode: z.string().max(40).optional(),
  createdFrom: IsoDateSchema.optional(),
  createdTo: IsoDateSchema.optional(),
  q: z.string().max(100).optional(),
  isUnauthorized: z.enum(['true', 'false']).optional(),
  /** A field of RMA_SORT_KEYS, '-' first for descending; newest first by default. */
  sort: z
    .string()
    .regex(
      /^-?(rmaNumber|status|customer|type|value|created|expires)$/,
      'sort by rmaNumber, status, customer, type, value, created or expires; prefix - for descending',
    )
    .default('-created'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});
export type ListRmasQuery = z.input<typeof ListRmasQuerySchema>;

export const DecisionBodySchema = z.strictObject({
  comment: z.string().trim().min(1, 'a comment is required').max(2000),
});

export const CancelBodySchema = z.strictObject({
  reason: z.string().trim().min(1, 'say why the return is cancelled').max(2000),
});

export const CloseBodySchema = z.strictObject({
  note: z.string().trim().max(2000).default(''),
});

/** Goods that arrived with no RMA: recorded so they can be received and investigated. */
export const UnauthorizedReturnBodySchema = z.strictObject({
  customerId: z.string().min(1).max(64),
  siteId: z.string().min(1).max(64),
  note: z.string().trim().min(1, 'describe what arrived').max(4000),
  carrierReference: z.string().max(80).default(''),
  lines: z
    .array(
      z.strictObject({
        productId: z.string().min(1).max(64),
        quantity: z.number().int().min(1).max(1_000_000),
        orderLineId: z.string().min(1).max(64).optional(),
        claimedCondition: ClaimedConditionSchema.default('used'),
        serials: identifierList.default([]),
        lots: identifierList.default([]),
        reasonCode: z.string().min(1).max(40).default('UNKNOWN'),
      }),
    )
    .min(1)
    .max(500),
});

export const TimelineEntrySchema = z.object({
  id: z.string(),
  occurredAt: z.string(),
  actorId: z.string(),
  actorName: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  summary: z.string(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;

/** A step of a return's history as its customer sees it: what happened and when, in words. */
export const CustomerTimelineEntrySchema = z.object({
  id: z.string(),
  occurredAt: z.string(),
  action: z.string(),
  summary: z.string(),
});
export type CustomerTimelineEntry = z.infer<typeof CustomerTimelineEntrySchema>;
export const TimelineForAudienceSchema = forAudiences(
  z.object({ items: z.array(TimelineEntrySchema) }),
  z.object({ items: z.array(CustomerTimelineEntrySchema) }),
);
export type TimelineEntryView = TimelineEntry | CustomerTimelineEntry;

/** A create request after validation, with defaults applied. */
export type CreateRmaRequest = z.output<typeof CreateRmaBodySchema>;
export type UnauthorizedReturnRequest = z.output<typeof UnauthorizedReturnBodySchema>;
export type ListRmasFilter = z.output<typeof ListRmasQuerySchema>;
