export { registerReturnRoutes } from './rma.routes.js';
export { createRma, previewReturn } from './use-cases/create-rma.js';
export { approveRma, rejectRma, cancelRma, expireDueAuthorizations } from './use-cases/change-rma-status.js';
export { getRma, searchRmas, getRmaTimeline } from './use-cases/read-rmas.js';
export { recordUnauthorizedReturn } from './use-cases/record-unauthorized-return.js';

// For importers and seeders that write historical returns (demo data, migrations from another system):
// the same numbering, quantity commitment, routing and valuation as live requests.
export { nextRmaNumber, tryCommitQuantity } from './rma.repository.js';
export { routeForApproval } from './domain/approval-routing.js';
export { computeLineValueMinor } from './domain/line-value.js';
export { resolveReturnWindowDays } from './domain/return-window.js';
