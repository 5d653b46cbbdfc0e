// Goods that arrive with no RMA are recorded, not refused. This step opens the RMA for them: it
// awaits a decision (authorize, or reject and send back), is counted in the unauthorized-return
// rate, and holds the order line's quantity and serials when the goods match a sale. What arrived
// is receiving's fact; the workflow that records an arrival runs this step and receiving's together.
import type { UnauthorizedReturnRequest } from '../../contracts/returns.js';
import { AppError } from '../../platform/errors.js';
import type { Tx } from '../../platform/unit-of-work.js';
import { assertCan } from '../../platform/access.js';
import { nextDocumentNumber } from '../../platform/document-numbers.js';
import { findCustomer, findProducts } from '../../masterdata/index.js';
import { findOrderLinesForReturns, holdReturnQuantity } from '../../sales/index.js';
import type { RmaLinesTable, RmasTable } from '../returns.tables.js';
import { holdSerials, insertRma } from '../rma.repository.js';
import { assertTransition } from '../domain/rma-state-machine.js';

export interface OpenedUnauthorizedReturn {
  rma: RmasTable;
  lines: RmaLinesTable[];
}

export async function openUnauthorizedReturn(
  tx: Tx,
  request: UnauthorizedReturnRequest,
): Promise<OpenedUnauthorizedReturn> {
  assertCan(tx.ctx.actor, 'returns.record_unauthorized');
  const customer = await findCustomer(tx.db, request.customerId);
  if (!customer)
    throw new AppError('validation_failed', `customer ${request.customerId} does not exist`, {
      errors: [{ path: 'customerId', message: 'unknown customer' }],
    });
  const productById = new Map(
    (await findProducts(tx.db, [...new Set(request.lines.map((l) => l.productId))])).map((p) => [p.id, p]),
  );
  const orderLineById = new Map(
    (
      await findOrderLinesForReturns(
        tx.db,
        request.lines.flatMap((l) => (l.orderLineId ? [l.orderLineId] : [])),
      )
    ).map((l) => [l.id, l]),
  );

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
        {
          errors: [{ path: `lines.${index}.orderLineId`, message: 'does not match' }],
        },
      );
    }
    if (orderLine) {
      const shipped = new Set(JSON.parse(orderLine.serials_shipped) as string[]);
      const foreign = line.serials.filter((serial) => !shipped.has(serial));
      if (foreign.length > 0) {
        throw new AppError(
          'validation_failed',
          `serials ${foreign.join(', ')} were not shipped on order ${orderLine.order_number}; record the line without the order line so it is investigated`,
          { errors: [{ path: `lines.${index}.serials`, message: 'not shipped on this order line' }] },
        );
      }
      if (!(await holdReturnQuantity(tx, orderLine.id, line.quantity))) {
        throw new AppError(
          'rule_violation',
          `more units arrived than remain returnable on order ${orderLine.order_number}; record the line without the order line so it is investigated as an exception`,
          { errors: [{ path: `lines.${index}.quantity`, message: 'exceeds the quantity still returnable' }] },
        );
      }
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
    });
  }
  assertTransition('requested', 'pending_approval');
  const rma: RmasTable = {
    id: rmaId,
    rma_number: await nextDocumentNumber(tx, 'rma', customer.legal_entity_id),
    customer_id: customer.id,
    legal_entity_id: customer.legal_entity_id,
    return_type: 'standard',
    status: 'pending_approval',
    is_unauthorized: 1,
    channel: 'arrival',
    note: request.note,
    customer_reference: request.carrierReference,
    currency: orderLineById.values().next().value?.currency ?? customer.currency,
    total_value_minor: lines.reduce((sum, l) => sum + l.value_minor, 0),
    requested_by: tx.ctx.actor.name,
    requested_by_id: tx.ctx.actor.personId,
    authorized_at: null,
    expires_on: null,
    decided_by: null,
    decided_at: null,
    decision_comment: null,
    return_policy_version: null,
    approval_rules_version: null,
    routing_reasons: JSON.stringify(['Arrived without a return authorization']),
    verdict: null,
    version: 1,
    created_at: tx.now,
    updated_at: tx.now,
  };
  await insertRma(tx, rma, lines);
  // Serials matched to an order line are held like an RMA's, so nobody can request them again.
  await holdSerials(
    tx.db,
    request.lines.flatMap((line) => {
      const orderLineId = line.orderLineId;
      return orderLineId ? line.serials.map((serial) => ({ orderLineId, serial })) : [];
    }),
    rmaId,
    () =>
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
      note: request.note,
      status: rma.status,
      lines: lines.map((l) => ({ productId: l.product_id, quantity: l.quantity })),
    },
  });
  tx.emit({
    type: 'rma.unauthorized_recorded',
    aggregateType: 'rma',
    aggregateId: rmaId,
    payload: { rmaId, rmaNumber: rma.rma_number, customerId: customer.id },
  });
  return { rma, lines };
}
