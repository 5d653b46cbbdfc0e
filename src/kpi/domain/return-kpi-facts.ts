// What one return contributes to the KPIs, derived — purely — from the stages' own records of it
// (gathered by workflows/kpi/gather-return-records.ts). The same derivation keeps the stored facts
// current in each event's transaction and recomputes them in the check, so the two cannot drift
// apart by construction; the check is there to prove the projection saw every change.
import type { KpiMeasureColumns } from '../kpi.tables.js';

export interface ReturnRecords {
  rmaId: string;
  rmaNumber: string;
  createdAt: string;
  legalEntityId: string;
  currency: string;
  customerId: string;
  channel: string;
  returnType: string;
  status: string;
  /** When the RMA was closed (its last change: a closed RMA never changes again), else null. */
  closedAt: string | null;
  isUnauthorized: boolean;
  /** The customer had another return created in the 90 days before this one. */
  isRepeat: boolean;
  routedSiteId: string | null;
  firstReceiptSiteId: string | null;
  openExceptions: number;
  freightCostMinor: number;
  /** Issue times of its credit memos and ship times of its replacements: settlement documents. */
  settlementDocumentsAt: string[];
  lines: LineRecords[];
}

export interface LineRecords {
  rmaLineId: string;
  productId: string;
  category: string;
  supplierId: string;
  reasonCode: string;
  /** The line's carrying value per unit in the functional currency; null before any receipt. */
  unitValueMinor: number | null;
  receivedUnits: number;
  firstReceivedAt: string | null;
  dispositions: Array<{ quantity: number; decidedAt: string; action: string }>;
  /** Completed repairs and refurbishments that came back saleable, at their graded value. */
  repairedValueMinor: number;
  repairCostMinor: number;
  /** The line's share (by carrying value) of the proceeds of liquidation lots sold. */
  liquidationProceedsMinor: number;
  writeOffMinor: number;
  claims: Array<{
    claimId: string;
    quantity: number;
    claimedMinor: number;
    acceptedMinor: number | null;
    submittedAt: string;
    paidAt: string | null;
  }>;
  lateInspections: number;
}

export interface ReturnFacts {
  rmaId: string;
  rmaNumber: string;
  period: string;
  createdAt: string;
  legalEntityId: string;
  currency: string;
  customerId: string;
  siteId: string;
  channel: string;
  returnType: string;
  status: string;
  settledAt: string | null;
  measures: KpiMeasureColumns;
  lines: LineFacts[];
}

export interface LineFacts {
  rmaLineId: string;
  productId: string;
  category: string;
  supplierId: string;
  reasonCode: string;
  measures: KpiMeasureColumns;
}

export const ZERO_MEASURES: Readonly<KpiMeasureColumns> = Object.freeze({
  returns: 0,
  unauthorized_returns: 0,
  repeat_returns: 0,
  settled_returns: 0,
  cycle_seconds: 0,
  received_units: 0,
  dispositioned_units: 0,
  disposition_unit_seconds: 0,
  returned_value_minor: 0,
  recovered_value_minor: 0,
  freight_cost_minor: 0,
  repair_cost_minor: 0,
  write_off_minor: 0,
  paid_claims: 0,
  reimbursement_seconds: 0,
  open_exceptions: 0,
  sla_breaches: 0,
});

export const MEASURE_COLUMNS = Object.keys(ZERO_MEASURES) as Array<keyof KpiMeasureColumns>;

/** Whole seconds from one ISO time to another, never negative (a clock set back counts as zero). */
export function secondsBetween(from: string, to: string): number {
  return Math.max(0, Math.floor((Date.parse(to) - Date.parse(from)) / 1000));
}

const latest = (times: readonly string[]) => times.reduce((a, b) => (b > a ? b : a));

function lineMeasures(line: LineRecords): KpiMeasureColumns {
  const value = line.unitValueMinor ?? 0;
  const dispositionedUnits = line.dispositions.reduce((sum, d) => sum + d.quantity, 0);
  const restockedUnits = line.dispositions
    .filter((d) => d.action === 'restock')
    .reduce((sum, d) => sum + d.quantity, 0);
  // A supplier claim recovers the units' carrying value in the share of the claim it accepted.
  const claimRecovery = line.claims.reduce(
    (sum, c) =>
      sum +
      (c.acceptedMinor !== null && c.claimedMinor > 0
        ? Math.round((value * c.quantity * c.acceptedMinor) / c.claimedMinor)
        : 0),
    0,
  );
  const paid = line.claims.filter((c) => c.paidAt !== null);
  return {
    ...ZERO_MEASURES,
    received_units: line.receivedUnits,
    dispositioned_units: dispositionedUnits,
    disposition_unit_seconds: line.firstReceivedAt
      ? line.dispositions.reduce((sum, d) => sum + d.quantity * secondsBetween(line.firstReceivedAt!, d.decidedAt), 0)
      : 0,
    returned_value_minor: line.receivedUnits * value,
    recovered_value_minor:
      restockedUnits * value + line.repairedValueMinor + line.liquidationProceedsMinor + claimRecovery,
    repair_cost_minor: line.repairCostMinor,
    write_off_minor: line.writeOffMinor,
    paid_claims: paid.length,
    reimbursement_seconds: paid.reduce((sum, c) => sum + secondsBetween(c.submittedAt, c.paidAt!), 0),
    sla_breaches: line.lateInspections,
  };
}

/** The return's facts: its cohort, dimensions and measures, and its lines'. */
export function deriveReturnFacts(records: ReturnRecords): ReturnFacts {
  // Lines in id order: the order they are stored and read back in.
  const ordered = [...records.lines].sort((a, b) =>
    a.rmaLineId < b.rmaLineId ? -1 : a.rmaLineId > b.rmaLineId ? 1 : 0,
  );
  const lines = ordered.map((line) => ({
    rmaLineId: line.rmaLineId,
    productId: line.productId,
    category: line.category,
    supplierId: line.supplierId,
    reasonCode: line.reasonCode,
    measures: lineMeasures(line),
  }));
  const sum = (column: keyof KpiMeasureColumns) => lines.reduce((total, line) => total + line.measures[column], 0);
  const received = sum('received_units');
  // Settled: closed after its goods were worked through. A return closed with nothing received
  // (rejected, cancelled, expired first) never had a settlement.
  const settledAt =
    records.status === 'closed' && records.closedAt && received > 0
      ? latest([records.closedAt, ...records.settlementDocumentsAt])
      : null;
  // A claim covering several of the return's lines is one claim of the return.
  const paidClaims = new Map<string, number>();
  for (const line of records.lines)
    for (const claim of line.claims)
      if (claim.paidAt) paidClaims.set(claim.claimId, secondsBetween(claim.submittedAt, claim.paidAt));
  return {
    rmaId: records.rmaId,
    rmaNumber: records.rmaNumber,
    period: records.createdAt.slice(0, 7),
    createdAt: records.createdAt,
    legalEntityId: records.legalEntityId,
    currency: records.currency,
    customerId: records.customerId,
    siteId: records.routedSiteId ?? records.firstReceiptSiteId ?? '',
    channel: records.channel,
    returnType: records.returnType,
    status: records.status,
    settledAt,
    measures: {
      returns: 1,
      unauthorized_returns: records.isUnauthorized ? 1 : 0,
      repeat_returns: records.isRepeat ? 1 : 0,
      settled_returns: settledAt ? 1 : 0,
      cycle_seconds: settledAt ? secondsBetween(records.createdAt, settledAt) : 0,
      received_units: received,
      dispositioned_units: sum('dispositioned_units'),
      disposition_unit_seconds: sum('disposition_unit_seconds'),
      returned_value_minor: sum('returned_value_minor'),
      recovered_value_minor: sum('recovered_value_minor'),
      freight_cost_minor: records.freightCostMinor,
      repair_cost_minor: sum('repair_cost_minor'),
      write_off_minor: sum('write_off_minor'),
      paid_claims: paidClaims.size,
      reimbursement_seconds: [...paidClaims.values()].reduce((a, b) => a + b, 0),
      open_exceptions: records.openExceptions,
      sla_breaches: sum('sla_breaches'),
    },
    lines,
  };
}
