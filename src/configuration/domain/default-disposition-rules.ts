// The disposition rules a fresh installation starts with: what a broadline distributor does with
// inspected returns. The first active rule whose conditions all hold decides, so the order is the
// policy: safety and compliance first (hazardous and regulated goods, recalls, expired lots), then
// the grade — saleable goods back on the shelf, defective goods to the supplier while they still
// pay for them, repair or refurbishment while it costs less than the unit is worth, the outlet or
// scrap when it does not. Every code named here is one of the default disposition codes.
import type { Condition, DispositionRule, DispositionRules } from '../../contracts/disposition-rules.js';

function rule(id: string, name: string, code: string, when: Condition[], explanation: string): DispositionRule {
  return { id, name, code, when, explanation, isActive: true };
}

const isHazmat: Condition = { fact: 'regulatedClass', op: 'eq', value: 'hazmat' };
const isRegulated: Condition = { fact: 'regulatedClass', op: 'not_null' };
const lotExpired: Condition = { fact: 'lotExpiresInDays', op: 'lt', value: 0 };
const notConsumable: Condition = { fact: 'category', op: 'not_in', value: ['Consumables', 'Pharmaceuticals'] };
const grade = (value: string): Condition => ({ fact: 'grade', op: 'eq', value });
const gradeIn = (...value: string[]): Condition => ({ fact: 'grade', op: 'in', value });
const isTrue = (fact: Condition['fact']): Condition => ({ fact, op: 'is_true' });
const costBelow = (fact: 'repairCostMinor' | 'refurbishCostMinor', factor: number): Condition => ({
  fact,
  op: 'lt',
  compareToFact: 'unitValueMinor',
  factor,
});

export const DEFAULT_DISPOSITION_RULES: DispositionRules = {
  // Basis points of the unit's value. Networking and lab gear repair cheaply (boards and modules
  // swap); lighting and batteries rarely repay a repair.
  costEstimates: [
    { category: '*', repairBps: 3_500, refurbishBps: 2_500 },
    { category: 'Networking', repairBps: 2_500, refurbishBps: 1_500 },
    { category: 'Power Tools', repairBps: 3_000, refurbishBps: 2_000 },
    { category: 'Lab Equipment', repairBps: 2_000, refurbishBps: 1_500 },
    { category: 'HVAC', repairBps: 3_000, refurbishBps: 2_500 },
    { category: 'Electrical', repairBps: 5_000, refurbishBps: 3_500 },
    { category: 'Lighting', repairBps: 6_000, refurbishBps: 4_000 },
    { category: 'Batteries', repairBps: 10_000, refurbishBps: 8_000 },
  ],
  rules: [
    rule(
      'hazmat-unusable',
      'Hazardous goods that cannot be sold',
      'HAZARDOUS_DISPOSAL',
      [isHazmat, gradeIn('D', 'X')],
      'Hazardous goods that do not work or are unsafe go to certified disposal',
    ),
    rule(
      'hazmat-expired',
      'Expired hazardous goods',
      'HAZARDOUS_DISPOSAL',
      [isHazmat, lotExpired],
      'Hazardous goods past their lot’s expiry go to certified disposal',
    ),
    rule(
      'regulated-expired',
      'Expired regulated goods',
      'QUARANTINE',
      [isRegulated, lotExpired],
      'Expired regulated goods are held until compliance arranges their destruction',
    ),
    rule(
      'regulated-not-as-new',
      'Regulated goods not as new',
      'QUARANTINE',
      [isRegulated, { fact: 'grade', op: 'ne', value: 'A' }],
      'Regulated goods that are not as new are held until compliance releases them',
    ),
    rule(
      'recall-to-vendor',
      'Recalled, supplier takes it back',
      'RETURN_TO_VENDOR',
      [{ fact: 'returnType', op: 'eq', value: 'recall' }, isTrue('supplierAcceptsReturns')],
      'Recalled goods are never restocked: they go back to the supplier',
    ),
    rule(
      'recall-hold',
      'Recalled, no supplier return',
      'QUARANTINE',
      [{ fact: 'returnType', op: 'eq', value: 'recall' }],
      'Recalled goods are never restocked: held until the recall says what to do with them',
    ),
    rule(
      'cold-chain-unknown',
      'Temperature-controlled goods opened',
      'QUARANTINE',
      [isTrue('isTemperatureControlled'), { fact: 'grade', op: 'ne', value: 'A' }],
      'Opened temperature-controlled goods: the cold chain cannot be vouched for, so they are held',
    ),
    rule(
      'unusable',
      'Unusable or unsafe',
      'SCRAP',
      [grade('X')],
      'Unusable or unsafe: nothing to recover but material',
    ),
    rule('lot-expired', 'Lot expired', 'SCRAP', [lotExpired], 'Past the lot’s expiry date: it can no longer be sold'),
    rule(
      'lot-short-dated',
      'Lot expires within 30 days',
      'SECONDARY_CHANNEL',
      [{ fact: 'lotExpiresInDays', op: 'lt', value: 30 }, gradeIn('A', 'B')],
      'Too close to its expiry date to restock: sell through the outlet while it lasts',
    ),
    rule(
      'warranty-claim-not-borne-out',
      'Warranty claim not borne out',
      'RETURN_TO_CUSTOMER',
      [
        { fact: 'returnType', op: 'eq', value: 'warranty' },
        { fact: 'claimVerdict', op: 'eq', value: 'contradicted' },
        gradeIn('C', 'D'),
      ],
      'The inspection does not bear out the warranty claim: the customer’s unit goes back to them',
    ),
    rule(
      'claim-contradicted-saleable',
      'Claim not borne out, saleable',
      'RESTOCK',
      [{ fact: 'claimVerdict', op: 'eq', value: 'contradicted' }, gradeIn('A', 'B'), notConsumable],
      'What the customer said of the goods is not borne out, but they are saleable: restock (settlement decides any fee)',
    ),
    rule('as-new', 'As new', 'RESTOCK', [grade('A')], 'As new: back to saleable stock'),
    rule(
      'opened-complete',
      'Opened, complete and working',
      'RESTOCK',
      [grade('B'), notConsumable],
      'Opened but complete and working: back to saleable stock',
    ),
    rule(
      'opened-consumable',
      'Opened consumable',
      'SECONDARY_CHANNEL',
      [grade('B')],
      'Opened consumables cannot be sold as new: sell through the outlet',
    ),
    rule(
      'defective-under-warranty',
      'Defective under the supplier’s warranty',
      'RETURN_TO_VENDOR',
      [grade('D'), isTrue('underWarranty'), isTrue('supplierAcceptsReturns'), isTrue('withinVendorReturnWindow')],
      'Defective under warranty and within the supplier’s return window: the supplier repairs or credits it',
    ),
    rule(
      'defective-supplier-fault',
      'Defective, the supplier’s fault',
      'RETURN_TO_VENDOR',
      [
        grade('D'),
        { fact: 'reasonFault', op: 'eq', value: 'supplier' },
        isTrue('supplierAcceptsReturns'),
        isTrue('withinVendorReturnWindow'),
      ],
      'Defective through the supplier’s fault and within their return window: back to the supplier for credit',
    ),
    rule(
      'repair-in-house',
      'Defective, cheap to repair',
      'REPAIR_INTERNAL',
      [grade('D'), costBelow('repairCostMinor', 0.3)],
      'Defective, and a repair on our own bench costs less than a third of its value',
    ),
    rule(
      'repair-by-partner',
      'Defective, worth repairing',
      'REPAIR_EXTERNAL',
      [grade('D'), costBelow('repairCostMinor', 0.5)],
      'Defective, and repair by a partner costs less than half its value',
    ),
    rule(
      'defective-for-parts',
      'Defective, worth selling for parts',
      'SECONDARY_CHANNEL',
      [grade('D'), { fact: 'unitValueMinor', op: 'gte', value: 10_000 }],
      'Not worth repairing but worth selling for parts',
    ),
    rule('defective-scrap', 'Defective, nothing to recover', 'SCRAP', [grade('D')], 'Not worth repairing: scrap'),
    rule(
      'cosmetic-refurbish',
      'Cosmetic damage, worth refurbishing',
      'REFURBISH',
      [grade('C'), costBelow('refurbishCostMinor', 0.6)],
      'Working with cosmetic wear, and refurbishing costs less than 60% of its value: sell as refurbished',
    ),
    rule(
      'cosmetic-outlet',
      'Cosmetic damage',
      'SECONDARY_CHANNEL',
      [grade('C')],
      'Working with cosmetic wear, not worth refurbishing: sell through the outlet',
    ),
  ],
  fallback: { code: 'QUARANTINE', explanation: 'No rule applied: hold for a person to decide' },
};
