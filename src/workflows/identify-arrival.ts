// An unidentified arrival is identified: someone names the sender (a customer) and each line's
// product. One transaction, two contexts, as for any unauthorized arrival:
//   1. returns opens an RMA for the goods, awaiting a decision (holding sold quantities it matches);
//   2. receiving records the receipt as of the day the goods came in, and closes the arrival.
import { receiveGoods } from './receive-goods.js';
import type { IdentifyArrivalRequest } from '../contracts/receiving.js';
import type { Rma } from '../contracts/returns.js';
import type { RequestContext } from '../platform/actor.js';
import { assertCan } from '../platform/access.js';
import { runInTransaction, type Platform } from '../platform/unit-of-work.js';
import { markArrivalIdentified, takeArrivalToIdentify } from '../receiving/index.js';
import { getRma, openUnauthorizedReturn } from '../returns/index.js';
import { loadReturnFacts } from './return-facts.js';

export async function identifyArrival(
  platform: Platform,
  ctx: RequestContext,
  arrivalId: string,
  expectedVersion: number | undefined,
  request: IdentifyArrivalRequest,
): Promise<Rma> {
  assertCan(ctx.actor, 'returns.record_unauthorized');
  const rmaId = await runInTransaction(platform, ctx, async (tx) => {
    const { arrival, lines } = await takeArrivalToIdentify(tx, arrivalId, expectedVersion, request);
    const sentBy = arrival.sender ? ` Sent by: ${arrival.sender}.` : '';
    const { rma, lines: rmaLines } = await openUnauthorizedReturn(tx, {
      customerId: request.customerId,
      siteId: arrival.site_id,
      carrierReference: arrival.carrier_reference,
      note: `${arrival.note}\n\nArrived unidentified as ${arrival.arrival_number}.${sentBy}`,
      lines: lines.map((line) => ({
        productId: line.identifiedProductId,
        quantity: line.quantity,
        ...(line.orderLineId ? { orderLineId: line.orderLineId } : {}),
        claimedCondition: line.claimed_condition,
        serials: JSON.parse(line.serials) as string[],
        lots: JSON.parse(line.lots) as string[],
        reasonCode: line.reason_code,
      })),
    });
    await receiveGoods(tx, {
      rmaId: rma.id,
      siteId: arrival.site_id,
      carrierReference: arrival.carrier_reference,
      note: arrival.note,
      isUnauthorized: true,
      receivedAs: { at: arrival.received_at, by: arrival.received_by, byId: arrival.received_by_id },
      lines: rmaLines.map((line, index) => ({
        rmaLineId: line.id,
        productId: line.product_id,
        quantity: line.quantity,
        serials: JSON.parse(lines[index]!.serials) as string[],
        lots: JSON.parse(lines[index]!.lots) as string[],
      })),
    });
    await markArrivalIdentified(tx, arrival, rma.id);
    return rma.id;
  });
  return getRma(platform, ctx, rmaId, loadReturnFacts);
}
