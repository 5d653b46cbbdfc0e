// What other contexts may read of master data, one query per function. Other contexts never
// name master data's tables; the correlated subqueries below let their lists show, search and
// sort by a customer or product without knowing how master data stores them.
import { sql, type Kysely, type Transaction } from 'kysely';
import { prepared } from '../platform/db/prepared-query.js';
import type { DB } from '../platform/db/database.js';
import { anyColumnContains } from '../platform/pagination.js';
import type { PartnerKind } from '../contracts/masterdata.js';

type Reader = Kysely<DB> | Transaction<DB>;

const customerForReturns = prepared((db, p: { id: string }) =>
  db
    .selectFrom('customers')
    .select([
      'id',
      'name',
      'account_number',
      'tier',
      'legal_entity_id',
      'currency',
      'is_on_credit_hold',
      'return_window_days',
      'region',
    ])
    .where('id', '=', p.id),
);

export function findCustomer(db: Reader, id: string) {
  return customerForReturns.executeTakeFirst(db, { id });
}
export type CustomerForReturns = NonNullable<Awaited<ReturnType<typeof findCustomer>>>;

const productsForReturns = prepared((db, p: { ids: readonly string[] }) =>
  db
    .selectFrom('products')
    .select([
      'id',
      'sku',
      'name',
      'category',
      'currency',
      'list_price_minor',
      'is_returnable',
      'is_serialized',
      'is_lot_controlled',
      'regulated_class',
      'is_temperature_controlled',
      'warranty_months',
    ])
    .where('id', 'in', p.ids),
);

export function findProducts(db: Reader, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return productsForReturns.execute(db, { ids });
}
export type ProductForReturns = Awaited<ReturnType<typeof findProducts>>[number];

export function findSite(db: Reader, id: string) {
  return db
    .selectFrom('sites')
    .select(['id', 'code', 'name', 'legal_entity_id', 'is_active'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The active sites of a legal entity with where they are and what they are certified for: routing's candidates. */
export async function findRoutableSites(db: Reader, legalEntityId: string) {
  const rows = await db
    .selectFrom('sites')
    .select(['code', 'capabilities', ...SITE_ADDRESS_COLUMNS])
    .where('legal_entity_id', '=', legalEntityId)
    .where('is_active', '=', 1)
    .orderBy('code')
    .execute();
  return rows.map((row) => ({ ...row, capabilities: JSON.parse(row.capabilities) as string[] }));
}

/** Every site code, active or not (rules that name sites are checked against them). */
export async function findSiteCodes(db: Reader): Promise<string[]> {
  const rows = await db.selectFrom('sites').select('code').orderBy('code').execute();
  return rows.map((row) => row.code);
}

/** Whether any master data has been loaded (the demo loads only into an empty installation). */
export async function hasMasterData(db: Reader): Promise<boolean> {
  return !!(await db.selectFrom('legal_entities').select('id').limit(1).executeTakeFirst());
}

export async function legalEntityExists(db: Reader, id: string): Promise<boolean> {
  return !!(await db.selectFrom('legal_entities').select('id').where('id', '=', id).executeTakeFirst());
}

/** Which of these ids are master records of the given kind (for validating references in bulk). */
export async function findExistingIds(
  db: Reader,
  kind: 'customers' | 'products' | 'sites',
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom(kind).select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

/** The customer's name for a row of another context that holds a customer id. */
export function customerNameOf(customerIdColumn: string) {
  return sql<string>`(select c.name from customers c where c.id = ${sql.ref(customerIdColumn)})`;
}

export function customerAccountOf(customerIdColumn: string) {
  return sql<string>`(select c.account_number from customers c where c.id = ${sql.ref(customerIdColumn)})`;
}

export function siteCodeOf(siteIdColumn: string) {
  return sql<string>`(select s.code from sites s where s.id = ${sql.ref(siteIdColumn)})`;
}

export function siteNameOf(siteIdColumn: string) {
  return sql<string>`(select s.name from sites s where s.id = ${sql.ref(siteIdColumn)})`;
}

export function productSkuOf(productIdColumn: string) {
  return sql<string>`(select p.sku from products p where p.id = ${sql.ref(productIdColumn)})`;
}

export function productNameOf(productIdColumn: string) {
  return sql<string>`(select p.name from products p where p.id = ${sql.ref(productIdColumn)})`;
}

/**
 * Products whose SKU is the code, or whose GTIN is it: a GTIN matches however it is padded (a
 * scanner reads GTIN-13 0012345678905 as the GTIN-14 00012345678905, AI 01). Exact, not "contains":
 * this is what a scan at the dock resolves to.
 */
export function findProductsByCode(db: Reader, code: string) {
  const trimmed = code.trim();
  const unpadded = trimmed.replace(/^0+/, '');
  return db
    .selectFrom('products')
    .select(['id', 'sku', 'name', 'gtin', 'is_serialized', 'is_lot_controlled'])
    .where((eb) =>
      eb.or([
        eb('sku', '=', trimmed),
        ...(/^\d{8,14}$/.test(trimmed) ? [eb(sql`ltrim(gtin, '0')`, '=', unpadded)] : []),
      ]),
    )
    .limit(5)
    .execute();
}

/** Ids of customers whose name or account number contains the text (a subquery for `in`). */
export function customersMatching(db: Reader, text: string) {
  return db
    .selectFrom('customers')
    .select('customers.id')
    .where(anyColumnContains(['customers.name', 'customers.account_number'], text));
}

/** Products whose SKU, GTIN or name contains the text (for searching orders and returns by product). */
export function productsMatching(db: Reader, text: string) {
  return db
    .selectFrom('products')
    .select('products.id')
    .where(anyColumnContains(['products.sku', 'products.gtin', 'products.name'], text));
}

/** The product categories and regulated classes in the catalogue: what rules and pick lists may name. */
export async function findProductFacets(db: Reader): Promise<{ categories: string[]; regulatedClasses: string[] }> {
  const [categories, classes] = await Promise.all([
    db.selectFrom('products').select('category').distinct().orderBy('category').execute(),
    db
      .selectFrom('products')
      .select('regulated_class')
      .distinct()
      .where('regulated_class', 'is not', null)
      .orderBy('regulated_class')
      .execute(),
  ]);
  return {
    categories: categories.map((c) => c.category),
    regulatedClasses: classes.flatMap((c) => (c.regulated_class ? [c.regulated_class] : [])),
  };
}

const BUSINESS_KEY_COLUMNS = {
  legal_entities: 'code',
  suppliers: 'code',
  customers: 'account_number',
  products: 'sku',
  sites: 'code',
} as const;

/** The id of the record named by its id or by its business key (entity code, account number, SKU, …). */
export async function findIdByIdOrBusinessKey(
  db: Reader,
  table: keyof typeof BUSINESS_KEY_COLUMNS,
  value: string,
): Promise<string | null> {
  const rows = await db
    .selectFrom(table as 'customers')
    .select('id')
    .where((eb) => eb.or([eb('id', '=', value), eb(sql.ref(BUSINESS_KEY_COLUMNS[table]), '=', value)]))
    .execute();
  return rows.some((r) => r.id === value) ? value : (rows[0]?.id ?? null);
}

const SITE_ADDRESS_COLUMNS = [
  'id',
  'name',
  'address_line1',
  'city',
  'region',
  'postal_code',
  'country',
  'is_active',
] as const;

/**
 * A site's name and postal address, for telling a customer where to send goods: the legal
 * entity's first active site — one that can receive goods before any other, then by
 * code — where goods go while no routing rule names a site.
 */
const defaultReceivingSite = prepared((db, p: { legalEntityId: string }) =>
  db
    .selectFrom('sites')
    .select(SITE_ADDRESS_COLUMNS)
    .where('legal_entity_id', '=', p.legalEntityId)
    .where('is_active', '=', 1)
    .orderBy(sql`case when capabilities like '%"receiving"%' then 0 else 1 end`)
    .orderBy('code')
    .orderBy('id')
    .limit(1),
);

/** Read on every authorized return's view (and inside each create), so prepared once. */
export function findDefaultReceivingSite(db: Reader, legalEntityId: string) {
  return defaultReceivingSite.executeTakeFirst(db, { legalEntityId });
}
export type SiteAddress = NonNullable<Awaited<ReturnType<typeof findDefaultReceivingSite>>>;

/** A site's name and postal address by its id (a return label's ship-to), active or not. */
export function findSiteAddress(db: Reader, siteId: string): Promise<SiteAddress | undefined> {
  return db.selectFrom('sites').select(SITE_ADDRESS_COLUMNS).where('id', '=', siteId).executeTakeFirst();
}

/** Products with their supplier's return terms: what disposition weighs (value, warranty, vendor terms). */
export async function findProductsWithSupplier(db: Reader, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('products as p')
    .leftJoin('suppliers as s', 's.id', 'p.supplier_id')
    .select([
      'p.id',
      'p.sku',
      'p.name',
      'p.category',
      'p.currency',
      'p.unit_cost_minor',
      'p.list_price_minor',
      'p.is_serialized',
      'p.is_lot_controlled',
      'p.regulated_class',
      'p.is_temperature_controlled',
      'p.warranty_months',
      'p.supplier_id',
      's.code as supplier_code',
      's.name as supplier_name',
      's.accepts_vendor_returns',
      's.vendor_return_window_days',
      's.requires_rtv_authorization',
    ])
    .where('p.id', 'in', ids)
    .execute();
}
export type ProductWithSupplier = Awaited<ReturnType<typeof findProductsWithSupplier>>[number];

/** A partner organisation (a repair partner or a carrier), when it exists. */
export function findPartner(db: Reader, id: string) {
  return db
    .selectFrom('partners')
    .select(['id', 'code', 'name', 'kind', 'email', 'legal_entity_id', 'is_active'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findActivePartners(db: Reader, kind: PartnerKind) {
  return db
    .selectFrom('partners')
    .select(['id', 'code', 'name'])
    .where('kind', '=', kind)
    .where('is_active', '=', 1)
    .orderBy('code')
    .execute();
}

export function partnerNameOf(partnerIdColumn: string) {
  return sql<string | null>`(select name from partners where partners.id = ${sql.ref(partnerIdColumn)})`;
}

export function supplierCodeOf(supplierIdColumn: string) {
  return sql<string | null>`(select code from suppliers where suppliers.id = ${sql.ref(supplierIdColumn)})`;
}

export function supplierNameOf(supplierIdColumn: string) {
  return sql<string | null>`(select name from suppliers where suppliers.id = ${sql.ref(supplierIdColumn)})`;
}

/** Where and in which language to write to a customer (notifications). */
export function findCustomerContact(db: Reader, id: string) {
  return db.selectFrom('customers').select(['id', 'name', 'email', 'locale']).where('id', '=', id).executeTakeFirst();
}

/** Customers' names by id, for lists of other contexts' records. */
export async function findCustomerNames(db: Reader, ids: readonly string[]): Promise<ReadonlyMap<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('customers').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Customers' regions by id: where their goods come from, as much as a carrier is told. */
export async function findCustomerRegions(db: Reader, ids: readonly string[]): Promise<ReadonlyMap<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('customers').select(['id', 'region']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.region]));
}

/** A legal entity's code and the currency its books are kept in (the ledger's). */
export function findLegalEntity(db: Reader, id: string) {
  return db
    .selectFrom('legal_entities')
    .select(['id', 'code', 'name', 'functional_currency'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findLegalEntities(db: Reader) {
  return db
    .selectFrom('legal_entities')
    .select(['id', 'code', 'name', 'functional_currency'])
    .orderBy('code')
    .execute();
}

/** What a product cost us, in its currency: the value a returned unit is carried at. */
export function findProductCost(db: Reader, id: string) {
  return db
    .selectFrom('products')
    .select(['id', 'unit_cost_minor', 'currency'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The ids of a legal entity's sites, active or not. */
export async function findSiteIdsOfEntity(db: Reader, legalEntityId: string): Promise<string[]> {
  const rows = await db.selectFrom('sites').select('id').where('legal_entity_id', '=', legalEntityId).execute();
  return rows.map((row) => row.id);
}
