// What the KPIs need of disposition, per return line: the decisions (units, when, which action),
// what repairs brought back and cost, its share of liquidation proceeds, and what was written off.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../platform/db/database.js';

type Reader = Kysely<DB> | Transaction<DB>;

export interface DispositionForKpi {
  dispositions: Array<{ quantity: number; decidedAt: string; action: string }>;
  repairedValueMinor: number;
  repairCostMinor: number;
  liquidationProceedsMinor: number;
  writeOffMinor: number;
}

const empty = (): DispositionForKpi => ({
  dispositions: [],
  repairedValueMinor: 0,
  repairCostMinor: 0,
  liquidationProceedsMinor: 0,
  writeOffMinor: 0,
});

export async function findDispositionForKpi(
  db: Reader,
  rmaIds: readonly string[],
): Promise<Map<string, DispositionForKpi>> {
  const byLine = new Map<string, DispositionForKpi>();
  if (rmaIds.length === 0) return byLine;
  const of = (lineId: string) => {
    let entry = byLine.get(lineId);
    if (!entry) byLine.set(lineId, (entry = empty()));
    return entry;
  };
  const [decisions, workOrders, lotLines, disposals] = await Promise.all([
    db
      .selectFrom('dispositions')
      .select(['rma_line_id', 'quantity', 'decided_at', 'action'])
      .where('rma_id', 'in', rmaIds)
      .orderBy('decided_at')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('work_orders')
      .select(['rma_line_id', 'outcome', 'graded_value_minor', 'actual_cost_minor'])
      .where('rma_id', 'in', rmaIds)
      .where('status', '=', 'completed')
      .execute(),
    db
      .selectFrom('liquidation_lot_lines as l')
      .innerJoin('liquidation_lots as lot', 'lot.id', 'l.liquidation_lot_id')
      .select(['l.rma_line_id', 'l.liquidation_lot_id', 'lot.proceeds_minor'])
      .where('l.rma_id', 'in', rmaIds)
      .where('lot.status', '=', 'sold')
      .execute(),
    db
      .selectFrom('disposals')
      .select(['rma_line_id', 'value_written_off_minor'])
      .where('rma_id', 'in', rmaIds)
      .execute(),
  ]);
  for (const d of decisions)
    of(d.rma_line_id).dispositions.push({ quantity: d.quantity, decidedAt: d.decided_at, action: d.action });
  for (const w of workOrders) {
    const entry = of(w.rma_line_id);
    if (w.outcome === 'repaired') entry.repairedValueMinor += w.graded_value_minor ?? 0;
    entry.repairCostMinor += w.actual_cost_minor ?? 0;
  }
  for (const d of disposals) of(d.rma_line_id).writeOffMinor += d.value_written_off_minor;
  if (lotLines.length > 0) await shareLiquidationProceeds(db, lotLines, of);
  return byLine;
}

/** A sold lot's proceeds, shared over its lines by carrying value (the last line takes the rounding). */
async function shareLiquidationProceeds(
  db: Reader,
  mine: ReadonlyArray<{ rma_line_id: string; liquidation_lot_id: string; proceeds_minor: number | null }>,
  of: (lineId: string) => DispositionForKpi,
) {
  const lotIds = [...new Set(mine.map((l) => l.liquidation_lot_id))];
  const all = await db
    .selectFrom('liquidation_lot_lines')
    .select(['id', 'liquidation_lot_id', 'rma_line_id', 'quantity', 'unit_value_minor'])
    .where('liquidation_lot_id', 'in', lotIds)
    .orderBy('liquidation_lot_id')
    .orderBy('id')
    .execute();
  const proceedsOf = new Map(mine.map((l) => [l.liquidation_lot_id, l.proceeds_minor ?? 0]));
  const wanted = new Set(mine.map((l) => l.rma_line_id));
  for (const lotId of lotIds) {
    const lines = all.filter((l) => l.liquidation_lot_id === lotId);
    const total = lines.reduce((sum, l) => sum + l.quantity * l.unit_value_minor, 0);
    const proceeds = proceedsOf.get(lotId) ?? 0;
    let given = 0;
    lines.forEach((line, index) => {
      const share =
        index === lines.length - 1
          ? proceeds - given
          : total > 0
            ? Math.floor((proceeds * line.quantity * line.unit_value_minor) / total)
            : 0;
      given += share;
      if (wanted.has(line.rma_line_id)) of(line.rma_line_id).liquidationProceedsMinor += share;
    });
  }
}

/** The returns a work order or a liquidation lot concerns (events that name no return). */
export async function findRmaIdsOfDispositionDocuments(
  db: Reader,
  ids: { workOrderIds: readonly string[]; liquidationLotIds: readonly string[] },
): Promise<string[]> {
  const found = new Set<string>();
  if (ids.workOrderIds.length > 0)
    for (const row of await db.selectFrom('work_orders').select('rma_id').where('id', 'in', ids.workOrderIds).execute())
      found.add(row.rma_id);
  if (ids.liquidationLotIds.length > 0)
    for (const row of await db
      .selectFrom('liquidation_lot_lines')
      .select('rma_id')
      .where('liquidation_lot_id', 'in', ids.liquidationLotIds)
      .execute())
      found.add(row.rma_id);
  return [...found];
}
