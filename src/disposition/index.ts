export { planDisposition, recordDisposition, linkFollowUp, type DispositionPlan } from './record-disposition.js';
export {
  openFollowUp,
  addToVendorReturn,
  addToLiquidationLot,
  openCustomerReturnShipment,
  recordDisposal,
  unitsOf,
  type Units,
} from './follow-ups.js';
export { getRecommendation } from './recommendation.js';
export type * from './disposition.tables.js';
export {
  findDispositionedUnits,
  getDisposition,
  findDispositionOfInspection,
  listDispositionsOfReturn,
  unitView,
} from './disposition.queries.js';
export {
  getWorkOrder,
  listWorkOrders,
  recordWorkOrderOutcome,
  toPartnerView,
  isPartner,
  type OutcomeInput,
} from './work-orders.js';
export { registerDispositionRoutes } from './disposition.routes.js';
export { findDispositionTrace } from './disposition-trace.js';
export {
  listVendorReturns,
  getVendorReturn,
  listVendorReturnsOfSupplier,
  getVendorReturnOfSupplier,
  listQuarantineHolds,
  getQuarantineHold,
  listLiquidationLots,
  getLiquidationLot,
  listCustomerReturnShipments,
  getCustomerReturnShipment,
  listDisposals,
  vendorReturnNumberOf,
} from './operations.queries.js';
export {
  recordVendorReturnShipped,
  recordHoldRelease,
  openReleaseFollowUp,
  recordLotSold,
  recordShippedToCustomer,
  type ShipVendorReturnInput,
  type HoldRelease,
  type ReleaseAction,
} from './operations.js';
export * from './kpi-records.js';
