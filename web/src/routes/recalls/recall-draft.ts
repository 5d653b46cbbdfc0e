// The recall form's draft and what it sends: lots typed one per line (or separated by commas or
// spaces, as a list pasted from a supplier's notice comes), de-duplicated.
import type { RaiseRecallBody } from '../../../../src/contracts/recalls.js';
import type { FormErrors } from '../../api/api-error.js';

export interface RecallDraft {
  productId: string;
  lotsText: string;
  reason: string;
}

export type RecallErrors = FormErrors<'productId' | 'lots' | 'reason'>;

export const MAX_LOTS = 50;

export function lotsOf(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).filter((lot) => lot !== ''))];
}

export function buildRecall(draft: RecallDraft): RaiseRecallBody {
  return { productId: draft.productId, lots: lotsOf(draft.lotsText), reason: draft.reason.trim() };
}

export function validateRecall(body: RaiseRecallBody): RecallErrors {
  const errors: RecallErrors = {};
  if (body.productId === '') errors.productId = 'Choose the recalled product.';
  if (body.lots.length === 0) errors.lots = 'Name at least one affected lot.';
  else if (body.lots.length > MAX_LOTS)
    errors.lots = `At most ${MAX_LOTS} lots per recall (${body.lots.length} given).`;
  else if (body.lots.some((lot) => lot.length > 80)) errors.lots = 'A lot has at most 80 characters.';
  if (body.reason === '') errors.reason = 'Say why the lots are recalled: the customers read it on their return.';
  return errors;
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
