// Whether the inspection bears out what the customer claimed. A contradiction ("defective", but
// tested and no fault found; "unopened", but used) is recorded with its reason: finance may deduct
// for it, and abuse detection later counts it. Only what the findings can speak to is judged; the
// rest is `not_assessed`, never guessed.
import type { ClaimVerdict, Grade } from '../../contracts/inspection-vocabulary.js';

export interface Claim {
  reasonCode: string;
  /** Whose fault the reason says it is (reason codes' `fault`). */
  reasonFault: string;
  claimedCondition: string;
}

export interface Findings {
  grade: Grade;
  defectCodes: readonly string[];
  noFaultFound: boolean;
}

export interface Verdict {
  verdict: ClaimVerdict;
  reason: string;
}

const WORKING: readonly Grade[] = ['A', 'B', 'C'];
const FAULT_DEFECTS = [
  'DEAD_ON_ARRIVAL',
  'INTERMITTENT',
  'ELECTRICAL_FAULT',
  'MECHANICAL_FAULT',
  'MISSING_PARTS',
  'EXPIRED',
  'TEMPERATURE_EXCURSION',
  'WRONG_ITEM',
];

export function judgeClaim(claim: Claim, findings: Findings): Verdict {
  const defects = new Set(findings.defectCodes);
  const hasFault = findings.grade === 'D' || findings.grade === 'X' || FAULT_DEFECTS.some((d) => defects.has(d));
  const misuse = defects.has('CUSTOMER_DAMAGE');
  const claimsFault =
    claim.claimedCondition === 'defective' ||
    ['DEFECTIVE', 'WARRANTY_FAILURE', 'NOT_AS_DESCRIBED'].includes(claim.reasonCode);

  if (claimsFault) {
    if (findings.noFaultFound || (!hasFault && WORKING.includes(findings.grade)))
      return { verdict: 'contradicted', reason: 'claimed defective, but no fault was found' };
    if (misuse) return { verdict: 'contradicted', reason: 'claimed defective, but the damage is from misuse' };
    return { verdict: 'confirmed', reason: 'the fault the customer reported was found' };
  }
  if (claim.reasonCode === 'MISSING_PARTS' || claim.claimedCondition === 'missing_parts') {
    return defects.has('MISSING_PARTS')
      ? { verdict: 'confirmed', reason: 'parts are missing, as reported' }
      : { verdict: 'contradicted', reason: 'reported missing parts, but the contents are complete' };
  }
  if (claim.claimedCondition === 'damaged_in_transit' || claim.reasonCode === 'DAMAGED_IN_TRANSIT') {
    if (defects.has('TRANSIT_DAMAGE') || findings.grade !== 'A')
      return misuse
        ? { verdict: 'contradicted', reason: 'reported damaged in transit, but the damage is from misuse' }
        : { verdict: 'confirmed', reason: 'damage consistent with the reported transit damage' };
    return { verdict: 'contradicted', reason: 'reported damaged in transit, but no damage was found' };
  }
  if (claim.reasonCode === 'WRONG_ITEM_SHIPPED')
    return defects.has('WRONG_ITEM')
      ? { verdict: 'confirmed', reason: 'the unit is not the item ordered, as reported' }
      : { verdict: 'not_assessed', reason: 'whether the item was the one ordered is for the order, not the bench' };
  if (claim.claimedCondition === 'unopened') {
    if (findings.grade === 'A') return { verdict: 'confirmed', reason: 'unopened, as claimed' };
    return {
      verdict: 'contradicted',
      reason: misuse ? 'claimed unopened, but used and damaged' : `claimed unopened, but graded ${findings.grade}`,
    };
  }
  if (claim.claimedCondition === 'opened_unused') {
    if (findings.grade === 'A' || findings.grade === 'B')
      return { verdict: 'confirmed', reason: 'opened but unused, as claimed' };
    return { verdict: 'contradicted', reason: `claimed unused, but graded ${findings.grade}` };
  }
  if (misuse && claim.reasonFault !== 'customer')
    return { verdict: 'contradicted', reason: 'the damage is from misuse, not the reason given' };
  return { verdict: 'not_assessed', reason: 'nothing in the findings speaks to the claim' };
}
