export { authenticate, issueToken, createUser, createApiKey, hasUsers, findUserIdByEmail } from './identity.service.js';
export { registerIdentityRoutes } from './identity.routes.js';
export type * from './identity.tables.js';
