export { registerInventoryRoutes } from './inventory.routes.js';
export {
  receiveIntoStock,
  moveStock,
  type ReceiveIntoStockInput,
  type MoveStockInput,
  type StockEnd,
} from './stock-movements.js';
export {
  addStockLocation,
  createStockLocation,
  listStockLocations,
  receivingLocationOf,
  DEFAULT_RECEIVING_LOCATION,
} from './stock-locations.js';
export {
  listStock,
  listMovements,
  findAvailableToPromise,
  findUnitWhereabouts,
  findMovementsById,
  findReturnStockOnHand,
  findReturnStockOnHandBefore,
} from './stock.queries.js';
export { ON_HAND_STATUSES, LEAVING_STATUSES, canChangeStatus, canLeaveStock, isOnHand } from './domain/stock-status.js';
export type * from './inventory.tables.js';
export { findStockCustody } from './custody.js';
export {
  locationOfKind,
  findLocationByCode,
  moveReturnLineUnits,
  type MoveReturnLineUnitsInput,
} from './return-line-stock.js';
export { findStockTrace, type StockTrace } from './stock-trace.js';
export {
  allocateSaleableUnits,
  type AllocationResult,
  type UnitsAllocated,
  type UnitsWanted,
} from './replacement-stock.js';
