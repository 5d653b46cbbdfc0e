export { registerAuditRoutes } from './audit.routes.js';
export { verifyAuditChain } from './audit.service.js';
