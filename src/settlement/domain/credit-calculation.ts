// What a return line's inspected units are credited, from the original sale: the price of the
// units, their share of the line's tax, less the restocking fee the policy charges when the fault
// is the customer's, less a deduction when inspection contradicts the claim (by the grade found).
// Tax is shared out cumulatively over the invoiced line — units k+1…k+q get
// round(tax·(k+q)/n) − round(tax·k/n) — so crediting a line in parts adds up to exactly its tax.
// After a void, k units may hold more or less than round(tax·k/n): the share is then taken from the
// tax they do hold, between 0 and what is left, so the line never gives back more than its tax.
import type { SettlementPolicy } from '../../contracts/configuration.js';

export type Fault = keyof SettlementPolicy['restockingFeeBpsByFault'];
export type Grade = keyof SettlementPolicy['damageDeductionBpsByGrade'];

export interface UnitsToCredit {
  quantity: number;
  unitPriceMinor: number;
  /** The invoiced line: units shipped and the tax charged on all of them. */
  invoiced: { quantity: number; taxMinor: number };
  /** Units of the invoiced line already on credit memos that are not void. */
  alreadyCredited: number;
  /**
   * Tax those memos give back. Without voids it is the units' cumulative share; after a void it
   * may differ, and the next share is taken from it so the line's tax is never given back twice.
   */
  alreadyCreditedTaxMinor?: number;
  fault: Fault;
  claimVerdict: 'confirmed' | 'contradicted' | 'not_assessed' | null;
  grade: Grade | null;
}

export interface CreditLine {
  quantity: number;
  priceMinor: number;
  taxMinor: number;
  restockingFeeMinor: number;
  deductionMinor: number;
  totalMinor: number;
  explanation: string;
}

export type CreditDecision = { ok: true; line: CreditLine } | { ok: false; reason: string };

const share = (amount: number, bps: number) => Math.round((amount * bps) / 10_000);
const taxUpTo = (tax: number, units: number, of: number) => (of === 0 ? 0 : Math.round((tax * units) / of));

export function creditFor(units: UnitsToCredit, policy: SettlementPolicy): CreditDecision {
  const { quantity, invoiced, alreadyCredited } = units;
  if (!Number.isInteger(quantity) || quantity <= 0) return { ok: false, reason: 'nothing to credit' };
  if (alreadyCredited + quantity > invoiced.quantity)
    return {
      ok: false,
      reason: `only ${Math.max(invoiced.quantity - alreadyCredited, 0)} of the ${invoiced.quantity} invoiced units are left to credit`,
    };
  const priceMinor = units.unitPriceMinor * quantity;
  const taxBefore = units.alreadyCreditedTaxMinor ?? taxUpTo(invoiced.taxMinor, alreadyCredited, invoiced.quantity);
  const taxMinor = Math.max(
    0,
    Math.min(
      taxUpTo(invoiced.taxMinor, alreadyCredited + quantity, invoiced.quantity) - taxBefore,
      invoiced.taxMinor - taxBefore,
    ),
  );
  const feeBps = policy.restockingFeeBpsByFault[units.fault];
  const deductionBps =
    units.claimVerdict === 'contradicted' && units.grade ? policy.damageDeductionBpsByGrade[units.grade] : 0;
  const restockingFeeMinor = share(priceMinor, feeBps);
  // Fee and deduction together never take more than the price: the tax is always given back.
  const deductionMinor = Math.min(share(priceMinor, deductionBps), priceMinor - restockingFeeMinor);
  const words = [`${quantity} × ${units.unitPriceMinor} = ${priceMinor}`, `tax ${taxMinor}`];
  if (restockingFeeMinor > 0)
    words.push(`restocking fee ${feeBps / 100} % (${units.fault}'s fault) −${restockingFeeMinor}`);
  if (deductionMinor > 0)
    words.push(`deduction ${deductionBps / 100} % (claim contradicted, found grade ${units.grade}) −${deductionMinor}`);
  return {
    ok: true,
    line: {
      quantity,
      priceMinor,
      taxMinor,
      restockingFeeMinor,
      deductionMinor,
      totalMinor: priceMinor + taxMinor - restockingFeeMinor - deductionMinor,
      explanation: words.join('; '),
    },
  };
}

/** Whether a memo of this total (in its currency) needs finance's own approval. */
export function needsFinanceApproval(totalMinor: number, currency: string, policy: SettlementPolicy): boolean {
  const limit = policy.financeApprovalAboveMinor[currency] ?? policy.defaultFinanceApprovalAboveMinor;
  return totalMinor > limit;
}
