// Goods arrive for an authorized return and are received by scan or by hand. One transaction:
//   1. receiving reads what the return expects (returns' lines, less what was received already),
//      sets the counted goods against it, and records the receipt;
//   2. what did not match becomes receipt exceptions in the queue, not errors that lose the goods.
// Receipts of the same return are taken one at a time (a lock per return on PostgreSQL), so two
// receivers scanning the same line at once never receive more than it expects.
import { receiveGoods } from './receive-goods.js';
import type { ReceiptResult, ReceiveReturnRequest } from '../contracts/receiving.js';
import type { RequestContext } from '../platform/actor.js';
import { assertCan } from '../platform/access.js';
import { lockForTransaction } from '../platform/db/transaction-lock.js';
import { AppError } from '../platform/errors.js';
import { runInTransaction, type Platform } from '../platform/unit-of-work.js';
import {
  findReceivedSerials,
  findReceivedUnits,
  getReceiptException,
  matchReceipt,
  recordReceiptExceptions,
  resolveCountedItems,
} from '../receiving/index.js';
import { findReturnForStages, findRmaNumbers } from '../returns/index.js';

export async function receiveReturn(
  platform: Platform,
  ctx: RequestContext,
  rmaId: string,
  request: ReceiveReturnRequest,
): Promise<ReceiptResult> {
  assertCan(ctx.actor, 'receiving.receive');
  const outcome = await runInTransaction(platform, ctx, async (tx) => {
    const rma = await findReturnForStages(tx.db, tx.ctx.actor, rmaId);
    if (rma.status !== 'authorized')
      throw new AppError(
        'invalid_transition',
        `return ${rma.rmaNumber} is ${rma.status.replace(/_/g, ' ')}: goods are received against a return once it is authorized; record them as an unauthorized arrival otherwise`,
      );
    await lockForTransaction(tx, `receipts:${rma.id}`);
    const counted = await resolveCountedItems(tx, request.items);
    const receivedBefore = new Map((await findReceivedUnits(tx.db, [rma.id])).map((r) => [r.rmaLineId, r.received]));
    const serialsBefore = rma.lines.some((line) => line.serials.length > 0)
      ? await findReceivedSerials(tx.db, rma.id)
      : new Map<string, string[]>();
    const expected = rma.lines.map((line) => ({
      rmaLineId: line.id,
      productId: line.productId,
      remaining: Math.max(0, line.quantity - (receivedBefore.get(line.id) ?? 0)),
      serials: line.serials,
      receivedSerials: serialsBefore.get(line.id) ?? [],
    }));
    const match = matchReceipt(expected, counted);
    const receipt = await receiveGoods(tx, {
      rmaId: rma.id,
      siteId: request.siteId,
      carrierReference: request.carrierReference,
      note: request.note,
      isUnauthorized: false,
      lines: match.received,
    });
    const exceptionIds = await recordReceiptExceptions(tx, receipt, match.exceptions);
    const receivedNow = new Map<string, number>();
    for (const line of match.received)
      receivedNow.set(line.rmaLineId, (receivedNow.get(line.rmaLineId) ?? 0) + line.quantity);
    return {
      receiptId: receipt.id,
      rmaId: rma.id,
      received: match.received.map(({ rmaLineId, productId, quantity, serials, lots }) => ({
        rmaLineId,
        productId,
        quantity,
        serials,
        lots,
      })),
      exceptionIds,
      lines: rma.lines.map((line) => {
        const received = (receivedBefore.get(line.id) ?? 0) + (receivedNow.get(line.id) ?? 0);
        return {
          rmaLineId: line.id,
          lineNumber: line.lineNumber,
          productId: line.productId,
          quantity: line.quantity,
          received,
          expected: Math.max(0, line.quantity - received),
        };
      }),
    };
  });
  const { exceptionIds, ...result } = outcome;
  const exceptions = await Promise.all(
    exceptionIds.map((id) => getReceiptException(platform.db, ctx, id, findRmaNumbers)),
  );
  return { ...result, exceptions };
}
