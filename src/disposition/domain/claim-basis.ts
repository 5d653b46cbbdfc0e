// Under which of the supplier's terms goods go back to it, which decides what we may claim: a
// warranty claim recovers the warranty rate of the unit's cost, a return under the supplier's
// return terms the cost less its restocking fee.
import type { ClaimBasis } from '../../contracts/recovery.js';

export interface ClaimBasisFacts {
  /** The return's type (the rules' facts carry it as text). */
  returnType: string;
  /** Whose fault the customer's reason names (absent where no reason was judged, e.g. a hold release). */
  reasonFault?: string;
  underWarranty?: boolean;
}

/**
 * Warranty when the customer returned it under warranty, or when its failure is the supplier's
 * and the unit is still within its warranty; otherwise the supplier's return terms.
 */
export function claimBasisOf(facts: ClaimBasisFacts): ClaimBasis {
  if (facts.returnType === 'warranty') return 'warranty';
  if (facts.reasonFault === 'supplier' && facts.underWarranty === true) return 'warranty';
  return 'return_to_vendor';
}
