export { registerReturnRoutes } from './rma.routes.js';
export { createRma, previewReturn, requestReturn } from './use-cases/create-rma.js';
export { approveRma, rejectRma, cancelRma, expireDueAuthorizations } from './use-cases/change-rma-status.js';
export { getRma, searchRmas, getRmaTimeline, loadProgress, countReturnsByStatus } from './use-cases/read-rmas.js';
export { openUnauthorizedReturn, type OpenedUnauthorizedReturn } from './use-cases/open-unauthorized-return.js';
export { combineFactSources, type LoadReturnFacts, type ReturnFactsSource } from './return-facts.js';
export type { OnReturnAuthorized } from './on-authorized.js';
export type { OnReturnClosedUnreceived, ReturnEndedUnreceived } from './on-closed-unreceived.js';
export { NO_FACTS, type LineFacts, type Progress } from './domain/return-progress.js';
export { holdsQuantity } from './domain/rma-state-machine.js';

// For importers and seeders that build returns themselves (demo data): the same routing and
// valuation as live requests.
export { routeForApproval } from './domain/approval-routing.js';
export { computeLineValueMinor } from './domain/line-value.js';
export { resolveReturnWindowDays } from './domain/return-window.js';
export type * from './returns.tables.js';
export { findReturnableUntilOfOrders } from './use-cases/returnable-until.js';
export {
  findReturnForStages,
  findRmaNumbers,
  findReturnsForCarrier,
  findShipToSiteIdOf,
  findReturnLineDetails,
  type ReturnForStages,
  type ReturnLineDetails,
} from './use-cases/return-for-stages.js';
export { findReturnTrace } from './return-trace.js';
export { registerRecallRoutes } from './recall.routes.js';
export { findReturnNotice, type ReturnNotice } from './return-notice.js';
export * from './kpi-records.js';
