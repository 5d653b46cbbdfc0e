export { registerConfigurationRoutes } from './configuration.routes.js';
export { findCurrentConfig, findCurrentConfigs, seedDefaultConfiguration } from './configuration.service.js';
export type * from './configuration.tables.js';
