// The delivered order lines returns can be raised against, and what is still returnable on each.
// Every planned return reserves its quantity and serials here first, so no two demo returns ever
// claim the same unit and quantity_committed never has to exceed quantity_shipped.
import type { ReturnPolicy } from '../contracts/configuration.js';
import { resolveReturnWindowDays } from '../returns/index.js';
import { addDays, addMonths } from '../platform/calendar.js';
import type { Random } from './random.js';
import type { DemoCustomer, DemoOrderLine } from './demo-model.js';

/** Which window limits when a return may be requested: the return window, the warranty, or none (recall). */
export type WindowKind = 'return' | 'warranty' | 'none';

export interface CandidateQuery {
  /** Inclusive range of days before today in which the return is created. */
  createdDaysAgo: readonly [min: number, max: number];
  window: WindowKind;
  customer?: (customer: DemoCustomer) => boolean;
  line?: (line: DemoOrderLine) => boolean;
}

export interface Candidate {
  line: DemoOrderLine;
  /** First and last day the request can be made (YYYY-MM-DD). */
  earliest: string;
  latest: string;
}

export interface ReturnPool {
  today: string;
  remainingOf(line: DemoOrderLine): number;
  /**
   * Up to `limit` lines the query allows, searched from a random place in the order history
   * (a full scan only when few lines qualify).
   */
  findCandidates(query: CandidateQuery, limit?: number): Candidate[];
  siblingsOf(line: DemoOrderLine): DemoOrderLine[];
  /** The last day a request of this kind can be made against the line. */
  windowEndOf(line: DemoOrderLine, kind: WindowKind): string;
  /** The serials the next reservation of `quantity` units would take. */
  peekSerials(line: DemoOrderLine, quantity: number): string[];
  /** Takes quantity (and as many unused serials) off the line; throws if more than remains. */
  reserve(line: DemoOrderLine, quantity: number): string[];
}

export function createReturnPool(
  random: Random,
  orderLines: DemoOrderLine[],
  today: string,
  policy: ReturnPolicy,
): ReturnPool {
  const delivered = orderLines.filter((l) => l.deliveryDate !== null && l.deliveryDate < today);
  const remaining = new Map(delivered.map((l) => [l.id, l.quantityShipped]));
  const usedSerials = new Map<string, number>();
  const byOrder = new Map<string, DemoOrderLine[]>();
  for (const line of delivered) {
    const siblings = byOrder.get(line.orderId) ?? [];
    siblings.push(line);
    byOrder.set(line.orderId, siblings);
  }
  // Date arithmetic is the expensive part of a search over 20,000 lines: do it once per line.
  const dayAfterDelivery = new Map(delivered.map((l) => [l, addDays(l.deliveryDate!, 1)]));
  const returnWindowEnds = new Map<DemoOrderLine, string>();
  const warrantyEnds = new Map<DemoOrderLine, string>();
  const NEVER = '0000-00-00';

  const windowEnd = (line: DemoOrderLine, kind: WindowKind): string => {
    if (kind === 'none') return today;
    const cache = kind === 'warranty' ? warrantyEnds : returnWindowEnds;
    let end = cache.get(line);
    if (end === undefined) {
      end = kind === 'warranty' ? computeWarrantyEnd(line) : computeReturnWindowEnd(line);
      cache.set(line, end);
    }
    return end;
  };
  const computeWarrantyEnd = (line: DemoOrderLine) =>
    line.product.warrantyMonths > 0 ? addMonths(line.deliveryDate!, line.product.warrantyMonths) : NEVER;
  const computeReturnWindowEnd = (line: DemoOrderLine) => {
    const window = resolveReturnWindowDays(
      policy,
      line.customer.tier,
      line.product.category,
      line.customer.returnWindowDays,
    );
    // A 0-day window means no returns at all (see checkReturnWindow), not "on the day".
    return window.days === 0 ? NEVER : addDays(line.deliveryDate!, window.days);
  };

  return {
    today,
    remainingOf: (line) => remaining.get(line.id) ?? 0,
    findCandidates(query, limit = 40) {
      const from = addDays(today, -query.createdDaysAgo[1]);
      const to = addDays(today, -query.createdDaysAgo[0]);
      const candidates: Candidate[] = [];
      const start = random.int(0, delivered.length - 1);
      for (let n = 0; n < delivered.length && candidates.length < limit; n += 1) {
        const line = delivered[(start + n) % delivered.length]!;
        if ((remaining.get(line.id) ?? 0) === 0 || line.customer.isOnCreditHold) continue;
        if (query.customer && !query.customer(line.customer)) continue;
        if (query.line && !query.line(line)) continue;
        const firstDay = dayAfterDelivery.get(line)!;
        const earliest = firstDay > from ? firstDay : from;
        const end = windowEnd(line, query.window);
        const latest = end < to ? end : to;
        if (earliest <= latest) candidates.push({ line, earliest, latest });
      }
      return candidates;
    },
    windowEndOf: windowEnd,
    peekSerials: (line, quantity) => {
      const start = usedSerials.get(line.id) ?? 0;
      return line.product.isSerialized ? line.serials.slice(start, start + quantity) : [];
    },
    siblingsOf: (line) => (byOrder.get(line.orderId) ?? []).filter((l) => l !== line && (remaining.get(l.id) ?? 0) > 0),
    reserve(line, quantity) {
      const left = remaining.get(line.id) ?? 0;
      if (quantity < 1 || quantity > left)
        throw new RangeError(`cannot reserve ${quantity} of ${left} on order line ${line.id}`);
      remaining.set(line.id, left - quantity);
      if (!line.product.isSerialized) return [];
      const start = usedSerials.get(line.id) ?? 0;
      usedSerials.set(line.id, start + quantity);
      return line.serials.slice(start, start + quantity);
    },
  };
}

/** A day within the candidate's range, at office hours, as an ISO timestamp. */
export function pickMoment(random: Random, candidate: Pick<Candidate, 'earliest' | 'latest'>): string {
  const span = Math.round((Date.parse(candidate.latest) - Date.parse(candidate.earliest)) / 86_400_000);
  return atOfficeHours(random, addDays(candidate.earliest, random.int(0, span)));
}

export function atOfficeHours(random: Random, date: string): string {
  return `${date}T${String(random.int(8, 17)).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}.000Z`;
}

/** An ISO timestamp `days` later during office hours, never after `limit`. */
export function laterMoment(random: Random, from: string, days: number, limit: string): string {
  const moment = atOfficeHours(random, addDays(from.slice(0, 10), days));
  return moment > limit ? limit : moment < from ? from : moment;
}
