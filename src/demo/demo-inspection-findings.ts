// What a demo inspector finds on the bench, given what the customer said: mostly what the claim
// leads one to expect, sometimes not (an "unopened" box that was opened, a "defective" unit with no
// fault found, "transit damage" that was misuse). The grade, defect codes and findings come from
// one outcome, and the checklist is answered to agree with it, so claim verdicts, recommendations
// and the queue's numbers are the ones the real rules give for believable benches.
import type { ChecklistAnswer, RecordInspectionRequest } from '../contracts/inspection.js';
import type { Grade } from '../contracts/inspection-vocabulary.js';
import type { Random } from './random.js';

export interface UnitClaim {
  reasonCode: string;
  claimedCondition: string;
  category: string | null;
}

/** A checklist item as `getInspection` lays it out. */
export interface ChecklistItem {
  id: string;
  kind: 'check' | 'measurement';
  min: number | null;
  max: number | null;
}

interface Outcome {
  grade: Grade;
  defects: readonly string[];
  noFaultFound?: boolean;
  findings: readonly string[];
}

const AS_NEW: Outcome = {
  grade: 'A',
  defects: [],
  findings: ['Sealed, as shipped.', 'Factory seal intact, label matches the line.', 'Unopened; outer carton clean.'],
};
const OPENED: Outcome = {
  grade: 'B',
  defects: [],
  findings: [
    'Opened; contents complete, tested OK.',
    'Box opened and re-taped; unit unused, all accessories bagged.',
    'Opened for a look, never installed. Works.',
  ],
};
const SHOP_WORN: Outcome = {
  grade: 'B',
  defects: ['PACKAGING_DAMAGED'],
  findings: ['Product fine; retail box torn, cannot go back on the shelf as new.', 'Carton scuffed and written on.'],
};
const COSMETIC: Outcome = {
  grade: 'C',
  defects: ['COSMETIC'],
  findings: ['Works; scuffs and scratches on the housing from use.', 'Works; marks on the casing, one corner chipped.'],
};
const TRANSIT: Outcome = {
  grade: 'C',
  defects: ['TRANSIT_DAMAGE', 'PACKAGING_DAMAGED'],
  findings: [
    'Carton crushed at one corner; housing dented, unit works.',
    'Forklift puncture through the box; casing cracked, passes the function test.',
  ],
};
const TRANSIT_BROKEN: Outcome = {
  grade: 'D',
  defects: ['TRANSIT_DAMAGE', 'MECHANICAL_FAULT'],
  findings: ['Dropped in transit: mounting lugs snapped, mechanism jammed.', 'Impact damage; internal bracket broken.'],
};
const DEAD: Outcome = {
  grade: 'D',
  defects: ['DEAD_ON_ARRIVAL'],
  findings: ['No power on two known-good supplies.', 'Dead: no LEDs, no fan, fuse intact.'],
};
const INTERMITTENT: Outcome = {
  grade: 'D',
  defects: ['INTERMITTENT'],
  findings: [
    'Cuts out after 10–15 minutes under load; reproduced twice.',
    'Drops out intermittently on the soak test.',
  ],
};
const ELECTRICAL: Outcome = {
  grade: 'D',
  defects: ['ELECTRICAL_FAULT'],
  findings: ['Fails the insulation test; trips the bench RCD.', 'Short between live and earth on the PAT test.'],
};
const MECHANICAL: Outcome = {
  grade: 'D',
  defects: ['MECHANICAL_FAULT'],
  findings: ['Mechanism jams; fails the function test.', 'Seal leaks under test pressure.', 'Thread stripped.'],
};
const NO_FAULT: Outcome = {
  grade: 'B',
  defects: ['NO_FAULT_FOUND'],
  noFaultFound: true,
  findings: [
    'Bench-tested for two hours under load: no fault found.',
    'Works to specification on every test; probably an installation issue.',
  ],
};
const MISUSE: Outcome = {
  grade: 'D',
  defects: ['CUSTOMER_DAMAGE'],
  findings: ['Burnt contacts from an overload, outside the specification.', 'Used with the wrong supply; board burnt.'],
};
const UNSAFE: Outcome = {
  grade: 'X',
  defects: ['WATER_DAMAGE'],
  findings: ['Liquid ingress and corrosion on the board: unsafe to power.'],
};
const MISSING: Outcome = {
  grade: 'C',
  defects: ['MISSING_PARTS'],
  findings: ['Mounting kit and manual missing.', 'Battery and charger missing from the case.'],
};
const EXPIRED: Outcome = {
  grade: 'B',
  defects: ['EXPIRED'],
  findings: ['Past the expiry date printed on the pack.'],
};

/** Categories whose goods have power to test; the others fail mechanically. */
const POWERED = new Set(['Networking', 'Power Tools', 'Electrical', 'Lab Equipment', 'HVAC', 'Lighting', 'Batteries']);

type Weighted = ReadonlyArray<readonly [Outcome, number]>;

const BY_CONDITION: Record<string, Weighted> = {
  unopened: [
    [AS_NEW, 82],
    [OPENED, 12],
    [SHOP_WORN, 4],
    [COSMETIC, 2],
  ],
  opened_unused: [
    [OPENED, 65],
    [AS_NEW, 20],
    [SHOP_WORN, 8],
    [COSMETIC, 7],
  ],
  used: [
    [OPENED, 45],
    [COSMETIC, 40],
    [MECHANICAL, 15],
  ],
};

function outcomesFor(claim: UnitClaim): Weighted {
  const powered = claim.category !== null && POWERED.has(claim.category);
  switch (claim.reasonCode) {
    case 'DEFECTIVE':
    case 'WARRANTY_FAILURE':
      return powered
        ? [
            [DEAD, 30],
            [INTERMITTENT, 15],
            [ELECTRICAL, 12],
            [MECHANICAL, 8],
            [NO_FAULT, 22],
            [MISUSE, 8],
            [UNSAFE, 5],
          ]
        : [
            [MECHANICAL, 65],
            [NO_FAULT, 25],
            [MISUSE, 10],
          ];
    case 'DAMAGED_IN_TRANSIT':
      return [
        [TRANSIT, 65],
        [TRANSIT_BROKEN, 20],
        [SHOP_WORN, 10],
        [AS_NEW, 5],
      ];
    case 'MISSING_PARTS':
      return [
        [MISSING, 70],
        [OPENED, 30],
      ];
    case 'NOT_AS_DESCRIBED':
      return [
        [OPENED, 70],
        [AS_NEW, 20],
        [COSMETIC, 10],
      ];
    case 'EXPIRED_PRODUCT':
      return [
        [EXPIRED, 85],
        [AS_NEW, 15],
      ];
    default:
      return BY_CONDITION[claim.claimedCondition] ?? BY_CONDITION.used!;
  }
}

/** The inspector's record for the units: grade, defects, findings and the checklist answered to match. */
export function inspectUnits(
  random: Random,
  claim: UnitClaim,
  checklist: readonly ChecklistItem[],
): RecordInspectionRequest & { grade: Grade } {
  const outcome = random.weighted(outcomesFor(claim));
  return {
    checklist: checklist.map((item) => answer(random, item, outcome)),
    grade: outcome.grade,
    defectCodes: [...outcome.defects],
    noFaultFound: outcome.noFaultFound ?? false,
    findings: random.pick(outcome.findings),
    measurements: [],
    notes: '',
  };
}

const DAMAGE = ['TRANSIT_DAMAGE', 'COSMETIC', 'CUSTOMER_DAMAGE', 'WATER_DAMAGE'];
const NO_POWER = ['DEAD_ON_ARRIVAL', 'ELECTRICAL_FAULT', 'WATER_DAMAGE'];

function answer(random: Random, item: ChecklistItem, outcome: Outcome): ChecklistAnswer {
  const has = (...codes: string[]) => codes.some((code) => outcome.defects.includes(code));
  if (item.kind === 'measurement') return { id: item.id, value: measure(random, item, outcome) };
  const passed = (() => {
    switch (item.id) {
      case 'packaging_intact':
        return outcome.grade === 'A' || (outcome.grade === 'B' && !has('PACKAGING_DAMAGED'));
      case 'contents_complete':
        return !has('MISSING_PARTS');
      case 'label_matches':
        return !has('WRONG_ITEM');
      case 'no_visible_damage':
        return !has(...DAMAGE);
      case 'powers_on':
      case 'boots':
        return !has(...NO_POWER) && !(has('INTERMITTENT') && random.chance(0.5));
      case 'no_swelling':
        return outcome.grade !== 'X';
      case 'seal_intact':
        return outcome.grade === 'A';
      case 'cold_chain_ok':
        return !has('TEMPERATURE_EXCURSION');
      default:
        // A check an admin added: whatever it asks, a unit that works passes it.
        return outcome.grade === 'A' || outcome.grade === 'B' || outcome.grade === 'C';
    }
  })();
  return { id: item.id, passed };
}

const oneDecimal = (value: number) => Math.round(value * 10) / 10;

function measure(random: Random, item: ChecklistItem, outcome: Outcome): number {
  const between = (low: number, high: number) => oneDecimal(low + random.next() * (high - low));
  switch (item.id) {
    case 'insulation_resistance':
      return outcome.defects.includes('ELECTRICAL_FAULT') ? between(0.2, 1.8) : between(20, 500);
    case 'open_circuit_voltage':
      return outcome.grade === 'D' || outcome.grade === 'X' ? between(0, 2) : between(12.4, 13.1);
    case 'temperature_on_arrival':
      return outcome.defects.includes('TEMPERATURE_EXCURSION') ? between(9, 14) : between(3, 7);
    default: {
      // A measurement an admin added: a reading inside its range.
      const low = item.min ?? (item.max !== null ? item.max - 1 : 1);
      const high = item.max ?? low + 1;
      return between(low, high);
    }
  }
}
