// One line of a drafted return: which return type and reason fit the product and the wanted
// routing, how many units come back, which serials and lots. Quantities are kept under (or, for
// the value trigger, just over) the approval threshold so the routing comes out as intended.
import type { ApprovalRules } from '../contracts/configuration.js';
import type { ClaimedCondition, ReturnType } from '../contracts/returns-vocabulary.js';
import { computeLineValueMinor } from '../returns/index.js';
import type { Random } from './random.js';
import type { DemoOrderLine } from './demo-model.js';
import type { ReturnPool } from './return-pool.js';
import { CONDITION_BY_REASON, STANDARD_REASONS } from './demo-returns-vocabulary.js';

/** What makes a return need approval; 'none' drafts a return policy lets straight through. */
export type Trigger = 'none' | 'tier' | 'value' | 'regulated' | 'warranty' | 'damaged';
export const APPROVAL_TRIGGERS: readonly Trigger[] = ['tier', 'value', 'regulated', 'warranty', 'damaged'];

export interface DraftLine {
  line: DemoOrderLine;
  quantity: number;
  serials: string[];
  lots: string[];
  reasonCode: string;
  claimedCondition: ClaimedCondition;
}

/** Reasons that usually send back everything that was delivered, not one unit. */
const BULK_REASONS = new Set([
  'ORDERED_IN_ERROR',
  'OVERSTOCK',
  'DUPLICATE_SHIPMENT',
  'NO_LONGER_NEEDED',
  'WRONG_ITEM_SHIPPED',
  'LATE_DELIVERY',
  'STOCK_ROTATION',
  'RECALL',
]);
export const isPlain = (l: DemoOrderLine) => l.product.isReturnable && l.product.regulatedClass === null;
export const isPharma = (l: DemoOrderLine) =>
  l.product.regulatedClass === 'rx' || l.product.regulatedClass === 'controlled';

export function thresholdFor(rules: ApprovalRules, currency: string): number {
  return Object.hasOwn(rules.valueThresholds, currency)
    ? rules.valueThresholds[currency]!
    : rules.defaultValueThresholdMinor;
}

export function valueOf(line: DemoOrderLine, quantity: number): number {
  return computeLineValueMinor({
    quantity,
    unitPriceMinor: line.unitPriceMinor,
    taxMinor: line.taxMinor,
    quantityShipped: line.quantityShipped,
  });
}

export function returnTypeFor(random: Random, trigger: Trigger, line: DemoOrderLine): ReturnType {
  if (trigger === 'warranty') return 'warranty';
  if (line.product.regulatedClass === 'hazmat') return 'regulated';
  if (isPharma(line)) return 'recall';
  if (line.product.isSerialized) return 'serialized';
  if (trigger === 'none' && (line.customer.tier === 'platinum' || line.customer.tier === 'gold') && random.chance(0.1))
    return 'stock_rotation';
  if (trigger === 'none' && line.product.isLotControlled && random.chance(0.08)) return 'recall';
  return 'standard';
}

function reasonFor(random: Random, trigger: Trigger, returnType: ReturnType, line: DemoOrderLine): string {
  if (returnType === 'warranty') return 'WARRANTY_FAILURE';
  if (returnType === 'recall') return 'RECALL';
  if (returnType === 'stock_rotation') return 'STOCK_ROTATION';
  if (trigger === 'damaged') return 'DAMAGED_IN_TRANSIT';
  if (line.product.isLotControlled && random.chance(0.12)) return 'EXPIRED_PRODUCT';
  // Damage routes to approval by itself, so returns meant to go straight through never claim it.
  const reasons =
    trigger === 'none' ? STANDARD_REASONS.filter(([code]) => code !== 'DAMAGED_IN_TRANSIT') : STANDARD_REASONS;
  return random.weighted(reasons);
}

export function draftLine(
  random: Random,
  pool: ReturnPool,
  rules: ApprovalRules,
  trigger: Trigger,
  returnType: ReturnType,
  line: DemoOrderLine,
): DraftLine | null {
  const remaining = pool.remainingOf(line);
  if (remaining < 1) return null;
  const reasonCode = reasonFor(random, trigger, returnType, line);
  const threshold = thresholdFor(rules, line.customer.entity.currency);
  let quantity = BULK_REASONS.has(reasonCode)
    ? random.chance(0.5)
      ? remaining
      : random.int(1, remaining)
    : random.int(1, Math.min(2, remaining));
  if (trigger === 'value') {
    quantity = 1;
    while (quantity < remaining && valueOf(line, quantity) <= threshold) quantity += 1;
    if (valueOf(line, quantity) <= threshold) return null;
  }
  if (trigger === 'none') {
    while (quantity > 1 && valueOf(line, quantity) > threshold) quantity = Math.floor(quantity / 2);
    if (valueOf(line, quantity) > threshold) return null;
  }
  return {
    line,
    quantity,
    serials: pool.peekSerials(line, quantity),
    lots: line.lots.length > 0 && random.chance(0.6) ? [line.lots[0]!] : [],
    reasonCode,
    claimedCondition: random.pick(CONDITION_BY_REASON[reasonCode] ?? ['unopened']),
  };
}
