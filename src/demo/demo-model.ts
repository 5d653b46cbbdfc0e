// The demo world as the generators see it: master data and orders kept in memory once generated,
// so returns can be planned against them without reading everything back from the database.
import type { EntityKey, Country, Segment } from './demo-companies.js';

export interface DemoEntity {
  id: string;
  key: EntityKey;
  currency: string;
}

export interface DemoSite {
  id: string;
  code: string;
  entity: EntityKey;
  capabilities: readonly string[];
  isShipping: boolean;
}

export interface DemoProduct {
  id: string;
  sku: string;
  name: string;
  category: string;
  listPriceMinor: number;
  currency: string;
  isReturnable: boolean;
  isSerialized: boolean;
  isLotControlled: boolean;
  regulatedClass: 'hazmat' | 'rx' | 'controlled' | null;
  isTemperatureControlled: boolean;
  warrantyMonths: number;
}

export type Tier = 'platinum' | 'gold' | 'silver' | 'bronze';

export interface DemoCustomer {
  id: string;
  name: string;
  tier: Tier;
  entity: DemoEntity;
  country: Country;
  region: string;
  taxBps: number;
  segment: Segment;
  channel: 'direct' | 'edi' | 'portal' | 'marketplace' | 'field_sales';
  isOnCreditHold: boolean;
  returnWindowDays: number | null;
  /** Relative number of orders this customer places. */
  orderWeight: number;
}

export interface DemoOrderLine {
  id: string;
  orderId: string;
  customer: DemoCustomer;
  product: DemoProduct;
  quantityShipped: number;
  unitPriceMinor: number;
  taxMinor: number;
  shipDate: string | null;
  deliveryDate: string | null;
  serials: string[];
  lots: string[];
}

export interface DemoWorld {
  entities: DemoEntity[];
  sites: DemoSite[];
  products: DemoProduct[];
  productsByCategory: Map<string, DemoProduct[]>;
  customers: DemoCustomer[];
  demoCustomer: DemoCustomer;
  supplierCount: number;
}
