export { registerConfigurationRoutes } from './configuration.routes.js';
export {
  findCurrentConfig,
  findCurrentConfigs,
  publishConfig,
  seedDefaultConfiguration,
} from './configuration.service.js';
export { DEFAULT_RETURN_ROUTING } from './domain/default-configuration.js';
export type * from './configuration.tables.js';
export { DEFAULT_DISPOSITION_RULES } from './domain/default-disposition-rules.js';
