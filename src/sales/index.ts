export { registerSalesRoutes } from './sales.routes.js';
export { createSalesOrder, getSalesOrder } from './sales-order.service.js';
