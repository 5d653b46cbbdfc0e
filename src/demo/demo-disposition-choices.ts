// What the demo's people decide once the rules have recommended: mostly the recommendation, now and
// then an override with the reason a person would give, and, for repairs, what the bench or the
// partner reports back. Repair by a partner needs a partner of the entity; where it has none the
// person repairs in-house instead and says so.
import type { Grade } from '../contracts/inspection-vocabulary.js';
import type { Random } from './random.js';

export interface Choice {
  code: string;
  overrideReason: string;
  partnerId?: string;
}

interface Override {
  to: string;
  /** Only for units of these grades (an outlet sale of an as-new unit would make no sense). */
  grades?: readonly string[];
  reasons: readonly string[];
}

const OVERRIDES: Record<string, Override> = {
  RESTOCK: {
    to: 'SECONDARY_CHANNEL',
    grades: ['B'],
    reasons: [
      'Retail box is shop-worn: the outlet sells it faster than the shelf does.',
      'Superseded model; the outlet moves it before the new range lands.',
    ],
  },
  REFURBISH: {
    to: 'SECONDARY_CHANNEL',
    reasons: ['The refurbishment bench is two weeks behind; the outlet buyer takes it as it is.'],
  },
  SECONDARY_CHANNEL: {
    to: 'REFURBISH',
    grades: ['C'],
    reasons: ['Popular model with customers waiting for it: worth refurbishing rather than selling off.'],
  },
  RETURN_TO_VENDOR: {
    to: 'REPAIR_INTERNAL',
    reasons: ['The supplier’s RMA desk takes six weeks; a part swap on our bench is quicker.'],
  },
  REPAIR_INTERNAL: {
    to: 'SECONDARY_CHANNEL',
    reasons: ['The spare part is on back-order for months: sell it for parts instead.'],
  },
};

export const NO_PARTNER_REASON = 'no repair partner set up';

/** The decision on the rules' recommendation; `partnerId` is the entity's repair partner, if it has one. */
export function chooseDisposition(
  random: Random,
  recommendation: { code: string; grade: string },
  partnerId: string | null,
  overrideShare = 0.1,
): Choice {
  const { code } = recommendation;
  if (code === 'REPAIR_EXTERNAL')
    return partnerId
      ? { code, overrideReason: '', partnerId }
      : { code: 'REPAIR_INTERNAL', overrideReason: NO_PARTNER_REASON };
  const override = OVERRIDES[code];
  const applies = override && (!override.grades || override.grades.includes(recommendation.grade));
  if (applies && random.chance(overrideShare))
    return { code: override.to, overrideReason: random.pick(override.reasons) };
  return { code, overrideReason: '' };
}

export interface WorkOrderReport {
  outcome: 'repaired' | 'beyond_repair';
  actualCostMinor: number;
  grade?: Grade;
  note: string;
}

const REPAIRED_NOTES = [
  'Replaced the switch assembly; passed the function test.',
  'New control board fitted, soak-tested for four hours.',
  'Replaced the damaged housing and gaskets.',
  'Cleaned, re-terminated and retested: within specification.',
];
const BEYOND_REPAIR_NOTES = [
  'Main board obsolete; no replacement available.',
  'Motor windings burnt out; a repair would cost more than a new unit.',
  'Cracked casting: cannot be repaired safely.',
];

/** What the bench (or partner) reports: most units repaired near the estimate, some beyond repair. */
export function reportWorkOrder(random: Random, estimatedCostMinor: number): WorkOrderReport {
  const costOf = (low: number, high: number) => Math.round(estimatedCostMinor * (low + random.next() * (high - low)));
  if (random.chance(0.8))
    return {
      outcome: 'repaired',
      actualCostMinor: costOf(0.7, 1.3),
      grade: random.weighted<Grade>([
        ['B', 70],
        ['A', 10],
        ['C', 20],
      ]),
      note: random.pick(REPAIRED_NOTES),
    };
  return { outcome: 'beyond_repair', actualCostMinor: costOf(0.15, 0.35), note: random.pick(BEYOND_REPAIR_NOTES) };
}
