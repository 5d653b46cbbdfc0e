// Goods that arrive with no RMA are recorded, not refused: they become an unauthorized return in
// 'receiving', visible to customer service and counted in the unauthorized-return rate.
import type { Rma, UnauthorizedReturnRequest } from '../../contracts/returns.js';
import type { RequestContext } from '../../platform/actor.js';
import type { RmaLinesTable, RmasTable } from '../../platform/db/schema.js';
import { AppError } from '../../platform/errors.js';
import { runInTransaction, type Platform } from '../../platform/unit-of-work.js';
import { assertCan } from '../../identity/index.js';
import {
  findCustomer,
  findOrderLinesWithProducts,
  holdSerials,
  insertRma,
  nextRmaNumber,
  tryCommitQuantity,
} from '../rma.repository.js';
import { loadRma } from './read-rmas.js';

export async function recordUnauthorizedReturn(
  platform: Platform,
  ctx: RequestContext,
  request: UnauthorizedReturnRequest,
): Promise<Rma> {
  assertCan(ctx.actor, 'returns.record_unauthorized');
  const id = await runInTransaction(platform, ctx, async (tx) => {
    const customer = await findCustomer(tx.db, request.customerId);
    if (!customer)
      throw new AppError('validation_failed', `customer ${request.customerId} does not exist`, {
        errors: [{ path: 'customerId', message: 'unknown customer' }],
      });
    const site = await tx.db
      .selectFrom('sites')
      .select(['id', 'is_active'])
      .where('id', '=', request.siteId)
      .executeTakeFirst();
    if (!site)
      throw new AppError('validation_failed', `site ${request.siteId} does not exist`, {
        errors: [{ path: 'siteId', message: 'unknown site' }],
      });
    const productIds = [...new Set(request.lines.map((l) => l.productId))];
    const products = await tx.db
      .selectFrom('products')
      .select(['id', 'list_price_minor', 'currency'])
      .where('id', 'in', productIds)
      .execute();
    const productById = new Map(products.map((p) => [p.id, p]));
    const orderLines = await findOrderLinesWithProducts(
      tx.db,
      request.lines.flatMap((l) => (l.orderLineId ? [l.orderLineId] : [])),
    );
    const orderLineById = new Map(orderLines.map((l) => [l.id, l]));

    const rmaId = tx.ids.next('rma');
    const lines: RmaLinesTable[] = [];
    for (const [index, line] of request.lines.entries()) {
      const product = productById.get(line.productId);
      if (!product)
        throw new AppError('validation_failed', `product ${line.productId} does not exist`, {
          errors: [{ path: `lines.${index}.productId`, message: 'unknown product' }],
        });
      const orderLine = line.orderLineId ? orderLineById.get(line.orderLineId) : undefined;
      if (
        line.orderLineId &&
        (!orderLine || orderLine.customer_id !== customer.id || orderLine.product_id !== line.productId)
      ) {
        throw new AppError(
          'validation_failed',
          `order line ${line.orderLineId} is not a line of this customer for this product`,
          { errors: [{ path: `lines.${index}.orderLineId`, message: 'does not match' }] },
        );
      }
      if (orderLine) {
        const shipped = new Set(JSON.parse(orderLine.serials_shipped) as string[]);
        const foreign = line.serials.filter((serial) => !shipped.has(serial));
        if (foreign.length > 0) {
          throw new AppError(
            'validation_failed',
            `serials ${foreign.join(', ')} were not shipped on order ${orderLine.order_number}; record the line without the order line so it is investigated`,
            {
              errors: [{ path: `lines.${index}.serials`, message: 'not shipped on this order line' }],
            },
          );
        }
      }
      if (orderLine && !(await tryCommitQuantity(tx.db, orderLine.id, line.quantity))) {
        throw new AppError(
          'rule_violation',
          `more units arrived than remain returnable on order ${orderLine.order_number}; record the line without the order line so it is investigated as an exception`,
          {
            errors: [{ path: `lines.${index}.quantity`, message: 'exceeds the quantity still returnable' }],
          },
        );
      }
      // Without an order line the value is estimated from the list price, in the customer's currency only.
      const unitPrice = orderLine
        ? Number(orderLine.unit_price_minor)
        : product.currency === customer.currency
          ? Number(product.list_price_minor)
          : 0;
      lines.push({
        id: tx.ids.next('rml'),
        rma_id: rmaId,
        line_number: index + 1,
        order_id: orderLine?.order_id ?? null,
        order_line_id: orderLine?.id ?? null,
        product_id: line.productId,
        quantity: line.quantity,
        reason_code: line.reasonCode,
        claimed_condition: line.claimedCondition,
        note: '',
        serials: JSON.stringify(line.serials),
        lots: JSON.stringify(line.lots),
        unit_price_minor: unitPrice,
        tax_minor: 0,
        value_minor: unitPrice * line.quantity,
        status: 'receiving',
      });
    }
    const rma: RmasTable = {
      id: rmaId,
      rma_number: await nextRmaNumber(tx.db),
      customer_id: customer.id,
      legal_entity_id: customer.legal_entity_id,
      return_type: 'standard',
      status: 'receiving',
      is_unauthorized: 1,
      note: request.note,
      customer_reference: request.carrierReference,
      currency: orderLines[0]?.currency ?? customer.currency,
      total_value_minor: lines.reduce((sum, l) => sum + l.value_minor, 0),
      requested_by: ctx.actor.name,
      requested_by_id: ctx.actor.id,
      authorized_at: null,
      expires_on: null,
      decided_by: null,
      decided_at: null,
      decision_comment: null,
      return_policy_version: null,
      approval_rules_version: null,
      routing_reasons: JSON.stringify(['Arrived without a return authorization']),
      verdict: null,
      receiving_site_id: site.id,
      version: 1,
      created_at: tx.now,
      updated_at: tx.now,
    };
    await insertRma(tx.db, rma, lines);
    // Serials matched to an order line are held like an RMA's, so nobody can request them again.
    await holdSerials(
      tx.db,
      request.lines.flatMap((line) => {
        const orderLineId = line.orderLineId;
        return orderLineId ? line.serials.map((serial) => ({ orderLineId, serial })) : [];
      }),
      rmaId,
      new AppError(
        'rule_violation',
        'a serial on this arrival is already on an open return; investigate before recording it',
      ),
    );
    tx.audit({
      entityType: 'rma',
      entityId: rmaId,
      action: 'rma.unauthorized_recorded',
      after: {
        rmaNumber: rma.rma_number,
        siteId: site.id,
        note: request.note,
        lines: lines.map((l) => ({ productId: l.product_id, quantity: l.quantity })),
      },
    });
    tx.emit({
      type: 'rma.unauthorized_recorded',
      aggregateType: 'rma',
      aggregateId: rmaId,
      payload: { rmaId, rmaNumber: rma.rma_number, customerId: customer.id, siteId: site.id },
    });
    return rmaId;
  });
  return loadRma(platform.db, id);
}
