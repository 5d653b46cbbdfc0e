export { registerLogisticsRoutes, type LogisticsOptions } from './logistics.routes.js';
export { createShipment, recordShipment } from './create-shipment.js';
export { recordTrackingEvents, type TrackingSource } from './record-tracking.js';
export { findShippedUnits, findShipmentsOfReturn, HANDED_TO_CARRIER } from './shipment.queries.js';
export { detectTrackingNumber, validateTrackingNumberFor } from './domain/tracking-numbers.js';
export { easyPostSignatureOf } from './domain/tracking-events/easypost-signature.js';
export type * from './logistics.tables.js';
export { registerDockRoutes } from './dock-appointments/index.js';
export type * from './dock-appointments/dock.tables.js';
