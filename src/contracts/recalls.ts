// Recalls: every customer who received an affected lot of a product gets a recall RMA for what is
// still theirs to send back, in one go. Staff only.
import { z } from 'zod';
import { PageQuerySchema } from './common.js';
import { RmaStatusSchema } from './returns.js';

const Lot = z.string().trim().min(1, 'a lot cannot be blank').max(80, 'a lot has at most 80 characters');

export const RaiseRecallBodySchema = z.strictObject({
  productId: z.string().trim().min(1, 'choose the recalled product').max(64),
  lots: z.array(Lot).min(1, 'name at least one affected lot').max(50, 'at most 50 lots per recall'),
  reason: z.string().trim().min(1, 'say why the lots are recalled').max(2000),
});
export type RaiseRecallBody = z.input<typeof RaiseRecallBodySchema>;
export type RaiseRecallRequest = z.output<typeof RaiseRecallBodySchema>;

/** A return the recall raised, as it stands now. */
export const RecallRmaSchema = z.object({
  rmaId: z.string(),
  rmaNumber: z.string(),
  customerId: z.string(),
  customerName: z.string(),
  customerAccount: z.string(),
  status: RmaStatusSchema,
  units: z.number().int(),
  lineCount: z.number().int(),
});
export type RecallRma = z.infer<typeof RecallRmaSchema>;

/** An order line that shipped an affected lot yet got no recall line, and why. */
export const RecallSkipSchema = z.object({
  customerId: z.string(),
  customerName: z.string(),
  customerAccount: z.string(),
  orderId: z.string(),
  orderNumber: z.string(),
  lineNumber: z.number().int(),
  lots: z.array(z.string()),
  quantityShipped: z.number().int(),
  /** Already returned, or held by another open return. */
  quantityReturnedOrHeld: z.number().int(),
  reason: z.string(),
});
export type RecallSkip = z.infer<typeof RecallSkipSchema>;

const recallFields = {
  id: z.string(),
  recallNumber: z.string(),
  productId: z.string(),
  productSku: z.string().nullable(),
  productName: z.string().nullable(),
  lots: z.array(z.string()),
  reason: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
};

export const RecallSchema = z.object({ ...recallFields, rmas: z.array(RecallRmaSchema) });
export type Recall = z.infer<typeof RecallSchema>;

/** What raising a recall answers: the recall with its returns, and the lines it could not recall. */
export const RaisedRecallSchema = RecallSchema.extend({ skipped: z.array(RecallSkipSchema) });
export type RaisedRecall = z.infer<typeof RaisedRecallSchema>;

export const RecallSummarySchema = z.object({ ...recallFields, rmaCount: z.number().int() });
export type RecallSummary = z.infer<typeof RecallSummarySchema>;

export const ListRecallsQuerySchema = PageQuerySchema.extend({
  productId: z.string().trim().min(1).max(64).optional(),
});
export type ListRecallsFilter = z.output<typeof ListRecallsQuerySchema>;
