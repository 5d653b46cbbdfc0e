// Factories build the data a test needs through the real use cases (makeCustomer({ tier: 'bronze' })),
// with sensible defaults, instead of large static fixtures.
import { randomBytes } from 'node:crypto';
import { systemContext } from '../../src/platform/actor.js';
import type { Platform } from '../../src/platform/unit-of-work.js';
import {
  createMasterRecord,
  CUSTOMERS,
  LEGAL_ENTITIES,
  PARTNERS,
  PRODUCTS,
  SITES,
} from '../../src/masterdata/index.js';
import { createSalesOrder, getSalesOrder } from '../../src/sales/index.js';
import type { z } from 'zod';
import type {
  CustomerInputSchema,
  PartnerInputSchema,
  ProductInputSchema,
  SalesOrderLineInputSchema,
  SiteInputSchema,
} from '../../src/contracts/masterdata.js';

const ctx = systemContext('test-factory');
const unique = () => randomBytes(4).toString('hex').toUpperCase();

export async function makeLegalEntity(platform: Platform, overrides: { currency?: string } = {}) {
  return createMasterRecord(platform, ctx, LEGAL_ENTITIES, {
    code: `LE-${unique()}`,
    name: 'Boomerang Distribution Inc.',
    functionalCurrency: overrides.currency ?? 'USD',
    country: 'US',
  });
}

/** A partner organisation: a repair partner by default, a carrier with `{ kind: 'carrier', carrierCodes }`. */
export async function makePartner(
  platform: Platform,
  legalEntityId: string,
  overrides: Partial<z.input<typeof PartnerInputSchema>> = {},
) {
  return createMasterRecord(
    platform,
    ctx,
    PARTNERS,
    PARTNERS.inputSchema.parse({ code: `PTN-${unique()}`, name: 'Partner organisation', legalEntityId, ...overrides }),
  );
}

export async function makeSite(
  platform: Platform,
  legalEntityId: string,
  overrides: Partial<z.input<typeof SiteInputSchema>> = {},
) {
  return createMasterRecord(platform, ctx, SITES, {
    code: `WH-${unique()}`,
    name: 'Main DC',
    legalEntityId,
    addressLine1: '1 Dock Rd',
    city: 'Columbus',
    region: 'OH',
    postalCode: '43004',
    country: 'US',
    capabilities: ['receiving', 'inspection'],
    isActive: true,
    ...overrides,
  });
}

export async function makeCustomer(
  platform: Platform,
  legalEntityId: string,
  overrides: Partial<z.input<typeof CustomerInputSchema>> = {},
) {
  return createMasterRecord(
    platform,
    ctx,
    CUSTOMERS,
    CUSTOMERS.inputSchema.parse({
      accountNumber: `C-${unique()}`,
      name: `Customer ${unique()}`,
      tier: 'gold',
      legalEntityId,
      currency: 'USD',
      ...overrides,
    }),
  );
}

export async function makeProduct(platform: Platform, overrides: Partial<z.input<typeof ProductInputSchema>> = {}) {
  return createMasterRecord(
    platform,
    ctx,
    PRODUCTS,
    PRODUCTS.inputSchema.parse({
      sku: `SKU-${unique()}`,
      name: 'Cordless Drill 18V',
      category: 'Power Tools',
      unitCostMinor: 6000,
      listPriceMinor: 10000,
      currency: 'USD',
      ...overrides,
    }),
  );
}

/** A delivered order (delivered `deliveredDaysAgo` before the test's today) and its lines. */
export async function makeOrder(
  platform: Platform,
  input: {
    customerId: string;
    legalEntityId: string;
    lines: Array<Partial<z.input<typeof SalesOrderLineInputSchema>> & { productId: string }>;
    deliveredOn?: string;
    currency?: string;
    customerPo?: string;
  },
) {
  const deliveredOn = input.deliveredOn ?? '2026-11-16';
  const { id } = await createSalesOrder(platform, ctx, {
    orderNumber: `SO-${unique()}`,
    customerId: input.customerId,
    legalEntityId: input.legalEntityId,
    currency: input.currency ?? 'USD',
    orderDate: '2026-11-10',
    customerPo: input.customerPo ?? `PO-${unique()}`,
    channel: 'direct',
    lines: input.lines.map((line, i) => ({
      lineNumber: i + 1,
      quantityShipped: 10,
      unitPriceMinor: 10000,
      taxMinor: 0,
      shipDate: '2026-11-12',
      deliveryDate: deliveredOn,
      serialsShipped: [],
      lotsShipped: [],
      shipSiteId: null,
      ...line,
    })),
  });
  return getSalesOrder(platform, ctx, id);
}

/** The usual world of a returns test: one entity, one site, a gold customer, a product, a delivered order. */
export async function makeWorld(
  platform: Platform,
  options: { tier?: 'platinum' | 'gold' | 'silver' | 'bronze'; quantityShipped?: number; unitPriceMinor?: number } = {},
) {
  const entity = await makeLegalEntity(platform);
  const site = await makeSite(platform, entity.id);
  const customer = await makeCustomer(platform, entity.id, { tier: options.tier ?? 'gold' });
  const product = await makeProduct(platform);
  const order = await makeOrder(platform, {
    customerId: customer.id,
    legalEntityId: entity.id,
    lines: [
      {
        productId: product.id,
        quantityShipped: options.quantityShipped ?? 10,
        unitPriceMinor: options.unitPriceMinor ?? 10000,
        taxMinor: 8000,
      },
    ],
  });
  return { entity, site, customer, product, order, orderLine: order.lines[0]! };
}
