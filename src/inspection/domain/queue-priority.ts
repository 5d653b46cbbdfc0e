// The order of the inspection queue. Documented here because people will ask why one return is
// above another, and the answer must be the same in the API, the screen and this comment.
//
// 1. Regulated goods first: a recalled drug or a leaking battery must not wait behind anything.
// 2. Then the SLA: breached before due soon (less than a quarter of the SLA left) before on time.
// 3. Then a score, higher first, adding up:
//    - age against the SLA: 50 points per SLA elapsed (a unit at 80 % of its SLA scores 40), up to 150;
//    - value at risk: 10 points per factor of ten in major units (€120 ≈ 21, €12,000 ≈ 41);
//    - customer tier: platinum 30, gold 20, silver 10, bronze and others 0.
// 4. Ties: received first, first inspected.
// The single `priority` number encodes 1–3 (regulated × 1,000,000 + SLA state × 10,000 + score),
// so any list sorted by it descending is in queue order.

export type SlaState = 'on_time' | 'due_soon' | 'breached';

export interface QueueEntry {
  isRegulated: boolean;
  valueAtRiskMinor: number;
  /** Minor units per major unit of the currency (100 for EUR, 1 for JPY). */
  minorPerMajor: number;
  customerTier: string;
  receivedAt: string;
  slaDueAt: string;
}

export interface Priority {
  priority: number;
  slaState: SlaState;
  reasons: string[];
}

const TIER_POINTS: Record<string, number> = { platinum: 30, gold: 20, silver: 10 };
const SLA_RANK: Record<SlaState, number> = { breached: 2, due_soon: 1, on_time: 0 };

export function slaStateOf(receivedAt: string, slaDueAt: string, now: Date): SlaState {
  const due = Date.parse(slaDueAt);
  const total = due - Date.parse(receivedAt);
  const left = due - now.getTime();
  if (left < 0) return 'breached';
  return left < total / 4 ? 'due_soon' : 'on_time';
}

export function priorityOf(entry: QueueEntry, now: Date): Priority {
  const received = Date.parse(entry.receivedAt);
  const total = Math.max(1, Date.parse(entry.slaDueAt) - received);
  const elapsed = Math.max(0, now.getTime() - received) / total;
  const slaState = slaStateOf(entry.receivedAt, entry.slaDueAt, now);
  const agePoints = Math.min(150, 50 * elapsed);
  const major = Math.max(0, entry.valueAtRiskMinor) / Math.max(1, entry.minorPerMajor);
  const valuePoints = 10 * Math.log10(1 + major);
  const tierPoints = TIER_POINTS[entry.customerTier] ?? 0;
  const score = Math.round((agePoints + valuePoints + tierPoints) * 10) / 10;
  const reasons: string[] = [];
  if (entry.isRegulated) reasons.push('regulated goods first');
  if (slaState === 'breached') reasons.push('SLA breached');
  else if (slaState === 'due_soon') reasons.push('SLA due soon');
  reasons.push(`${Math.round(elapsed * 100)} % of SLA elapsed`);
  if (tierPoints > 0) reasons.push(`${entry.customerTier} customer`);
  return {
    priority: (entry.isRegulated ? 1_000_000 : 0) + SLA_RANK[slaState] * 10_000 + score,
    slaState,
    reasons,
  };
}

/** Queue order: priority descending, then received first. */
export function compareQueueOrder(
  a: { priority: number; receivedAt: string; id: string },
  b: { priority: number; receivedAt: string; id: string },
): number {
  return b.priority - a.priority || a.receivedAt.localeCompare(b.receivedAt) || a.id.localeCompare(b.id);
}
