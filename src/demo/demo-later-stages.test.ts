import { describe, expect, it } from 'vitest';
import { createRandom } from './random.js';
import { inspectUnits, type ChecklistItem, type UnitClaim } from './demo-inspection-findings.js';
import { chooseDisposition, NO_PARTNER_REASON, reportWorkOrder } from './demo-disposition-choices.js';
import { createTimeline, workingHoursAfter } from './demo-timeline.js';

const check = (id: string): ChecklistItem => ({ id, kind: 'check', min: null, max: null });
/** The default configuration's power tools checklist, and an item an admin added. */
const POWER_TOOLS: ChecklistItem[] = [
  check('packaging_intact'),
  check('contents_complete'),
  check('label_matches'),
  check('no_visible_damage'),
  check('powers_on'),
  { id: 'insulation_resistance', kind: 'measurement', min: 2, max: null },
  check('torque_clutch_slips'),
  { id: 'noise_level', kind: 'measurement', min: null, max: 85 },
];

/** Records of `n` inspections of units returned with this claim. */
function inspectMany(claim: UnitClaim, n = 400) {
  const random = createRandom(7);
  return Array.from({ length: n }, () => inspectUnits(random, claim, POWER_TOOLS));
}

const share = <T>(items: readonly T[], test: (item: T) => boolean) => items.filter(test).length / items.length;

describe('the demo bench', () => {
  it('grades units ordered in error and returned unopened mostly A, sometimes B, never as not working', () => {
    const records = inspectMany({ reasonCode: 'ORDERED_IN_ERROR', claimedCondition: 'unopened', category: 'Plumbing' });
    expect(share(records, (r) => r.grade === 'A')).toBeGreaterThan(0.7);
    expect(share(records, (r) => r.grade === 'B')).toBeGreaterThan(0.05);
    expect(share(records, (r) => r.grade === 'D' || r.grade === 'X')).toBe(0);
    expect(records.filter((r) => r.grade === 'A').every((r) => r.defectCodes.length === 0)).toBe(true);
  });

  it('finds most "defective" power tools not working, some with no fault found (graded B), never both', () => {
    const records = inspectMany({ reasonCode: 'DEFECTIVE', claimedCondition: 'defective', category: 'Power Tools' });
    expect(share(records, (r) => r.grade === 'D')).toBeGreaterThan(0.55);
    expect(records.some((r) => r.defectCodes.includes('DEAD_ON_ARRIVAL'))).toBe(true);
    const noFault = records.filter((r) => r.noFaultFound);
    expect(noFault.length / records.length).toBeGreaterThan(0.1);
    expect(noFault.every((r) => r.grade === 'B' && r.defectCodes.join() === 'NO_FAULT_FOUND')).toBe(true);
    // An electrical fault reads below the insulation minimum; any other unit well above it.
    for (const r of records)
      expect(r.checklist.find((a) => a.id === 'insulation_resistance')!.value! < 2).toBe(
        r.defectCodes.includes('ELECTRICAL_FAULT'),
      );
  });

  it('grades transit damage mostly C with TRANSIT_DAMAGE', () => {
    const records = inspectMany({
      reasonCode: 'DAMAGED_IN_TRANSIT',
      claimedCondition: 'damaged_in_transit',
      category: 'Lighting',
    });
    const graded = records.filter((r) => r.grade === 'C');
    expect(graded.length / records.length).toBeGreaterThan(0.5);
    expect(graded.every((r) => r.defectCodes.includes('TRANSIT_DAMAGE'))).toBe(true);
  });

  it('answers every item of the checklist it is given, an admin’s own included, and only those', () => {
    for (const r of inspectMany(
      { reasonCode: 'NO_LONGER_NEEDED', claimedCondition: 'opened_unused', category: null },
      50,
    )) {
      expect(r.checklist.map((a) => a.id)).toEqual(POWER_TOOLS.map((item) => item.id));
      for (const [index, item] of POWER_TOOLS.entries()) {
        const answer = r.checklist[index]!;
        if (item.kind === 'check') expect(typeof answer.passed).toBe('boolean');
        else expect(typeof answer.value).toBe('number');
      }
      // A working unit reads inside the range of a measurement an admin added.
      expect(r.checklist.find((a) => a.id === 'noise_level')!.value!).toBeLessThanOrEqual(85);
    }
  });

  it('fails the checks the findings contradict: a dead unit does not power on, missing parts are not complete', () => {
    const random = createRandom(11);
    const defective = { reasonCode: 'DEFECTIVE', claimedCondition: 'defective', category: 'Power Tools' };
    const missingParts = { reasonCode: 'MISSING_PARTS', claimedCondition: 'missing_parts', category: 'Power Tools' };
    for (let i = 0; i < 200; i += 1) {
      const unit = inspectUnits(random, defective, POWER_TOOLS);
      const passed = (id: string) => unit.checklist.find((a) => a.id === id)!.passed;
      if (unit.defectCodes.includes('DEAD_ON_ARRIVAL')) expect(passed('powers_on')).toBe(false);
      if (unit.noFaultFound) expect(passed('powers_on')).toBe(true);
      const incomplete = inspectUnits(random, missingParts, POWER_TOOLS);
      expect(incomplete.checklist.find((a) => a.id === 'contents_complete')!.passed).toBe(
        !incomplete.defectCodes.includes('MISSING_PARTS'),
      );
    }
  });

  it('confirms most recommendations, overrides some with a reason, and repairs in-house where no partner is set up', () => {
    const random = createRandom(5);
    const choices = Array.from({ length: 500 }, () => chooseDisposition(random, { code: 'RESTOCK', grade: 'B' }, null));
    const overridden = choices.filter((c) => c.code !== 'RESTOCK');
    expect(overridden.length).toBeGreaterThan(0);
    expect(overridden.length / choices.length).toBeLessThan(0.2);
    expect(overridden.every((c) => c.overrideReason.length > 10)).toBe(true);
    expect(choices.filter((c) => c.code === 'RESTOCK').every((c) => c.overrideReason === '')).toBe(true);
    // An as-new unit is never sent to the outlet instead of the shelf.
    const asNew = Array.from({ length: 200 }, () => chooseDisposition(random, { code: 'RESTOCK', grade: 'A' }, null));
    expect(asNew.every((c) => c.code === 'RESTOCK')).toBe(true);

    expect(chooseDisposition(random, { code: 'REPAIR_EXTERNAL', grade: 'D' }, 'ptn_1')).toEqual({
      code: 'REPAIR_EXTERNAL',
      overrideReason: '',
      partnerId: 'ptn_1',
    });
    expect(chooseDisposition(random, { code: 'REPAIR_EXTERNAL', grade: 'D' }, null)).toEqual({
      code: 'REPAIR_INTERNAL',
      overrideReason: NO_PARTNER_REASON,
    });
  });

  it('reports most work orders repaired near the estimate, some beyond repair, never a negative cost', () => {
    const random = createRandom(9);
    const reports = Array.from({ length: 300 }, () => reportWorkOrder(random, 10_000));
    const repaired = reports.filter((r) => r.outcome === 'repaired');
    expect(repaired.length / reports.length).toBeGreaterThan(0.6);
    expect(
      repaired.every((r) => r.grade !== undefined && r.actualCostMinor >= 7_000 && r.actualCostMinor <= 13_000),
    ).toBe(true);
    expect(reports.filter((r) => r.outcome === 'beyond_repair').every((r) => r.grade === undefined)).toBe(true);
  });
});

describe('the later stages’ calendar', () => {
  it('runs steps in time order, including those planned by a step, and plans nothing at or after the limit', async () => {
    const timeline = createTimeline('2026-11-26T10:00:00.000Z');
    const ran: string[] = [];
    const record = (name: string) => () => {
      ran.push(name);
      return Promise.resolve();
    };
    timeline.plan('2026-11-20T09:00:00.000Z', async () => {
      ran.push('b');
      expect(timeline.plan('2026-11-21T09:00:00.000Z', record('d'))).toBe(true);
      await Promise.resolve();
    });
    timeline.plan('2026-11-19T09:00:00.000Z', record('a'));
    timeline.plan('2026-11-20T09:00:00.000Z', record('c'));
    expect(timeline.plan('2026-11-26T10:00:00.000Z', record('late'))).toBe(false);
    await timeline.run();
    expect(ran).toEqual(['a', 'b', 'c', 'd']);
  });

  it('moves work planned for the night into the next working morning', () => {
    const random = createRandom(1);
    for (let hours = 0; hours < 48; hours += 1) {
      const moment = workingHoursAfter(random, '2026-11-20T16:30:00.000Z', hours);
      const hour = new Date(moment).getUTCHours();
      expect(hour >= 7 && hour < 18, moment).toBe(true);
      expect(moment > '2026-11-20T16:30:00.000Z').toBe(true);
    }
  });
});
