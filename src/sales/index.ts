export { registerSalesRoutes, type ReturnableUntilOf } from './sales.routes.js';
export { createSalesOrder, getSalesOrder } from './sales-order.service.js';
export {
  findOrderLinesForReturns,
  findLinesOfOrders,
  type LineOfOrder,
  orderNumberOf,
  holdReturnQuantity,
  releaseReturnQuantity,
  type OrderLineForReturns,
} from './returnable-quantities.js';
export { loadSalesOrderRows } from './sales-bulk-load.js';
export type * from './sales.tables.js';
export { findOrderLinesWithLots, type OrderLineWithLots } from './order-lines-with-lots.js';
export { findSalesTrace } from './sales-trace.js';
export { findOrderLinesByPo, type OrderLineByPo } from './order-lines-by-po.js';
