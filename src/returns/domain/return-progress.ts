// Where a return stands, derived — never stored. The RMA's status says only where its
// authorization is; each later stage owns its facts (shipments, receipts, inspections,
// dispositions, credits). This file turns those facts into what a person reads, per line and for
// the whole return, exactly even when units of one line are in different places.
import type { ProgressStage, RmaStatus } from '../../contracts/returns-vocabulary.js';

/** What the later stages know about one return line. Each stage supplies its own part. */
export interface LineFacts {
  /** Units handed to a carrier and not yet received (logistics). */
  inTransit: number;
  /** Units received against the line, exceptions included (receiving). */
  received: number;
  /** Received units whose inspection is finished (inspection). */
  inspected: number;
  /** Inspected units with an executed disposition, by disposition code (disposition). */
  dispositioned: Readonly<Record<string, number>>;
  /** Units credited, replaced or otherwise settled with the customer (settlement). */
  settled: number;
}

export const NO_FACTS: LineFacts = Object.freeze({
  inTransit: 0,
  received: 0,
  inspected: 0,
  dispositioned: Object.freeze({}),
  settled: 0,
});

/** Every unit of a line is in exactly one of these buckets; they add up to `total`. */
export interface ProgressUnits {
  total: number;
  /** Authorized, not yet shipped. */
  expected: number;
  inTransit: number;
  awaitingInspection: number;
  awaitingDisposition: number;
  dispositioned: Record<string, number>;
  /** Settlement runs beside the goods (a trusted customer may be credited before they ship). */
  settled: number;
}

export interface Progress {
  stage: ProgressStage;
  label: string;
  units: ProgressUnits;
}

export class InconsistentFactsError extends Error {
  constructor(message: string) {
    super(`inconsistent return facts: ${message}`);
    this.name = 'InconsistentFactsError';
  }
}

const isCount = (n: number) => Number.isSafeInteger(n) && n >= 0;
const sum = (values: Iterable<number>) => [...values].reduce((a, b) => a + b, 0);

/** Merges the parts of a line's facts that several stages supplied. */
export function mergeLineFacts(parts: ReadonlyArray<Partial<LineFacts>>): LineFacts {
  const dispositioned: Record<string, number> = {};
  for (const part of parts)
    for (const [code, n] of Object.entries(part.dispositioned ?? {}))
      dispositioned[code] = (dispositioned[code] ?? 0) + n;
  return {
    inTransit: sum(parts.map((p) => p.inTransit ?? 0)),
    received: sum(parts.map((p) => p.received ?? 0)),
    inspected: sum(parts.map((p) => p.inspected ?? 0)),
    dispositioned,
    settled: sum(parts.map((p) => p.settled ?? 0)),
  };
}

/** The buckets of one line; throws when the stages' facts contradict each other (a bug upstream). */
export function countUnits(quantity: number, facts: LineFacts): ProgressUnits {
  const dispositionedTotal = sum(Object.values(facts.dispositioned));
  const counts = { quantity, ...facts, dispositionedTotal };
  for (const [name, value] of Object.entries(counts))
    if (typeof value === 'number' && !isCount(value)) throw new InconsistentFactsError(`${name} is ${value}`);
  if (facts.inspected > facts.received)
    throw new InconsistentFactsError(`${facts.inspected} inspected but only ${facts.received} received`);
  if (dispositionedTotal > facts.inspected)
    throw new InconsistentFactsError(`${dispositionedTotal} dispositioned but only ${facts.inspected} inspected`);
  // Over-receipts (more arrived than authorized) are units too: the total grows to include them.
  const total = Math.max(quantity, facts.inTransit + facts.received);
  if (facts.settled > total) throw new InconsistentFactsError(`${facts.settled} settled of ${total} units`);
  return {
    total,
    expected: total - facts.inTransit - facts.received,
    inTransit: facts.inTransit,
    awaitingInspection: facts.received - facts.inspected,
    awaitingDisposition: facts.inspected - dispositionedTotal,
    dispositioned: Object.fromEntries(Object.entries(facts.dispositioned).filter(([, n]) => n > 0)),
    settled: facts.settled,
  };
}

export function addUnits(a: ProgressUnits, b: ProgressUnits): ProgressUnits {
  const dispositioned = { ...a.dispositioned };
  for (const [code, n] of Object.entries(b.dispositioned)) dispositioned[code] = (dispositioned[code] ?? 0) + n;
  return {
    total: a.total + b.total,
    expected: a.expected + b.expected,
    inTransit: a.inTransit + b.inTransit,
    awaitingInspection: a.awaitingInspection + b.awaitingInspection,
    awaitingDisposition: a.awaitingDisposition + b.awaitingDisposition,
    dispositioned,
    settled: a.settled + b.settled,
  };
}

const EMPTY_UNITS: ProgressUnits = {
  total: 0,
  expected: 0,
  inTransit: 0,
  awaitingInspection: 0,
  awaitingDisposition: 0,
  dispositioned: {},
  settled: 0,
};

const ENDED: Partial<Record<RmaStatus, ProgressStage>> = {
  rejected: 'rejected',
  cancelled: 'cancelled',
  expired: 'expired',
  closed: 'closed',
};

/**
 * The stage of a set of units under an authorization status. The least advanced unit decides:
 * a return is "awaiting inspection" until every unit has arrived and been inspected.
 */
export function stageOf(status: RmaStatus, units: ProgressUnits): ProgressStage {
  const ended = ENDED[status];
  if (ended) return ended;
  if (status === 'requested' || status === 'pending_approval') return 'awaiting_approval';
  const received = units.total - units.expected - units.inTransit;
  if (received === 0) return units.inTransit > 0 ? 'in_transit' : 'awaiting_shipment';
  if (units.expected + units.inTransit > 0) return 'partially_received';
  if (units.awaitingInspection > 0) return 'awaiting_inspection';
  if (units.awaitingDisposition > 0) return 'awaiting_disposition';
  return units.settled >= units.total ? 'complete' : 'dispositioned';
}

const STAGE_TEXT: Record<ProgressStage, string> = {
  awaiting_approval: 'Awaiting approval',
  awaiting_shipment: 'Authorized, awaiting shipment',
  in_transit: 'In transit',
  partially_received: 'Partially received',
  awaiting_inspection: 'Awaiting inspection',
  awaiting_disposition: 'Awaiting disposition',
  dispositioned: 'Dispositioned, awaiting settlement',
  complete: 'Complete',
  rejected: 'Rejected',
  cancelled: 'Cancelled',
  expired: 'Expired',
  closed: 'Closed',
};

/** The label spells out the numbers whenever units are split, so a partial outcome reads exactly. */
export function describeProgress(stage: ProgressStage, units: ProgressUnits): string {
  const received = units.total - units.expected - units.inTransit;
  const of = (n: number) => `${n} of ${units.total} ${units.total === 1 ? 'unit' : 'units'}`;
  const parts: string[] = [STAGE_TEXT[stage]];
  if (stage === 'awaiting_approval' && received > 0) parts[0] = `Arrived (${of(received)}), awaiting approval`;
  if (stage === 'in_transit' && units.expected > 0) parts.push(of(units.inTransit));
  if (stage === 'partially_received') {
    parts.push(`${of(received)} received`);
    if (units.inTransit > 0) parts.push(`${units.inTransit} in transit`);
  }
  if (stage === 'awaiting_inspection' && units.awaitingInspection < units.total)
    parts.push(`${of(units.total - units.awaitingInspection)} inspected`);
  if (stage === 'awaiting_disposition' && units.awaitingDisposition < units.total)
    parts.push(`${of(units.total - units.awaitingDisposition)} dispositioned`);
  if (stage !== 'complete' && units.settled > 0)
    parts.push(units.settled >= units.total ? 'credited' : `${of(units.settled)} credited`);
  return parts.join(' · ');
}

export function deriveLineProgress(status: RmaStatus, quantity: number, facts: LineFacts): Progress {
  const units = countUnits(quantity, facts);
  const stage = stageOf(status, units);
  return { stage, label: describeProgress(stage, units), units };
}

/** The whole return: the units of all lines together, staged by the same rule as one line. */
export function deriveReturnProgress(
  status: RmaStatus,
  lines: ReadonlyArray<{ quantity: number; facts: LineFacts }>,
): { progress: Progress; lines: Progress[] } {
  const lineProgress = lines.map((line) => deriveLineProgress(status, line.quantity, line.facts));
  const units = lineProgress.reduce((total, line) => addUnits(total, line.units), EMPTY_UNITS);
  const stage = stageOf(status, units);
  return { progress: { stage, label: describeProgress(stage, units), units }, lines: lineProgress };
}

/**
 * Once any unit is on its way or at the dock, the return can no longer simply be cancelled or
 * left to expire: the goods must be worked through (or sent back) first.
 */
export function hasGoodsMoved(lines: ReadonlyArray<LineFacts>): boolean {
  return lines.some((facts) => facts.inTransit > 0 || facts.received > 0);
}

/** The same question asked of a progress already derived: some units are no longer "expected". */
export function haveUnitsMoved(units: ProgressUnits): boolean {
  return units.expected < units.total;
}

/** The moves the authorization allows, less those the goods have ruled out. */
export function movesAllowedBy<S extends string>(allowed: readonly S[], units: ProgressUnits): S[] {
  return haveUnitsMoved(units) ? allowed.filter((to) => to !== 'cancelled' && to !== 'expired') : [...allowed];
}
