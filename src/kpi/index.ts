export type * from './kpi.tables.js';
export {
  deriveReturnFacts,
  type ReturnRecords,
  type LineRecords,
  type ReturnFacts,
} from './domain/return-kpi-facts.js';
export {
  readStoredFacts,
  storeFacts,
  sameFacts,
  clearKpiTables,
  countStoredFacts,
  readAllRollups,
  returnRow,
  lineRows,
  rollupRow,
} from './kpi-store.js';
export { addContributions, contributionsOf, contributionKey, type Contribution } from './domain/kpi-contributions.js';
export { MEASURE_COLUMNS } from './domain/return-kpi-facts.js';
export { registerKpiRoutes } from './kpi.routes.js';
export { kpiHeadlines, kpiTable, kpiReturns } from './kpi-queries.js';
export { registerKpiGauges } from './kpi-metrics.js';
