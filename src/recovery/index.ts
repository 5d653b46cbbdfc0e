// Supplier recovery's door: the claim steps workflows call, its queries and routes.
export {
  submitSupplierClaim,
  recordClaimAcknowledged,
  recordClaimDecision,
  recordClaimPaid,
  setClaimReceivable,
  singleReturnOfClaim,
  isSupplier,
  type ClaimToSubmit,
} from './supplier-claims.js';
export type * from './recovery.tables.js';
export {
  listSupplierClaims,
  getSupplierClaim,
  supplierClaimAging,
  openClaimReceivables,
  claimReceivablesThrough,
  findEvidencePhoto,
} from './claims.queries.js';
export { registerRecoveryRoutes, ClaimForAnyone } from './recovery.routes.js';
export * from './kpi-records.js';
