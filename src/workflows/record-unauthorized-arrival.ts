// Goods arrived at the dock with no return authorization. One transaction, two contexts:
//   1. returns opens an RMA for them, awaiting a decision (and holds the sold quantity);
//   2. receiving records what arrived, where, against the new RMA's lines.
// Either both are recorded or neither is.
import { receiveGoods } from './receive-goods.js';
import type { Rma, UnauthorizedReturnRequest } from '../contracts/returns.js';
import type { RequestContext } from '../platform/actor.js';
import { assertCan } from '../platform/access.js';
import { runInTransaction, type Platform } from '../platform/unit-of-work.js';
import { getRma, openUnauthorizedReturn } from '../returns/index.js';
import { loadReturnFacts } from './return-facts.js';

export async function recordUnauthorizedArrival(
  platform: Platform,
  ctx: RequestContext,
  request: UnauthorizedReturnRequest,
): Promise<Rma> {
  assertCan(ctx.actor, 'returns.record_unauthorized');
  const rmaId = await runInTransaction(platform, ctx, async (tx) => {
    const { rma, lines } = await openUnauthorizedReturn(tx, request);
    await receiveGoods(tx, {
      rmaId: rma.id,
      siteId: request.siteId,
      carrierReference: request.carrierReference,
      note: request.note,
      isUnauthorized: true,
      lines: lines.map((line, index) => ({
        rmaLineId: line.id,
        productId: line.product_id,
        quantity: line.quantity,
        serials: request.lines[index]!.serials,
        lots: request.lines[index]!.lots,
      })),
    });
    return rma.id;
  });
  return getRma(platform, ctx, rmaId, loadReturnFacts);
}
