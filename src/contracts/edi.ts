// EDI with trading partners: who they are (ISA/GS ids), which documents we exchange, how their codes
// map onto ours, where the files go; and the log of every document in and out.
import { z } from 'zod';
import { CLAIMED_CONDITIONS, RETURN_TYPES } from './returns-vocabulary.js';
import { PageQuerySchema } from './common.js';

/** What we exchange with a partner: 180s both ways, 812s out, 997s for what they send. */
export const EDI_DOCUMENT_KINDS = ['180_in', '180_out', '812_out', '997_out'] as const;
export const EDI_DIRECTIONS = ['in', 'out'] as const;
export const EDI_DOCUMENT_STATUSES = [
  /** Inbound: kept, not yet worked through (a crash resumes from here). */
  'received',
  /** Inbound: being worked through by one process now (taken over if it stalls for 5 minutes). */
  'working',
  'processed',
  /** Inbound: readable, but some transaction sets or lines were refused; see errors. */
  'processed_with_errors',
  /** Inbound: unreadable, from an unknown sender, or not addressed to us: nothing was created. */
  'rejected',
  /** Outbound: written, waiting for the transport. */
  'queued',
  'sent',
  'failed',
] as const;
export type EdiDocumentStatus = (typeof EDI_DOCUMENT_STATUSES)[number];
export type EdiDocumentKind = (typeof EDI_DOCUMENT_KINDS)[number];

const X12IdSchema = z
  .string()
  .trim()
  .min(1)
  .max(15)
  .regex(/^[^\p{Cc}*~^>|]+$/u, 'at most 15 characters, no control characters or X12 separators');
const QualifierSchema = z
  .string()
  .trim()
  .regex(/^[0-9A-Z]{2}$/, 'two letters or digits, such as 01, 08, 12 or ZZ');
const CodeSchema = z
  .string()
  .trim()
  .regex(/^[0-9A-Z]{1,3}$/, 'an X12 code such as DR or CR');

/** Which of our product numbers a partner's item qualifier (BLI01) names. */
export const ITEM_NUMBER_KINDS = ['sku', 'gtin', 'cross_reference'] as const;

export const PartnerMappingsSchema = z.strictObject({
  items: z
    .strictObject({
      /** BLI01 qualifier → which of our numbers it carries. */
      qualifiers: z.record(CodeSchema, z.enum(ITEM_NUMBER_KINDS)).default({}),
      /** The partner's own item number → our SKU, for qualifiers that are a cross-reference. */
      crossReference: z.record(z.string().trim().min(1).max(48), z.string().trim().min(1).max(64)).default({}),
    })
    .default({ qualifiers: {}, crossReference: {} }),
  /** RDR02 (why) → our reason code and the condition it claims. */
  reasons: z
    .record(
      CodeSchema,
      z.strictObject({ reasonCode: z.string().trim().min(1).max(40), claimedCondition: z.enum(CLAIMED_CONDITIONS) }),
    )
    .default({}),
  /** RDR01 (what to do) → the kind of return; a code not listed is refused with its meaning. */
  dispositions: z.record(CodeSchema, z.enum(RETURN_TYPES)).default({}),
});
export type PartnerMappings = z.output<typeof PartnerMappingsSchema>;

const DirectorySchema = z
  .string()
  .trim()
  .max(500)
  .refine((p) => p === '' || p.startsWith('/'), 'an absolute path, or empty for none');

const PartnerFields = {
  code: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _'),
  name: z.string().trim().min(1).max(200),
  /** Their 180s become returns of this customer; our 812s for its credit memos go to them. */
  customerId: z.string().min(1).max(64).nullable().default(null),
  /** Our 812s for claims against this supplier go to them. */
  supplierId: z.string().min(1).max(64).nullable().default(null),
  interchangeQualifier: QualifierSchema,
  interchangeId: X12IdSchema,
  groupId: X12IdSchema,
  ourInterchangeQualifier: QualifierSchema,
  ourInterchangeId: X12IdSchema,
  ourGroupId: X12IdSchema,
  /** GS08, e.g. 004010; ISA12 is derived from it (00401). */
  x12Version: z
    .string()
    .trim()
    .regex(/^00[3-8]0[0-9]0$/, 'a GS08 version such as 004010 or 005010'),
  usage: z.enum(['P', 'T']).default('P'),
  documents: z.array(z.enum(EDI_DOCUMENT_KINDS)).max(EDI_DOCUMENT_KINDS.length).default([]),
  mappings: PartnerMappingsSchema.default({
    items: { qualifiers: {}, crossReference: {} },
    reasons: {},
    dispositions: {},
  }),
  inboundDirectory: DirectorySchema.default(''),
  outboundDirectory: DirectorySchema.default(''),
};

export const CreateTradingPartnerBodySchema = z.strictObject({ ...PartnerFields, isActive: z.boolean().default(true) });
export const UpdateTradingPartnerBodySchema = z.strictObject({
  name: PartnerFields.name.optional(),
  customerId: z.string().min(1).max(64).nullable().optional(),
  supplierId: z.string().min(1).max(64).nullable().optional(),
  interchangeQualifier: QualifierSchema.optional(),
  interchangeId: X12IdSchema.optional(),
  groupId: X12IdSchema.optional(),
  ourInterchangeQualifier: QualifierSchema.optional(),
  ourInterchangeId: X12IdSchema.optional(),
  ourGroupId: X12IdSchema.optional(),
  x12Version: PartnerFields.x12Version.optional(),
  usage: z.enum(['P', 'T']).optional(),
  documents: z.array(z.enum(EDI_DOCUMENT_KINDS)).max(EDI_DOCUMENT_KINDS.length).optional(),
  mappings: PartnerMappingsSchema.optional(),
  inboundDirectory: DirectorySchema.optional(),
  outboundDirectory: DirectorySchema.optional(),
  isActive: z.boolean().optional(),
});

export const TradingPartnerSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  customerId: z.string().nullable(),
  customerName: z.string().nullable(),
  supplierId: z.string().nullable(),
  supplierName: z.string().nullable(),
  interchangeQualifier: z.string(),
  interchangeId: z.string(),
  groupId: z.string(),
  ourInterchangeQualifier: z.string(),
  ourInterchangeId: z.string(),
  ourGroupId: z.string(),
  x12Version: z.string(),
  usage: z.enum(['P', 'T']),
  documents: z.array(z.enum(EDI_DOCUMENT_KINDS)),
  mappings: PartnerMappingsSchema,
  inboundDirectory: z.string(),
  outboundDirectory: z.string(),
  isActive: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type TradingPartner = z.infer<typeof TradingPartnerSchema>;

/** A record a document created or carried: a return, a credit memo, a supplier claim, another document. */
export const EdiRecordSchema = z.object({
  type: z.enum(['rma', 'credit_memo', 'supplier_claim', 'edi_document']),
  id: z.string(),
  number: z.string().nullable(),
});
export type EdiRecord = z.infer<typeof EdiRecordSchema>;

export const EdiDocumentSchema = z.object({
  id: z.string(),
  partnerId: z.string().nullable(),
  partnerName: z.string().nullable(),
  direction: z.enum(EDI_DIRECTIONS),
  transactionSets: z.array(z.string()),
  interchangeControlNumber: z.string().nullable(),
  status: z.enum(EDI_DOCUMENT_STATUSES),
  fileName: z.string().nullable(),
  errors: z.array(z.string()),
  records: z.array(EdiRecordSchema),
  inReplyTo: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type EdiDocument = z.infer<typeof EdiDocumentSchema>;
export const EdiDocumentWithContentSchema = EdiDocumentSchema.extend({ content: z.string() });

export const ListEdiDocumentsQuerySchema = PageQuerySchema.extend({
  partnerId: z.string().max(64).optional(),
  direction: z.enum(EDI_DIRECTIONS).optional(),
  status: z.enum(EDI_DOCUMENT_STATUSES).optional(),
  transactionSet: z.enum(['180', '812', '997']).optional(),
});

export const SendEdiDocumentBodySchema = z.union([
  z.strictObject({ transactionSet: z.literal('180'), rmaId: z.string().min(1).max(64) }),
  z.strictObject({ transactionSet: z.literal('812'), creditMemoId: z.string().min(1).max(64) }),
  z.strictObject({ transactionSet: z.literal('812'), supplierClaimId: z.string().min(1).max(64) }),
]);
