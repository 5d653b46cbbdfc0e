export { registerReturnRoutes } from './rma.routes.js';
export { createRma, previewReturn } from './use-cases/create-rma.js';
export { approveRma, rejectRma, cancelRma, expireDueAuthorizations } from './use-cases/change-rma-status.js';
export { getRma, searchRmas, getRmaTimeline } from './use-cases/read-rmas.js';
export { recordUnauthorizedReturn } from './use-cases/record-unauthorized-return.js';
