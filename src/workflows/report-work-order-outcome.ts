// A work order's outcome moves the units on, in the same transaction: repaired units go back to
// saleable stock at the site's put-away location (at the graded value the work order records);
// units beyond repair are scrapped, with a disposal record naming who reported it. The repair
// partner reports through its own scoped key or login; our bench through staff's.
import type { RequestContext } from '../platform/actor.js';
import { runInTransaction, type Platform } from '../platform/unit-of-work.js';
import { convertMinor, postStockMovements, requireRate } from '../ledger/index.js';
import { minorUnitsOf } from '../platform/money/currencies.js';
import { locationOfKind, moveReturnLineUnits } from '../inventory/index.js';
import { isPartner, recordDisposal, recordWorkOrderOutcome, unitsOf, type OutcomeInput } from '../disposition/index.js';

export async function reportWorkOrderOutcome(
  platform: Platform,
  ctx: RequestContext,
  workOrderId: string,
  input: OutcomeInput,
): Promise<void> {
  await runInTransaction(platform, ctx, async (tx) => {
    const order = await recordWorkOrderOutcome(tx, workOrderId, input);
    const repaired = order.outcome === 'repaired';
    const location = await locationOfKind(tx, order.site_id, repaired ? 'putaway' : 'scrap');
    const movements = await moveReturnLineUnits(
      tx,
      {
        siteId: order.site_id,
        productId: order.product_id,
        rmaId: order.rma_id,
        rmaLineId: order.rma_line_id,
        lot: order.lot,
        serial: order.serial,
        quantity: order.quantity,
        fromStatus: order.kind === 'refurbish' ? 'in_refurbishment' : 'in_repair',
        to: { locationId: location.id, status: repaired ? 'saleable' : 'scrapped' },
        reason: `work order ${order.work_order_number}: ${repaired ? `repaired, grade ${order.outcome_grade}` : 'beyond repair'}`,
        source: { type: 'work_order', id: order.id },
      },
      isPartner(ctx.actor) ? 'workorders.partner' : 'workorders.report',
    );
    const costMinor = order.actual_cost_minor ?? 0;
    await postStockMovements(tx, {
      movements,
      event: 'work_order.completed',
      description: `Work order ${order.work_order_number}: ${repaired ? 'repaired' : 'beyond repair'}`,
      source: { type: 'work_order', id: order.id },
      // What the repair cost is owed to whoever did it (our bench's labour, or the partner's invoice).
      extraLines: async (valuation) => {
        if (costMinor === 0) return [];
        const rate = await requireRate(tx.db, order.currency, valuation.currency, tx.today);
        const cost = convertMinor(costMinor, rate, minorUnitsOf(order.currency), minorUnitsOf(valuation.currency));
        const memo = `repair cost, work order ${order.work_order_number}`;
        return [
          { role: 'repair_costs', amountMinor: cost, memo },
          { role: 'repair_costs_payable', amountMinor: -cost, memo },
        ];
      },
    });
    if (!repaired)
      await recordDisposal(tx, {
        units: unitsOf(order),
        source: { type: 'work_order', id: order.id },
        hazardous: false,
        reason: `beyond repair (work order ${order.work_order_number})${order.outcome_note ? `: ${order.outcome_note}` : ''}`,
        currency: order.currency,
        valueWrittenOffMinor: order.unit_value_minor * order.quantity,
      });
  });
}
