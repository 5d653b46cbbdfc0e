export { appendAuditEvents, findStreamEvents } from './audit.repository.js';
export { findChainBreak, GENESIS_HASH } from './domain/audit-chain.js';
