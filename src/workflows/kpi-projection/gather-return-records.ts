// A return's records as each stage keeps them, gathered through the stages' own indexes and
// handed to the KPI context's pure derivation. Batched: one query per stage for many returns.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/database.js';
import { findReturnsForKpi } from '../../returns/index.js';
import { findFunctionalCurrencies, findProductDimensions } from '../../masterdata/index.js';
import { findReceivingForKpi } from '../../receiving/index.js';
import { findLateInspections } from '../../inspection/index.js';
import { findDispositionForKpi, type DispositionForKpi } from '../../disposition/index.js';
import { findSettlementTimes } from '../../settlement/index.js';
import { findClaimsForKpi, type ClaimLineForKpi } from '../../recovery/index.js';
import { findLedgerForKpi } from '../../ledger/index.js';
import type { ReturnRecords } from '../../kpi/index.js';

type Reader = Kysely<DB> | Transaction<DB>;

/** The later stages whose records of a return are read; all of them unless told otherwise. */
export interface StagesToRead {
  receiving: boolean;
  inspection: boolean;
  disposition: boolean;
  settlement: boolean;
  recovery: boolean;
  ledger: boolean;
}
export const ALL_STAGES: StagesToRead = {
  receiving: true,
  inspection: true,
  disposition: true,
  settlement: true,
  recovery: true,
  ledger: true,
};

const NONE = <T>(empty: T) => Promise.resolve(empty);

export async function gatherReturnRecords(
  db: Reader,
  rmaIds: readonly string[],
  stages: StagesToRead = ALL_STAGES,
): Promise<ReturnRecords[]> {
  const returns = await findReturnsForKpi(db, rmaIds);
  if (returns.length === 0) return [];
  const ids = returns.map((r) => r.id);
  const lineIds = returns.flatMap((r) => r.lines.map((l) => l.id));
  const [currencies, products, receiving, late, dispositions, settlements, claims, ledger] = await Promise.all([
    findFunctionalCurrencies(
      db,
      returns.map((r) => r.legalEntityId),
    ),
    findProductDimensions(
      db,
      returns.flatMap((r) => r.lines.map((l) => l.productId)),
    ),
    stages.receiving
      ? findReceivingForKpi(db, ids)
      : NONE({
          lines: new Map<string, { receivedUnits: number; firstReceivedAt: string }>(),
          firstSite: new Map<string, string>(),
          openExceptions: new Map<string, number>(),
        }),
    stages.inspection ? findLateInspections(db, ids) : NONE(new Map<string, number>()),
    stages.disposition ? findDispositionForKpi(db, ids) : NONE(new Map<string, DispositionForKpi>()),
    stages.settlement ? findSettlementTimes(db, ids) : NONE(new Map<string, string[]>()),
    stages.recovery ? findClaimsForKpi(db, ids) : NONE(new Map<string, ClaimLineForKpi[]>()),
    stages.ledger
      ? findLedgerForKpi(db, ids, lineIds)
      : NONE({ unitValues: new Map<string, number>(), freight: new Map<string, number>() }),
  ]);
  return returns.map((r) => ({
    rmaId: r.id,
    rmaNumber: r.rmaNumber,
    createdAt: r.createdAt,
    legalEntityId: r.legalEntityId,
    currency: currencies.get(r.legalEntityId) ?? '',
    customerId: r.customerId,
    channel: r.channel,
    returnType: r.returnType,
    status: r.status,
    closedAt: r.closedAt,
    isUnauthorized: r.isUnauthorized,
    isRepeat: r.isRepeat,
    routedSiteId: r.routedSiteId,
    firstReceiptSiteId: receiving.firstSite.get(r.id) ?? null,
    openExceptions: receiving.openExceptions.get(r.id) ?? 0,
    freightCostMinor: ledger.freight.get(r.id) ?? 0,
    settlementDocumentsAt: settlements.get(r.id) ?? [],
    lines: r.lines.map((line) => {
      const received = receiving.lines.get(line.id);
      const disposed = dispositions.get(line.id);
      const product = products.get(line.productId);
      return {
        rmaLineId: line.id,
        productId: line.productId,
        category: product?.category ?? '',
        supplierId: product?.supplierId ?? '',
        reasonCode: line.reasonCode,
        unitValueMinor: ledger.unitValues.get(line.id) ?? null,
        receivedUnits: received?.receivedUnits ?? 0,
        firstReceivedAt: received?.firstReceivedAt ?? null,
        dispositions: disposed?.dispositions ?? [],
        repairedValueMinor: disposed?.repairedValueMinor ?? 0,
        repairCostMinor: disposed?.repairCostMinor ?? 0,
        liquidationProceedsMinor: disposed?.liquidationProceedsMinor ?? 0,
        writeOffMinor: disposed?.writeOffMinor ?? 0,
        claims: claims.get(line.id) ?? [],
        lateInspections: late.get(line.id) ?? 0,
      };
    }),
  }));
}
