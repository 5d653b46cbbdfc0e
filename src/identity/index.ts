export {
  authenticate,
  issueToken,
  createUser,
  createApiKey,
  hasUsers,
  findUserIdByEmail,
  findUserSummary,
  findStaffToAlert,
} from './identity.service.js';
export { assertPartnerFitsRole } from './partner-affiliation.js';
export { registerIdentityRoutes } from './identity.routes.js';
export { registerUserAdministrationRoutes } from './user-administration.routes.js';
export type * from './identity.tables.js';
