export { loadReturnFacts } from './return-facts.js';
export { recordUnauthorizedArrival } from './record-unauthorized-arrival.js';
export { registerWorkflowRoutes } from './workflow.routes.js';
export { identifyArrival } from './identify-arrival.js';
export { receiveReturn } from './receive-return.js';
export { resolveReceiptException } from './resolve-receipt-exception.js';
export { registerDispositionWorkflowRoutes } from './disposition-workflow.routes.js';
export { executeDisposition, disposeInspectedUnits } from './execute-disposition.js';
export { reportWorkOrderOutcome } from './report-work-order-outcome.js';
