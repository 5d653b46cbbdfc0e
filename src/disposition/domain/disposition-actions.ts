// What each disposition does. A code is the distributor's word; its action is what the system
// does with the units, and it decides the stock status, the kind of location they go to and the
// record executing it opens. Codes published before actions existed derive theirs from the status.
import type { DispositionCodes } from '../../contracts/configuration.js';
import type { DispositionAction } from '../../contracts/inspection-vocabulary.js';
import type { LocationKind, StockStatus } from '../../contracts/inventory.js';
import type { FollowUpType } from '../disposition.tables.js';

export type DispositionCodeEntry = DispositionCodes['codes'][number];

const ACTION_OF_STATUS: Record<DispositionCodeEntry['stockStatus'], DispositionAction> = {
  saleable: 'restock',
  in_refurbishment: 'refurbish',
  in_repair: 'repair',
  on_vendor_return: 'return_to_vendor',
  quarantined: 'quarantine',
  scrapped: 'scrap',
  secondary_channel: 'secondary_channel',
};

export interface ActionProfile {
  status: StockStatus;
  locationKind: LocationKind;
  followUp: FollowUpType | null;
}

/** The default of each action; a code may name another location kind. */
export const ACTION_PROFILES: Record<DispositionAction, ActionProfile> = {
  restock: { status: 'saleable', locationKind: 'putaway', followUp: null },
  refurbish: { status: 'in_refurbishment', locationKind: 'refurbishment', followUp: 'work_order' },
  repair: { status: 'in_repair', locationKind: 'repair', followUp: 'work_order' },
  return_to_vendor: { status: 'on_vendor_return', locationKind: 'vendor_return', followUp: 'vendor_return' },
  quarantine: { status: 'quarantined', locationKind: 'quarantine', followUp: 'quarantine_hold' },
  scrap: { status: 'scrapped', locationKind: 'scrap', followUp: 'disposal' },
  secondary_channel: { status: 'secondary_channel', locationKind: 'secondary_channel', followUp: 'liquidation_lot' },
  // Held (not ours to sell) in the shipping area until it goes back.
  return_to_customer: { status: 'quarantined', locationKind: 'shipping', followUp: 'customer_return_shipment' },
};

export function actionOf(code: DispositionCodeEntry): DispositionAction {
  return code.action ?? ACTION_OF_STATUS[code.stockStatus];
}

export function profileOf(code: DispositionCodeEntry): ActionProfile & { action: DispositionAction } {
  const action = actionOf(code);
  const profile = ACTION_PROFILES[action];
  return { action, ...profile, locationKind: code.locationKind ?? profile.locationKind };
}

/** Repair and refurbishment are done on our own bench unless the code says a partner does them. */
export function performerOf(code: DispositionCodeEntry): 'internal' | 'partner' {
  return code.performer ?? 'internal';
}

/**
 * The value a unit is restocked or sold at, by grade, as a share of its value as new. Used for the
 * graded value of repaired units and liquidation lots (the ledger will book them at this).
 */
export const GRADE_VALUE_SHARE: Record<string, number> = { A: 1, B: 0.85, C: 0.6, D: 0.25, X: 0 };

export function gradedValue(unitValueMinor: number, grade: string): number {
  return Math.round(unitValueMinor * (GRADE_VALUE_SHARE[grade] ?? 0));
}
