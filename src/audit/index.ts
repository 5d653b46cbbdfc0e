export { appendAuditEvents, findStreamEvents, type AuditEntryDraft } from './audit.repository.js';
export { registerAuditRoutes } from './audit.routes.js';
export { findChainBreak, GENESIS_HASH } from './domain/audit-chain.js';
