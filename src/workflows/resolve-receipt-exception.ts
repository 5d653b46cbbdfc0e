// Resolving a receipt exception: the goods are here, someone decides what they are.
// - accepted onto the return: received onto the return's line for that product (an over-receipt or
//   a serial the return did not name, when the customer's intent is clear) — the return's units grow;
// - an unauthorized return: returns opens one for the return's customer, awaiting a decision, and
//   receiving records the goods against it;
// - refused: the goods go back to the sender; nothing is received.
// One transaction each, the exception closed in it.
import { receiveGoods } from './receive-goods.js';
import type { ReceiptExceptionView, ResolveReceiptExceptionRequest } from '../contracts/receiving.js';
import type { RequestContext } from '../platform/actor.js';
import { assertCan } from '../platform/access.js';
import { AppError } from '../platform/errors.js';
import { runInTransaction, type Platform, type Tx } from '../platform/unit-of-work.js';
import { getReceiptException, markExceptionResolved, takeOpenException } from '../receiving/index.js';
import type { ReceiptExceptionsTable } from '../receiving/index.js';
import { findReturnForStages, findRmaNumbers, openUnauthorizedReturn } from '../returns/index.js';

export async function resolveReceiptException(
  platform: Platform,
  ctx: RequestContext,
  id: string,
  expectedVersion: number | undefined,
  request: ResolveReceiptExceptionRequest,
): Promise<ReceiptExceptionView> {
  assertCan(ctx.actor, 'receiving.receive');
  await runInTransaction(platform, ctx, async (tx) => {
    const exception = await takeOpenException(tx, id, expectedVersion);
    const resolvedRmaId =
      request.resolution === 'accepted_onto_return'
        ? await acceptOntoReturn(tx, exception, request.note)
        : request.resolution === 'unauthorized_return'
          ? await openUnauthorizedReturnFor(tx, exception, request.note)
          : null;
    await markExceptionResolved(tx, exception, request, resolvedRmaId);
  });
  return getReceiptException(platform.db, ctx, id, findRmaNumbers);
}

async function acceptOntoReturn(tx: Tx, exception: ReceiptExceptionsTable, note: string): Promise<null> {
  const rma = await findReturnForStages(tx.db, tx.ctx.actor, exception.rma_id);
  const line = rma.lines.find((candidate) => candidate.productId === exception.product_id);
  if (!line)
    throw new AppError(
      'rule_violation',
      `${exception.kind === 'wrong_item' ? 'a product that is not on' : 'goods without a line on'} return ${rma.rmaNumber} cannot be accepted onto it; open an unauthorized return for them, or refuse them`,
    );
  await receiveGoods(tx, {
    rmaId: rma.id,
    siteId: exception.site_id,
    carrierReference: '',
    note: `Accepted from a receipt exception (${exception.kind.replace(/_/g, ' ')}): ${note}`,
    isUnauthorized: false,
    lines: [
      {
        rmaLineId: line.id,
        productId: line.productId,
        quantity: exception.quantity,
        serials: JSON.parse(exception.serials) as string[],
        lots: JSON.parse(exception.lots) as string[],
      },
    ],
  });
  return null;
}

async function openUnauthorizedReturnFor(tx: Tx, exception: ReceiptExceptionsTable, note: string): Promise<string> {
  const rma = await findReturnForStages(tx.db, tx.ctx.actor, exception.rma_id);
  if (!exception.product_id)
    throw new AppError(
      'rule_violation',
      'the goods are not identified as a product; record them as an unidentified arrival',
    );
  const serials = JSON.parse(exception.serials) as string[];
  const lots = JSON.parse(exception.lots) as string[];
  const opened = await openUnauthorizedReturn(tx, {
    customerId: rma.customerId,
    siteId: exception.site_id,
    carrierReference: '',
    note: `Came with return ${rma.rmaNumber} but did not match it (${exception.reason}). ${note}`,
    lines: [
      {
        productId: exception.product_id,
        quantity: exception.quantity,
        claimedCondition: 'used',
        serials,
        lots,
        reasonCode: 'UNKNOWN',
      },
    ],
  });
  await receiveGoods(tx, {
    rmaId: opened.rma.id,
    siteId: exception.site_id,
    carrierReference: '',
    note,
    isUnauthorized: true,
    lines: opened.lines.map((line) => ({
      rmaLineId: line.id,
      productId: line.product_id,
      quantity: line.quantity,
      serials,
      lots,
    })),
  });
  return opened.rma.id;
}
