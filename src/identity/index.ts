export { assertCan, can, isVisibleToActor, isCustomerScoped, type Permission } from './domain/permissions.js';
export { authenticate, issueToken, createUser, createApiKey } from './identity.service.js';
export { registerIdentityRoutes } from './identity.routes.js';
