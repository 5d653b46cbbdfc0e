// The outcome form's content and its checks, apart from the screen: what the partner chose, the
// grade of a repaired unit, what the work cost (typed as a decimal in the order's currency).
import type { ReportOutcomeBody } from '../../api/partner-work-orders.js';
import { majorTextToMinor } from '../../ui/money.js';

/** The grades a repaired unit may come back at: it works, so never D (not working) or X (unusable). */
export const REPAIRED_GRADES = ['A', 'B', 'C'] as const;
export type RepairedGrade = (typeof REPAIRED_GRADES)[number];

export interface OutcomeDraft {
  outcome: 'repaired' | 'beyond_repair' | '';
  grade: RepairedGrade;
  cost: string;
  note: string;
}

export interface OutcomeErrors {
  outcome?: string;
  grade?: string;
  actualCostMinor?: string;
  note?: string;
  form?: string;
}

export const EMPTY_OUTCOME_DRAFT: OutcomeDraft = { outcome: '', grade: 'B', cost: '', note: '' };

const NOTE_MAX = 2000;

export function validateOutcomeDraft(draft: OutcomeDraft, currency: string): OutcomeErrors {
  const errors: OutcomeErrors = {};
  if (draft.outcome === '') errors.outcome = 'Choose whether the unit was repaired or is beyond repair.';
  if (majorTextToMinor(draft.cost, currency) === null)
    errors.actualCostMinor =
      draft.cost.trim() === ''
        ? `Enter what the work cost, in ${currency} (0 if nothing).`
        : `Enter an amount such as 125.50, in ${currency}.`;
  // A unit written off needs the reason on its disposal record.
  if (draft.outcome === 'beyond_repair' && draft.note.trim() === '') errors.note = 'Say why it cannot be repaired.';
  if (draft.note.length > NOTE_MAX) errors.note = `Use at most ${NOTE_MAX} characters.`;
  return errors;
}

/** The request body, or null while the draft has errors. */
export function buildOutcomeBody(draft: OutcomeDraft, currency: string): ReportOutcomeBody | null {
  const actualCostMinor = majorTextToMinor(draft.cost, currency);
  if (draft.outcome === '' || actualCostMinor === null) return null;
  if (Object.keys(validateOutcomeDraft(draft, currency)).length > 0) return null;
  return {
    outcome: draft.outcome,
    actualCostMinor,
    note: draft.note.trim(),
    ...(draft.outcome === 'repaired' ? { grade: draft.grade } : {}),
  };
}
