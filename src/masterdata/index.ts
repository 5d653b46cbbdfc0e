export { registerMasterdataRoutes } from './masterdata.routes.js';
export { createMasterRecord, getMasterRecord, type MasterRecordDefinition } from './master-record.js';
export { CUSTOMERS, PRODUCTS, SITES, SUPPLIERS, LEGAL_ENTITIES, MASTER_RECORDS } from './master-records.js';
export { PARTNERS } from './master-records.js';
export {
  findCustomer,
  findProducts,
  findSite,
  findRoutableSites,
  findSiteCodes,
  findDefaultReceivingSite,
  findSiteAddress,
  findExistingIds,
  findIdByIdOrBusinessKey,
  legalEntityExists,
  findLegalEntity,
  findLegalEntities,
  findProductCost,
  findSiteIdsOfEntity,
  hasMasterData,
  customerNameOf,
  customerAccountOf,
  productSkuOf,
  siteCodeOf,
  siteNameOf,
  productNameOf,
  customersMatching,
  productsMatching,
  findProductsByCode,
  findProductFacets,
  findProductsWithSupplier,
  findCustomerNames,
  findCustomerContact,
  findCustomerRegions,
  findPartner,
  findActivePartners,
  partnerNameOf,
  supplierCodeOf,
  supplierNameOf,
  type ProductWithSupplier,
  type CustomerForReturns,
  type ProductForReturns,
  type SiteAddress,
} from './masterdata.queries.js';
export { loadMasterRows, type MasterRows } from './masterdata-bulk-load.js';
export type * from './masterdata.tables.js';
export { findSupplierTerms } from './supplier-terms.js';
export { findCarrierCodesOf } from './carrier-partners.js';
export * from './kpi-records.js';
