// Trying a draft of the disposition rules on a unit already inspected, before publishing it: the
// facts of that inspection, what the draft would recommend, and what the rules in force recommend,
// so an admin (or quality) sees what the change would do. Nothing is stored.
import { z } from 'zod';
import { RecommendationSchema } from './disposition.js';

export const RulesPreviewBodySchema = z.strictObject({
  /** The draft: a whole disposition rules document, checked as publishing would check it. */
  document: z.unknown(),
  /** A completed inspection whose facts the draft is applied to. */
  inspectionId: z.string().min(1).max(64),
});
export type RulesPreviewRequest = z.infer<typeof RulesPreviewBodySchema>;

export const RulesPreviewResponseSchema = z.object({
  inspectionId: z.string(),
  /** The facts the draft was applied to (costs estimated with the draft's cost table). */
  facts: z.record(z.string(), z.unknown()),
  /** What the draft recommends; its `rulesVersion` is 0: a draft has no version yet. */
  recommendation: RecommendationSchema,
  /** What the rules in force recommend for the same unit. */
  current: RecommendationSchema,
  /** Whether the draft recommends another code than the rules in force. */
  isChanged: z.boolean(),
});
export type RulesPreview = z.infer<typeof RulesPreviewResponseSchema>;

/** A draft's rulesVersion in a preview: it has none until it is published. */
export const DRAFT_RULES_VERSION = 0;
