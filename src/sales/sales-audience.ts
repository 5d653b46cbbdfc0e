// Who reads an order decides its shape. Customer-portal users get their own view, built field by
// field (a field added to the staff view stays internal until it is added here): no legal entity,
// no shipping warehouse.
import type {
  CustomerSalesOrder,
  CustomerSalesOrderSummary,
  SalesOrder,
  SalesOrderSummary,
} from '../contracts/masterdata.js';
import type { Actor } from '../platform/actor.js';
import { isCustomerScoped } from '../platform/access.js';

/** The order's own fields a customer sees, shared by the order and its summary. */
function customerHeaderOf(order: SalesOrder | SalesOrderSummary) {
  return {
    id: order.id,
    orderNumber: order.orderNumber,
    customerId: order.customerId,
    customerName: order.customerName,
    currency: order.currency,
    orderDate: order.orderDate,
    customerPo: order.customerPo,
    channel: order.channel,
    version: order.version,
  };
}

export function customerOrderOf(order: SalesOrder): CustomerSalesOrder {
  return {
    ...customerHeaderOf(order),
    lines: order.lines.map((line) => ({
      id: line.id,
      lineNumber: line.lineNumber,
      productId: line.productId,
      sku: line.sku,
      productName: line.productName,
      quantityShipped: line.quantityShipped,
      quantityCommitted: line.quantityCommitted,
      unitPriceMinor: line.unitPriceMinor,
      taxMinor: line.taxMinor,
      shipDate: line.shipDate,
      deliveryDate: line.deliveryDate,
      serialsShipped: line.serialsShipped,
      lotsShipped: line.lotsShipped,
      isReturnable: line.isReturnable,
      isSerialized: line.isSerialized,
      isLotControlled: line.isLotControlled,
      regulatedClass: line.regulatedClass,
    })),
  };
}

export function customerOrderSummaryOf(order: SalesOrderSummary): CustomerSalesOrderSummary {
  return {
    ...customerHeaderOf(order),
    lineCount: order.lineCount,
    totalMinor: order.totalMinor,
    deliveredOn: order.deliveredOn,
    returnableUntil: order.returnableUntil,
  };
}

export function orderFor(actor: Actor, order: SalesOrder): SalesOrder | CustomerSalesOrder {
  return isCustomerScoped(actor) ? customerOrderOf(order) : order;
}

export function orderSummariesFor(
  actor: Actor,
  items: SalesOrderSummary[],
): SalesOrderSummary[] | CustomerSalesOrderSummary[] {
  return isCustomerScoped(actor) ? items.map(customerOrderSummaryOf) : items;
}
