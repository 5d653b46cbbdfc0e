// Generates the demo distributor's master data as table rows (for fast batched inserts) plus the
// in-memory world the order and return generators work from. Pure: same seed, same data.
import type {
  CustomersTable,
  LegalEntitiesTable,
  ProductsTable,
  SitesTable,
  SuppliersTable,
} from '../masterdata/index.js';
import type { IdGenerator } from '../platform/ids.js';
import type { Random } from './random.js';
import { buildGtin13 } from './gtin.js';
import { CATALOG, MODEL_SUFFIXES, PHARMA_PACKS, type Brand, type CategoryVocabulary } from './demo-catalog.js';
import { ENTITIES, SITES, USD_PER_UNIT, type EntityKey } from './demo-companies.js';
import type { DemoEntity, DemoProduct, DemoSite, DemoWorld } from './demo-model.js';
import { generateCustomers } from './generate-customers.js';

export interface MasterDataRows {
  legal_entities: LegalEntitiesTable[];
  sites: SitesTable[];
  suppliers: SuppliersTable[];
  products: ProductsTable[];
  customers: CustomersTable[];
}

export function generateMasterData(
  random: Random,
  ids: IdGenerator,
  createdAt: string,
): { rows: MasterDataRows; world: DemoWorld } {
  const stamp = { version: 1, created_at: createdAt, updated_at: createdAt };
  const entities = ENTITIES.map((e) => ({ ...e, id: ids.next('le') }));
  const entityOf = (key: EntityKey) => entities.find((e) => e.key === key)!;
  const worldEntities = entities.map((e): DemoEntity => ({ id: e.id, key: e.key, currency: e.currency }));
  const sites = SITES.map((s) => ({ ...s, id: ids.next('site'), legalEntityId: entityOf(s.entity).id }));

  const brands = CATALOG.flatMap((c) => c.brands);
  const suppliers = brands.map((brand, n) => ({
    brand,
    id: ids.next('sup'),
    code: `V-${10101 + n}`,
    entity: entityOf(homeEntity(brand)),
    gs1Prefix: gs1PrefixFor(brand, n),
  }));
  const supplierOf = (brand: Brand) => suppliers.find((s) => s.brand === brand)!;

  const products: DemoProduct[] = [];
  const productRows: ProductsTable[] = [];
  let itemReference = 0;
  for (const category of CATALOG) {
    for (const draft of draftProducts(random, category)) {
      const supplier = supplierOf(draft.brand);
      itemReference += 1;
      const listUsd = draft.listPriceUsd / USD_PER_UNIT[supplier.entity.currency]!;
      const product: DemoProduct = {
        id: ids.next('prd'),
        sku: `${category.code}-${10000 + products.length + 1}`,
        name: draft.name,
        category: category.name,
        listPriceMinor: toPricePoint(listUsd),
        currency: supplier.entity.currency,
        // A few special-order lines are sold as final sale on top of the catalogue's own.
        isReturnable: !draft.traits.includes('n') && !random.chance(0.02),
        isSerialized: draft.traits.includes('s'),
        isLotControlled: draft.traits.includes('l'),
        regulatedClass: draft.traits.includes('c')
          ? 'controlled'
          : draft.traits.includes('r')
            ? 'rx'
            : draft.traits.includes('h')
              ? 'hazmat'
              : null,
        isTemperatureControlled: draft.traits.includes('t'),
        warrantyMonths:
          /[sw]/.test(draft.traits) && category.warrantyMonths.length > 0 ? random.pick(category.warrantyMonths) : 0,
      };
      products.push(product);
      productRows.push({
        ...stamp,
        id: product.id,
        sku: product.sku,
        gtin: buildGtin13(supplier.gs1Prefix, itemReference),
        name: product.name,
        category: product.category,
        unit_cost_minor: Math.round(product.listPriceMinor * (0.52 + random.next() * 0.2)),
        list_price_minor: product.listPriceMinor,
        currency: product.currency,
        is_returnable: product.isReturnable ? 1 : 0,
        is_serialized: product.isSerialized ? 1 : 0,
        is_lot_controlled: product.isLotControlled ? 1 : 0,
        regulated_class: product.regulatedClass,
        is_temperature_controlled: product.isTemperatureControlled ? 1 : 0,
        warranty_months: product.warrantyMonths,
        supplier_id: supplier.id,
      });
    }
  }

  const customers = generateCustomers(random, ids, (key) => worldEntities.find((e) => e.key === key)!);
  const world: DemoWorld = {
    entities: worldEntities,
    sites: sites.map((s): DemoSite => ({
      id: s.id,
      code: s.code,
      entity: s.entity,
      capabilities: s.capabilities,
      isShipping: s.isShipping,
    })),
    products,
    productsByCategory: groupByCategory(products),
    customers: customers.map((c) => c.model),
    demoCustomer: customers.find((c) => c.isDemo)!.model,
    supplierCount: suppliers.length,
  };
  const rows: MasterDataRows = {
    legal_entities: entities.map((e) => ({
      ...stamp,
      id: e.id,
      code: e.code,
      name: e.name,
      functional_currency: e.currency,
      country: e.country,
    })),
    sites: sites.map((s) => {
      const [address_line1, city, region, postal_code, country] = s.address;
      return {
        ...stamp,
        id: s.id,
        code: s.code,
        name: s.name,
        legal_entity_id: s.legalEntityId,
        address_line1,
        city,
        region,
        postal_code,
        country,
        capabilities: JSON.stringify(s.capabilities),
        is_active: 1,
      };
    }),
    suppliers: suppliers.map((s) => ({
      ...stamp,
      id: s.id,
      code: s.code,
      name: s.brand[1],
      legal_entity_id: s.entity.id,
      currency: s.entity.currency,
      accepts_vendor_returns: random.chance(0.88) ? 1 : 0,
      vendor_return_window_days: random.pick([30, 60, 90, 90, 120, 180, 365]),
      vendor_restocking_fee_bps: random.pick([0, 0, 500, 1000, 1500, 2000]),
      warranty_recovery_bps: random.pick([10_000, 10_000, 9000, 7500, 5000]),
      requires_rtv_authorization: random.chance(0.7) ? 1 : 0,
    })),
    products: productRows,
    customers: customers.map((c) => ({ ...stamp, ...c.row })),
  };
  return { rows, world };
}

function homeEntity(brand: Brand): EntityKey {
  return brand[2] === 'US' ? 'US' : brand[2] === 'NL' ? 'EU' : 'UK';
}

/** A 7-digit GS1 company prefix in the supplier's home GS1 range (US 0xx, NL 87, UK 50). */
function gs1PrefixFor(brand: Brand, n: number): string {
  const serial = String(31_407 + n * 977).padStart(5, '0');
  return brand[2] === 'US' ? `06${serial}` : brand[2] === 'NL' ? `87${serial}` : `50${serial}`;
}

/** Prices end in .99 (or .x9 below 20), as price lists do. */
function toPricePoint(major: number): number {
  return major >= 20 ? Math.round(major) * 100 - 1 : Math.max(99, Math.round(major * 10) * 10 - 1);
}

function* draftProducts(random: Random, category: CategoryVocabulary) {
  if (category.isNamedByPack) {
    const combos = category.types.flatMap((type) =>
      PHARMA_PACKS.flatMap((pack) => category.brands.map((brand) => ({ type, pack, brand }))),
    );
    for (const { type, pack, brand } of combos.slice(0, category.productCount)) {
      yield {
        brand,
        name: `${type[0]}, ${pack[0]} (${brand[0]})`,
        listPriceUsd: type[1] * pack[1] * (0.85 + random.next() * 0.3),
        traits: type[2],
      };
    }
    return;
  }
  const names = new Set<string>();
  while (names.size < category.productCount) {
    const brandIndex = random.int(0, category.brands.length - 1);
    const brand = category.brands[brandIndex]!;
    const type = random.pick(category.types);
    const model = `${brand[0].slice(0, 2).toUpperCase()}-${random.int(1000, 9899)}${random.pick(MODEL_SUFFIXES)}`;
    const name = `${brand[0]} ${model} ${type[0]}`;
    if (names.has(name)) continue;
    names.add(name);
    // Brands sit at different price levels: the first premium, the last value.
    const brandFactor = [1.12, 1, 0.9, 0.95][brandIndex] ?? 1;
    yield { brand, name, listPriceUsd: type[1] * brandFactor * (0.85 + random.next() * 0.35), traits: type[2] };
  }
}

function groupByCategory(products: DemoProduct[]): Map<string, DemoProduct[]> {
  const byCategory = new Map<string, DemoProduct[]>();
  for (const product of products) {
    const list = byCategory.get(product.category) ?? [];
    list.push(product);
    byCategory.set(product.category, list);
  }
  return byCategory;
}
