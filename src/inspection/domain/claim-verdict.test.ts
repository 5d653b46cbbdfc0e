import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CLAIMED_CONDITIONS } from '../../contracts/returns-vocabulary.js';
import { GRADES } from '../../contracts/inspection-vocabulary.js';
import { judgeClaim, type Claim, type Findings } from './claim-verdict.js';

const claim = (overrides: Partial<Claim> = {}): Claim => ({
  reasonCode: 'ORDERED_IN_ERROR',
  reasonFault: 'customer',
  claimedCondition: 'used',
  ...overrides,
});
const found = (overrides: Partial<Findings> = {}): Findings => ({
  grade: 'B',
  defectCodes: [],
  noFaultFound: false,
  ...overrides,
});

describe('judgeClaim', () => {
  describe('claimed defective (by condition or by a fault reason)', () => {
    const defective = claim({ claimedCondition: 'defective', reasonCode: 'DEFECTIVE', reasonFault: 'supplier' });

    it('is contradicted when tested and no fault found', () => {
      const v = judgeClaim(defective, found({ grade: 'A', noFaultFound: true, defectCodes: ['NO_FAULT_FOUND'] }));
      expect(v).toEqual({ verdict: 'contradicted', reason: 'claimed defective, but no fault was found' });
    });

    it('is contradicted when the unit works and no fault is recorded, whatever the reason code says', () => {
      for (const reasonCode of ['WARRANTY_FAILURE', 'NOT_AS_DESCRIBED']) {
        const v = judgeClaim(
          claim({ reasonCode, claimedCondition: 'used' }),
          found({ grade: 'C', defectCodes: ['COSMETIC'] }),
        );
        expect(v.verdict).toBe('contradicted');
      }
    });

    it('is confirmed when a fault is found: not working, or a fault defect on a working grade', () => {
      expect(judgeClaim(defective, found({ grade: 'D', defectCodes: ['DEAD_ON_ARRIVAL'] })).verdict).toBe('confirmed');
      expect(judgeClaim(defective, found({ grade: 'X' })).verdict).toBe('confirmed');
      expect(judgeClaim(defective, found({ grade: 'B', defectCodes: ['INTERMITTENT'] })).verdict).toBe('confirmed');
    });

    it('is contradicted when the fault comes from misuse', () => {
      const v = judgeClaim(defective, found({ grade: 'D', defectCodes: ['CUSTOMER_DAMAGE', 'MECHANICAL_FAULT'] }));
      expect(v).toEqual({ verdict: 'contradicted', reason: 'claimed defective, but the damage is from misuse' });
    });
  });

  describe('missing parts', () => {
    it('is confirmed when parts are missing, contradicted when the contents are complete', () => {
      const byReason = claim({
        reasonCode: 'MISSING_PARTS',
        reasonFault: 'supplier',
        claimedCondition: 'opened_unused',
      });
      const byCondition = claim({ claimedCondition: 'missing_parts' });
      for (const c of [byReason, byCondition]) {
        expect(judgeClaim(c, found({ defectCodes: ['MISSING_PARTS'] })).verdict).toBe('confirmed');
        expect(judgeClaim(c, found({ grade: 'A' }))).toEqual({
          verdict: 'contradicted',
          reason: 'reported missing parts, but the contents are complete',
        });
      }
    });
  });

  describe('damaged in transit', () => {
    const transit = claim({
      reasonCode: 'DAMAGED_IN_TRANSIT',
      reasonFault: 'carrier',
      claimedCondition: 'damaged_in_transit',
    });

    it('is confirmed by transit damage or a grade below A', () => {
      expect(judgeClaim(transit, found({ grade: 'A', defectCodes: ['TRANSIT_DAMAGE'] })).verdict).toBe('confirmed');
      expect(judgeClaim(transit, found({ grade: 'C' })).verdict).toBe('confirmed');
      expect(judgeClaim(claim({ claimedCondition: 'damaged_in_transit' }), found({ grade: 'D' })).verdict).toBe(
        'confirmed',
      );
    });

    it('is contradicted when there is no damage, or the damage is from misuse', () => {
      expect(judgeClaim(transit, found({ grade: 'A' }))).toEqual({
        verdict: 'contradicted',
        reason: 'reported damaged in transit, but no damage was found',
      });
      expect(judgeClaim(transit, found({ grade: 'C', defectCodes: ['CUSTOMER_DAMAGE'] })).reason).toMatch(/misuse/);
    });
  });

  describe('wrong item shipped', () => {
    const wrong = claim({ reasonCode: 'WRONG_ITEM_SHIPPED', reasonFault: 'distributor', claimedCondition: 'unopened' });
    it('is confirmed by the wrong-item defect; otherwise not for the bench to say', () => {
      expect(judgeClaim(wrong, found({ grade: 'A', defectCodes: ['WRONG_ITEM'] })).verdict).toBe('confirmed');
      expect(judgeClaim(wrong, found({ grade: 'A' })).verdict).toBe('not_assessed');
    });
  });

  describe('claimed unopened', () => {
    const unopened = claim({ claimedCondition: 'unopened' });
    it('is confirmed at grade A', () => {
      expect(judgeClaim(unopened, found({ grade: 'A' }))).toEqual({
        verdict: 'confirmed',
        reason: 'unopened, as claimed',
      });
    });
    it('is contradicted below A, naming the grade (or the misuse)', () => {
      expect(judgeClaim(unopened, found({ grade: 'B' }))).toEqual({
        verdict: 'contradicted',
        reason: 'claimed unopened, but graded B',
      });
      expect(judgeClaim(unopened, found({ grade: 'C', defectCodes: ['CUSTOMER_DAMAGE'] })).reason).toBe(
        'claimed unopened, but used and damaged',
      );
    });
  });

  describe('claimed opened but unused', () => {
    const opened = claim({ claimedCondition: 'opened_unused' });
    it('is confirmed at A or B and contradicted below', () => {
      expect(judgeClaim(opened, found({ grade: 'A' })).verdict).toBe('confirmed');
      expect(judgeClaim(opened, found({ grade: 'B' })).verdict).toBe('confirmed');
      expect(judgeClaim(opened, found({ grade: 'C' }))).toEqual({
        verdict: 'contradicted',
        reason: 'claimed unused, but graded C',
      });
    });
  });

  describe('nothing claimed of the condition', () => {
    it('is not assessed: a used unit ordered in error', () => {
      expect(judgeClaim(claim(), found({ grade: 'C', defectCodes: ['COSMETIC'] }))).toEqual({
        verdict: 'not_assessed',
        reason: 'nothing in the findings speaks to the claim',
      });
    });

    it('misuse contradicts a reason that blames someone other than the customer', () => {
      const late = claim({ reasonCode: 'LATE_DELIVERY', reasonFault: 'distributor' });
      expect(judgeClaim(late, found({ grade: 'C', defectCodes: ['CUSTOMER_DAMAGE'] })).verdict).toBe('contradicted');
      // The customer's own reason already owns the damage: nothing to contradict.
      expect(judgeClaim(claim(), found({ grade: 'C', defectCodes: ['CUSTOMER_DAMAGE'] })).verdict).toBe('not_assessed');
    });
  });

  const anyClaim = fc.record({
    reasonCode: fc.constantFrom(
      'DEFECTIVE',
      'ORDERED_IN_ERROR',
      'MISSING_PARTS',
      'DAMAGED_IN_TRANSIT',
      'WRONG_ITEM_SHIPPED',
    ),
    reasonFault: fc.constantFrom('customer', 'supplier', 'carrier', 'distributor', 'none'),
    claimedCondition: fc.constantFrom(...CLAIMED_CONDITIONS),
  });

  it('never confirms a claim of a defect when the damage is from misuse', () => {
    fc.assert(
      fc.property(
        anyClaim,
        fc.constantFrom(...GRADES),
        fc.subarray(['COSMETIC', 'MISSING_PARTS', 'TRANSIT_DAMAGE', 'DEAD_ON_ARRIVAL', 'WRONG_ITEM']),
        (c, grade, others) => {
          fc.pre(c.claimedCondition === 'defective' || c.reasonCode === 'DEFECTIVE');
          const v = judgeClaim(c, { grade, defectCodes: [...others, 'CUSTOMER_DAMAGE'], noFaultFound: false });
          expect(v.verdict).toBe('contradicted');
        },
      ),
    );
  });

  it('an as-new unit with nothing found confirms only a claim of the goods being as new', () => {
    fc.assert(
      fc.property(anyClaim, (c) => {
        const v = judgeClaim(c, { grade: 'A', defectCodes: [], noFaultFound: false });
        expect(v.reason.length).toBeGreaterThan(0);
        if (v.verdict === 'confirmed') expect(['unopened', 'opened_unused']).toContain(c.claimedCondition);
      }),
    );
  });
});
