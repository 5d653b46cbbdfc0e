// Raise a recall: every customer who received an affected lot of a product gets one recall RMA
// (per currency) for what is still theirs to send back — each line the returnable quantity of an
// order line that shipped the lot — through the same step as any other return (eligibility,
// approval routing, holds, routing of the goods). The recall, its returns, the audit trail and the
// event commit together, or none of them do. Lines with nothing left to return are reported as
// skipped, with why.
import type { RaisedRecall, RaiseRecallRequest, RecallSkip } from '../../contracts/recalls.js';
import type { CreateRmaRequest, Rma } from '../../contracts/returns.js';
import type { RequestContext } from '../../platform/actor.js';
import { can, assertCan } from '../../platform/access.js';
import { AppError } from '../../platform/errors.js';
import { lockForTransaction } from '../../platform/db/transaction-lock.js';
import { nextDocumentNumber } from '../../platform/document-numbers.js';
import { runInTransaction, type Platform, type Tx } from '../../platform/unit-of-work.js';
import { findCustomer, findProducts, type ProductForReturns } from '../../masterdata/index.js';
import { findOrderLinesWithLots, type OrderLineWithLots } from '../../sales/index.js';
import { findActiveSerials } from '../rma.repository.js';
import { evaluateReturnRequest } from './evaluate-return.js';
import { requestReturn } from './create-rma.js';
import { recallRmaOf, toRecallView } from './read-recalls.js';
import type { OnReturnAuthorized } from '../on-authorized.js';

/** One RMA carries at most this many lines (the request schema's limit); more make another RMA. */
const LINES_PER_RMA = 500;

/** A recall RMA's line for an order line, or why there is none. */
type Planned =
  | { kind: 'line'; orderLine: OrderLineWithLots; quantity: number; serials: string[] }
  | { kind: 'skip'; orderLine: OrderLineWithLots; reason: string };

/**
 * `onAuthorized` is the later stages' port, as for any return (a trusted customer's recall return
 * the policy authorizes at once is credited ahead of inspection in this transaction).
 */
export async function raiseRecall(
  platform: Platform,
  ctx: RequestContext,
  request: RaiseRecallRequest,
  onAuthorized?: OnReturnAuthorized,
): Promise<RaisedRecall> {
  assertCan(ctx.actor, 'recalls.create');
  const lots = [...new Set(request.lots)];
  return runInTransaction(platform, ctx, async (tx) => {
    const [product] = await findProducts(tx.db, [request.productId]);
    if (!product) throw new AppError('not_found', `product ${request.productId} was not found`);
    // Two recalls of one product at once would each hold the same returnable quantity; one waits.
    await lockForTransaction(tx, `recall:${product.id}`);
    const orderLines = await findOrderLinesWithLots(tx.db, product.id, lots);
    if (orderLines.length === 0) {
      const message = `no order line of ${product.sku} shipped lot ${lots.join(', ')}`;
      throw new AppError('not_eligible', message, { errors: [{ path: 'lots', message }] });
    }
    const recallNumber = await nextDocumentNumber(tx, 'recall', orderLines[0]!.legalEntityId);
    const planned = await planLines(tx, product, orderLines);
    const skipped: RecallSkip[] = [];
    const rmas: Rma[] = [];
    for (const group of groupByCustomerAndCurrency(planned)) {
      const raised = await raiseForCustomer(tx, group, { recallNumber, reason: request.reason, lots }, onAuthorized);
      skipped.push(...(await Promise.all(raised.skipped.map((skip) => skipOf(tx, skip)))));
      rmas.push(...raised.rmas);
    }
    skipped.push(...(await Promise.all(planned.flatMap((p) => (p.kind === 'skip' ? [skipOf(tx, p)] : [])))));
    const recall = {
      id: tx.ids.next('rcl'),
      recall_number: recallNumber,
      product_id: product.id,
      lots: JSON.stringify(lots),
      reason: request.reason,
      rma_ids: JSON.stringify(rmas.map((rma) => rma.id)),
      created_by: tx.ctx.actor.name,
      created_by_id: tx.ctx.actor.personId,
      created_at: tx.now,
    };
    await tx.db.insertInto('recalls').values(recall).execute();
    recordRecall(tx, recall, rmas, skipped);
    return {
      ...toRecallView({ ...recall, product_sku: product.sku, product_name: product.name }, rmas.map(recallRmaOf)),
      skipped: skipped.sort(
        (a, b) => a.customerName.localeCompare(b.customerName) || a.orderNumber.localeCompare(b.orderNumber),
      ),
    };
  });
}

/** What each order line can give back: its returnable quantity, by serial for serialized goods. */
async function planLines(tx: Tx, product: ProductForReturns, orderLines: OrderLineWithLots[]): Promise<Planned[]> {
  const isSerialized = product.is_serialized === 1;
  const held = isSerialized
    ? await findActiveSerials(
        tx.db,
        orderLines.map((l) => l.id),
      )
    : [];
  return orderLines.map((orderLine): Planned => {
    const returnable = orderLine.quantityShipped - orderLine.quantityCommitted;
    if (returnable <= 0)
      return {
        kind: 'skip',
        orderLine,
        reason: `all ${orderLine.quantityShipped} shipped are already returned or on an open return`,
      };
    if (!isSerialized) return { kind: 'line', orderLine, quantity: returnable, serials: [] };
    const taken = new Set(held.filter((s) => s.order_line_id === orderLine.id).map((s) => s.serial));
    const serials = orderLine.serialsShipped.filter((s) => !taken.has(s)).slice(0, returnable);
    return serials.length > 0
      ? { kind: 'line', orderLine, quantity: serials.length, serials }
      : { kind: 'skip', orderLine, reason: 'every serial shipped on this line is already on a return' };
  });
}

type LineToRecall = Extract<Planned, { kind: 'line' }>;

/** One return settles in one currency, so a customer's lines in two currencies make two returns. */
function groupByCustomerAndCurrency(planned: Planned[]): LineToRecall[][] {
  const groups = new Map<string, LineToRecall[]>();
  for (const p of planned) {
    if (p.kind !== 'line') continue;
    const key = `${p.orderLine.customerId} ${p.orderLine.currency}`;
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  return [...groups.values()].flatMap((lines) => {
    const chunks: LineToRecall[][] = [];
    for (let i = 0; i < lines.length; i += LINES_PER_RMA) chunks.push(lines.slice(i, i + LINES_PER_RMA));
    return chunks;
  });
}

/**
 * The recall RMA of one customer, through the same step as any request. The policy is asked
 * first, so a line it refuses (or a customer it refuses: an account on credit hold) is reported
 * as skipped with the policy's words instead of failing the whole recall.
 */
async function raiseForCustomer(
  tx: Tx,
  lines: LineToRecall[],
  recall: { recallNumber: string; reason: string; lots: string[] },
  onAuthorized: OnReturnAuthorized | undefined,
): Promise<{ rmas: Rma[]; skipped: Array<Extract<Planned, { kind: 'skip' }>> }> {
  const acting = actingForRecall(tx);
  const requestOf = (chosen: LineToRecall[]): CreateRmaRequest => ({
    customerId: chosen[0]!.orderLine.customerId,
    returnType: 'recall',
    note: `Recall ${recall.recallNumber}: ${recall.reason}`.slice(0, 4000),
    customerReference: recall.recallNumber,
    lines: chosen.map((p) => ({
      orderLineId: p.orderLine.id,
      quantity: p.quantity,
      reasonCode: 'RECALL',
      claimedCondition: 'unopened',
      note: `Lot ${p.orderLine.affectedLots.join(', ')} recalled`,
      serials: p.serials,
      lots: p.orderLine.affectedLots,
    })),
  });
  const { verdict } = await evaluateReturnRequest(tx.db, acting.ctx.actor, requestOf(lines), tx.today);
  const refusedCustomer = verdict.customerChecks.filter((c) => !c.passed).map((c) => c.message);
  const refusedLine = new Map(
    verdict.lines
      .filter((l) => !l.isEligible)
      .map((l) => [
        l.lineIndex,
        l.checks
          .filter((c) => !c.passed)
          .map((c) => c.message)
          .join(' '),
      ]),
  );
  const skip = (p: LineToRecall, reason: string) => ({ kind: 'skip' as const, orderLine: p.orderLine, reason });
  if (refusedCustomer.length > 0) return { rmas: [], skipped: lines.map((p) => skip(p, refusedCustomer.join(' '))) };
  const accepted = lines.filter((_, index) => !refusedLine.has(index));
  const skipped = lines.flatMap((p, index) => (refusedLine.has(index) ? [skip(p, refusedLine.get(index)!)] : []));
  if (accepted.length === 0) return { rmas: [], skipped };
  return { rmas: [await requestReturn(acting, requestOf(accepted), onAuthorized, { channel: 'recall' })], skipped };
}

/**
 * The recall's returns are requested by the person raising it, on the authority of the recall:
 * quality and operations managers recall lots without otherwise raising returns for customers, so
 * the step runs for them as customer service would (who may). Who did it — in the returns'
 * "requested by" and in every audit record — stays the person.
 */
function actingForRecall(tx: Tx): Tx {
  if (can(tx.ctx.actor, 'returns.create')) return tx;
  return { ...tx, ctx: { ...tx.ctx, actor: { ...tx.ctx.actor, role: 'cs_agent', customerId: null } } };
}

async function skipOf(tx: Tx, planned: Extract<Planned, { kind: 'skip' }>): Promise<RecallSkip> {
  const { orderLine } = planned;
  const customer = await findCustomer(tx.db, orderLine.customerId);
  return {
    customerId: orderLine.customerId,
    customerName: customer?.name ?? orderLine.customerId,
    customerAccount: customer?.account_number ?? '',
    orderId: orderLine.orderId,
    orderNumber: orderLine.orderNumber,
    lineNumber: orderLine.lineNumber,
    lots: orderLine.affectedLots,
    quantityShipped: orderLine.quantityShipped,
    quantityReturnedOrHeld: orderLine.quantityCommitted,
    reason: planned.reason,
  };
}

function recordRecall(
  tx: Tx,
  recall: { id: string; recall_number: string; product_id: string; reason: string },
  rmas: Rma[],
  skipped: RecallSkip[],
): void {
  const after = {
    recallNumber: recall.recall_number,
    productId: recall.product_id,
    reason: recall.reason,
    rmas: rmas.map((rma) => ({ rmaId: rma.id, rmaNumber: rma.rmaNumber, customerId: rma.customerId })),
    skipped: skipped.map((s) => ({
      customerId: s.customerId,
      orderNumber: s.orderNumber,
      lineNumber: s.lineNumber,
      reason: s.reason,
    })),
  };
  tx.audit({ entityType: 'recall', entityId: recall.id, action: 'recall.raised', after });
  tx.emit({
    type: 'recall.raised',
    aggregateType: 'recall',
    aggregateId: recall.id,
    payload: {
      recallId: recall.id,
      recallNumber: recall.recall_number,
      productId: recall.product_id,
      rmaIds: rmas.map((rma) => rma.id),
    },
  });
}
