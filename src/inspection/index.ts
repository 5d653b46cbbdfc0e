export { openInspections, type ReceivedUnits } from './open-inspections.js';
export { registerInspectionRoutes } from './inspection.routes.js';
export {
  findCompletedInspection,
  findInspectedUnits,
  findInspectionFindings,
  findOpenSlaBreaches,
  type CompletedInspection,
} from './inspection.queries.js';
export type * from './inspection.tables.js';
export { findInspectionTrace } from './inspection-trace.js';
// The use cases themselves, for seeders that work the queue as people would (the demo's later stages).
export { claimInspection, completeInspection, signOffInspection } from './inspection-work.js';
export { getInspection, listInspectionsOfReturn } from './inspection.queries.js';
export { openEvidencePhoto } from './inspection-photos.js';
export * from './kpi-records.js';
