// The words of inspection and disposition, shared by configuration (checklists, SLA, rules), the
// inspection and disposition contexts and the web app.

/**
 * The grade an inspector gives the units, the scale refurbishers use:
 * A as new (sealed or indistinguishable from new), B opened but complete and working,
 * C working with cosmetic wear or damage, D not working (repairable or not is the disposition's
 * question), X unusable or unsafe: nothing to recover but material.
 */
export const GRADES = ['A', 'B', 'C', 'D', 'X'] as const;
export type Grade = (typeof GRADES)[number];

export const GRADE_LABELS: Record<Grade, string> = {
  A: 'A — as new',
  B: 'B — opened, complete, working',
  C: 'C — working, cosmetic wear or damage',
  D: 'D — not working',
  X: 'X — unusable or unsafe',
};

/**
 * What a disposition does with the units; each disposition code names one. The code is the
 * distributor's word (REPAIR_EXTERNAL, HAZARDOUS_DISPOSAL); the action is what the system does.
 */
export const DISPOSITION_ACTIONS = [
  'restock',
  'refurbish',
  'repair',
  'return_to_vendor',
  'quarantine',
  'scrap',
  'secondary_channel',
  'return_to_customer',
] as const;
export type DispositionAction = (typeof DISPOSITION_ACTIONS)[number];

/** Whether the inspection bears out what the customer said of the goods. */
export const CLAIM_VERDICTS = ['confirmed', 'contradicted', 'not_assessed'] as const;
export type ClaimVerdict = (typeof CLAIM_VERDICTS)[number];

export const INSPECTION_STATUSES = ['pending', 'in_progress', 'awaiting_sign_off', 'completed'] as const;
export type InspectionStatus = (typeof INSPECTION_STATUSES)[number];
