export { registerMasterdataRoutes } from './masterdata.routes.js';
export { createMasterRecord, getMasterRecord, type MasterRecordDefinition } from './master-record.js';
export { CUSTOMERS, PRODUCTS, SITES, SUPPLIERS, LEGAL_ENTITIES, MASTER_RECORDS } from './master-records.js';
export { isKnownCurrency, minorUnitsOf } from '../platform/money/currencies.js';
