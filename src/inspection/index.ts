export { openInspections, type ReceivedUnits } from './open-inspections.js';
export { registerInspectionRoutes } from './inspection.routes.js';
export {
  findCompletedInspection,
  findInspectedUnits,
  findInspectionFindings,
  type CompletedInspection,
} from './inspection.queries.js';
export type * from './inspection.tables.js';
