// When a return line's units are credited, under the settlement policy's timing for the customer's
// tier: after inspection (the default: nothing ahead of proof), when the return is authorized (every
// authorized unit at once), or as goods are received (each receipt line's units). Units already on
// a live credit memo — by any basis — are never credited again, so a policy changed midway, a late
// authorization of goods already here, or a void memo drafted anew all come out right.
import type { CreditTiming, SettlementPolicy } from '../../contracts/configuration.js';
import type { CUSTOMER_TIERS } from '../../contracts/masterdata.js';

type CustomerTier = (typeof CUSTOMER_TIERS)[number];

export function creditTimingOf(policy: Pick<SettlementPolicy, 'creditTimingByTier'>, tier: CustomerTier): CreditTiming {
  return policy.creditTimingByTier?.[tier] ?? 'after_inspection';
}

/** What settlement and receiving know of one return line when its credit ahead of inspection is decided. */
export interface LineCreditState {
  /** Units the return authorizes on the line. */
  quantity: number;
  /** Units of the line on credit memos that are not void, by any basis. */
  creditedUnits: number;
  /** Whether a live memo already holds the line's authorization credit. */
  hasAuthorizationCredit: boolean;
  /** The line's receipt lines, oldest first, and whether a live memo already credits each. */
  receiptLines: ReadonlyArray<{ id: string; quantity: number; isCredited: boolean }>;
}

export type EarlyCredit =
  { basis: 'authorization'; quantity: number } | { basis: 'receipt'; receiptLineId: string; quantity: number };

export function earlyCreditsOf(timing: CreditTiming, line: LineCreditState): EarlyCredit[] {
  switch (timing) {
    case 'after_inspection':
      return [];
    case 'on_authorization': {
      const quantity = line.quantity - line.creditedUnits;
      return line.hasAuthorizationCredit || quantity <= 0 ? [] : [{ basis: 'authorization', quantity }];
    }
    case 'on_receipt': {
      // Units here and on no memo yet (inspection-based credits are of received units too), never
      // more than the line authorizes: the return's settled units stay within its units.
      const received = line.receiptLines.reduce((sum, r) => sum + r.quantity, 0);
      let uncredited = Math.min(received, line.quantity) - line.creditedUnits;
      const credits: EarlyCredit[] = [];
      for (const receiptLine of line.receiptLines) {
        if (receiptLine.isCredited || uncredited <= 0) continue;
        const quantity = Math.min(receiptLine.quantity, uncredited);
        credits.push({ basis: 'receipt', receiptLineId: receiptLine.id, quantity });
        uncredited -= quantity;
      }
      return credits;
    }
  }
}
