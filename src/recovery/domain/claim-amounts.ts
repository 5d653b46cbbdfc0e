// What a claim line asks of the supplier, per its terms: goods it takes back under its return
// terms are claimed at their cost less its restocking fee; goods failed under warranty at its
// warranty recovery rate of their cost. Whole minor units, half up, per line.
import type { ClaimBasis } from '../../contracts/recovery.js';

export interface SupplierTermsForClaim {
  vendorRestockingFeeBps: number;
  warrantyRecoveryBps: number;
}

export interface ClaimLineAmount {
  termsBps: number;
  claimedMinor: number;
  explanation: string;
}

/** `value × bps / 10 000`, rounded half up, exact in integers. */
export function applyBps(valueMinor: number, bps: number): number {
  const product = BigInt(valueMinor) * BigInt(bps);
  const quotient = product / 10_000n;
  const remainder = product % 10_000n;
  return Number(remainder * 2n >= 10_000n ? quotient + 1n : quotient);
}

export function claimLineAmount(
  basis: ClaimBasis,
  unitCostMinor: number,
  quantity: number,
  terms: SupplierTermsForClaim,
): ClaimLineAmount {
  const costMinor = unitCostMinor * quantity;
  if (basis === 'warranty') {
    const termsBps = clampBps(terms.warrantyRecoveryBps);
    return {
      termsBps,
      claimedMinor: applyBps(costMinor, termsBps),
      explanation: `${quantity} × ${unitCostMinor} = ${costMinor} at the warranty recovery rate ${termsBps / 100} %`,
    };
  }
  const feeBps = clampBps(terms.vendorRestockingFeeBps);
  const termsBps = 10_000 - feeBps;
  const claimedMinor = applyBps(costMinor, termsBps);
  return {
    termsBps,
    claimedMinor,
    explanation:
      feeBps === 0
        ? `${quantity} × ${unitCostMinor} = ${costMinor}, returned under the supplier's terms with no restocking fee`
        : `${quantity} × ${unitCostMinor} = ${costMinor} less the supplier's restocking fee ${feeBps / 100} % (−${costMinor - claimedMinor})`,
  };
}

const clampBps = (bps: number) => Math.min(10_000, Math.max(0, Math.trunc(bps)));
