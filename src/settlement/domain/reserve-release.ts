// What inspection does to units credited ahead of it. The early line credited them for the claimed
// condition (price, tax, the restocking fee by the reason's fault, no deduction), and the credit
// went through the returns reserve. Inspecting some of its units takes their share of the line out
// of the reserve: when the claim is borne out all of it stays credited (released into sales
// returns); when inspection contradicts the claim, the deduction the policy gives for the grade
// found is charged back to the customer's credit and the rest released. Shares are cumulative
// over the line's units — units k+1…k+q get round(a·(k+q)/n) − round(a·k/n) — so the parts of a
// line inspected in several goes add up to exactly the line, and the reserve nets to zero.
import type { SettlementPolicy } from '../../contracts/configuration.js';
import type { Grade } from './credit-calculation.js';

export interface EarlyLine {
  quantity: number;
  unitPriceMinor: number;
  priceMinor: number;
  taxMinor: number;
  restockingFeeMinor: number;
}

export interface InspectionFinding {
  claimVerdict: 'confirmed' | 'contradicted' | 'not_assessed' | null;
  grade: Grade | null;
}

export interface ReserveRelease {
  quantity: number;
  priceMinor: number;
  taxMinor: number;
  restockingFeeMinor: number;
  /** The deduction charged back to the customer's credit (0 unless the claim is contradicted). */
  chargedBackMinor: number;
  /** What stays credited: price + tax − fee − charged back. */
  releasedMinor: number;
  explanation: string;
}

/** Units k+1…k+q's share of an amount spread over n units. */
export function shareOfUnits(amount: number, unitsBefore: number, units: number, of: number): number {
  if (of === 0) return 0;
  return Math.round((amount * (unitsBefore + units)) / of) - Math.round((amount * unitsBefore) / of);
}

export function releaseOf(
  line: EarlyLine,
  unitsBefore: number,
  units: number,
  finding: InspectionFinding,
  policy: Pick<SettlementPolicy, 'damageDeductionBpsByGrade'>,
): ReserveRelease {
  if (!Number.isInteger(units) || units <= 0 || unitsBefore < 0 || unitsBefore + units > line.quantity)
    throw new Error(`units ${unitsBefore + 1}–${unitsBefore + units} are not units of a line of ${line.quantity}`);
  const part = (amount: number) => shareOfUnits(amount, unitsBefore, units, line.quantity);
  const priceMinor = part(line.priceMinor);
  const taxMinor = part(line.taxMinor);
  const restockingFeeMinor = part(line.restockingFeeMinor);
  const isContradicted = finding.claimVerdict === 'contradicted' && finding.grade !== null;
  const bps = isContradicted && finding.grade ? policy.damageDeductionBpsByGrade[finding.grade] : 0;
  // As at inspection-time crediting: fee and deduction together never take more than the price.
  const chargedBackMinor = Math.min(Math.round((priceMinor * bps) / 10_000), priceMinor - restockingFeeMinor);
  const releasedMinor = priceMinor + taxMinor - restockingFeeMinor - chargedBackMinor;
  const which = units === 1 ? `unit ${unitsBefore + 1}` : `units ${unitsBefore + 1}–${unitsBefore + units}`;
  const words = [`${which} of ${line.quantity} inspected`];
  if (finding.claimVerdict === 'contradicted')
    words.push(
      chargedBackMinor > 0
        ? `claim contradicted (found grade ${finding.grade}): deduction ${bps / 100} % −${chargedBackMinor} charged back`
        : `claim contradicted (found grade ${finding.grade ?? 'not given'}): no deduction`,
    );
  else words.push(finding.claimVerdict === 'confirmed' ? 'claim borne out' : 'claim not assessed');
  words.push(`${releasedMinor} released from the reserve`);
  return {
    quantity: units,
    priceMinor,
    taxMinor,
    restockingFeeMinor,
    chargedBackMinor,
    releasedMinor,
    explanation: words.join('; '),
  };
}
