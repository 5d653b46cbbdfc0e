// The ledger's door: the posting steps workflows call, and its routes.
export { postEntry, type EntryDraft } from './post-entry.js';
export { postStockMovements, type StockPosting, type MovementToBook } from './post-stock-movements.js';
export { valuationOf, legalEntityOfSite, type Valuation } from './valuation.js';
export { findRate, requireRate } from './fx-rates.js';
export { convertMinor } from './domain/fx.js';
export type { LedgerTables } from './ledger.tables.js';
export { registerLedgerRoutes } from './ledger.routes.js';
export { registerFxRoutes } from './fx.routes.js';
export { importEcbRates, storeFxRates, listRates, type FxRatesToStore } from './fx-import.js';
export {
  accountBalancesByRole,
  carryingValues,
  STOCK_ACCOUNT_ROLES,
  stockAccountBalances,
  stockAccountOfStatus,
} from './reconciliation.js';
export { postReversal } from './ledger-admin.js';
export { trialBalance, listEntries, getEntry } from './ledger.queries.js';
export * from './kpi-records.js';
