// A year of sales: ~6,000 orders of 1–8 lines before "today", shipped from the entity's warehouses,
// delivered 1–7 days later, with tax, serial numbers and lots as the ERP would send them.
import type { SalesOrderLinesTable, SalesOrdersTable } from '../sales/index.js';
import type { IdGenerator } from '../platform/ids.js';
import { addDays } from '../platform/calendar.js';
import type { Random } from './random.js';
import { SEGMENT_CATEGORIES, USD_PER_UNIT } from './demo-companies.js';
import type { DemoCustomer, DemoOrderLine, DemoProduct, DemoWorld, Tier } from './demo-model.js';

const ORDER_COUNT = 6000;
const HISTORY_DAYS = 365;
const LINE_COUNT_WEIGHTS: ReadonlyArray<readonly [number, number]> = [
  [1, 18],
  [2, 18],
  [3, 16],
  [4, 14],
  [5, 12],
  [6, 9],
  [7, 7],
  [8, 6],
];
const TIER_DISCOUNT: Record<Tier, number> = { platinum: 0.18, gold: 0.12, silver: 0.06, bronze: 0 };
const WEST = new Set(['CA', 'WA', 'OR', 'NV', 'AZ', 'CO']);
const SOUTH = new Set(['TX', 'FL', 'GA', 'TN', 'NC']);

export interface GeneratedOrders {
  orders: SalesOrdersTable[];
  lines: SalesOrderLinesTable[];
  orderLines: DemoOrderLine[];
}

interface OrderDraft {
  customer: DemoCustomer;
  orderDate: string;
}

export function generateOrders(random: Random, ids: IdGenerator, world: DemoWorld, today: string): GeneratedOrders {
  const drafts = draftOrders(random, world, today);
  const orders: SalesOrdersTable[] = [];
  const lines: SalesOrderLinesTable[] = [];
  const orderLines: DemoOrderLine[] = [];
  const serialCounters = new Map<string, number>();
  const numberByYear = new Map<string, number>();
  const siteByCode = new Map(world.sites.map((s) => [s.code, s.id]));

  for (const draft of drafts) {
    const { customer, orderDate } = draft;
    const year = orderDate.slice(0, 4);
    const sequence = (numberByYear.get(year) ?? 0) + 1;
    numberByYear.set(year, sequence);
    const orderId = ids.next('so');
    const channel = random.chance(0.8) ? customer.channel : 'direct';
    const createdAt = `${orderDate}T${String(random.int(7, 18)).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}:00.000Z`;
    orders.push({
      id: orderId,
      order_number: `SO-${year}-${String(sequence).padStart(6, '0')}`,
      customer_id: customer.id,
      legal_entity_id: customer.entity.id,
      currency: customer.entity.currency,
      order_date: orderDate,
      customer_po: purchaseOrderNumber(random, channel),
      channel,
      version: 1,
      created_at: createdAt,
      updated_at: createdAt,
    });
    const shipDate = businessDay(addDays(orderDate, random.int(0, 2)));
    const isShipped = shipDate <= today;
    const deliveryDate = addDays(shipDate, random.int(1, isDomestic(customer) ? 5 : 7));
    const products = pickOrderProducts(random, world, customer, random.weighted(LINE_COUNT_WEIGHTS));
    products.forEach((product, index) => {
      const quantity = pickQuantity(random, product);
      const unitPrice = priceFor(random, product, customer);
      const serials = isShipped && product.isSerialized ? nextSerials(serialCounters, product.sku, quantity) : [];
      const lots = isShipped && product.isLotControlled ? lotsFor(random, product, shipDate, quantity) : [];
      const line: DemoOrderLine = {
        id: ids.next('sol'),
        orderId,
        customer,
        product,
        quantityShipped: quantity,
        unitPriceMinor: unitPrice,
        taxMinor: Math.round((quantity * unitPrice * taxBpsFor(customer, product)) / 10_000),
        shipDate: isShipped ? shipDate : null,
        deliveryDate: isShipped && deliveryDate <= today ? deliveryDate : null,
        serials,
        lots,
      };
      orderLines.push(line);
      lines.push({
        id: line.id,
        order_id: orderId,
        line_number: index + 1,
        product_id: product.id,
        quantity_shipped: quantity,
        quantity_committed: 0,
        unit_price_minor: unitPrice,
        tax_minor: line.taxMinor,
        ship_date: line.shipDate,
        delivery_date: line.deliveryDate,
        serials_shipped: JSON.stringify(serials),
        lots_shipped: JSON.stringify(lots),
        ship_site_id: isShipped ? siteByCode.get(shippingSiteCode(customer, product))! : null,
      });
    });
  }
  return { orders, lines, orderLines };
}

/** Order dates for every customer by weight, plus a busy recent history for the demo account. */
function draftOrders(random: Random, world: DemoWorld, today: string): OrderDraft[] {
  const others = world.customers.filter((c) => c !== world.demoCustomer);
  const weights = others.map((c) => [c, c.orderWeight] as const);
  const drafts: OrderDraft[] = [];
  for (let i = 0; i < ORDER_COUNT; i += 1) {
    // A growing business: somewhat more orders in recent months than a year ago.
    drafts.push({
      customer: random.weighted(weights),
      orderDate: businessDay(addDays(today, -Math.floor(HISTORY_DAYS * Math.pow(random.next(), 0.85)) - 1)),
    });
  }
  // The portal demo account needs plenty of delivered orders still inside its 60-day window.
  for (let i = 0; i < 45; i += 1)
    drafts.push({
      customer: world.demoCustomer,
      orderDate: businessDay(addDays(today, -random.int(60, HISTORY_DAYS))),
    });
  for (let i = 0; i < 32; i += 1)
    drafts.push({ customer: world.demoCustomer, orderDate: businessDay(addDays(today, -random.int(12, 55))) });
  for (let i = 0; i < 3; i += 1)
    drafts.push({ customer: world.demoCustomer, orderDate: addDays(today, -random.int(0, 3)) });
  return drafts.sort((a, b) => a.orderDate.localeCompare(b.orderDate));
}

/** B2B buyers rarely order at weekends: move Saturday back to Friday and Sunday on to Monday. */
function businessDay(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday === 6 ? addDays(date, -1) : weekday === 0 ? addDays(date, 1) : date;
}

/** Cross-border deliveries (Venlo to Germany or Belgium) take a little longer. */
function isDomestic(customer: DemoCustomer): boolean {
  return customer.country === 'US' || customer.country === 'GB' || customer.country === 'NL';
}

function pickOrderProducts(random: Random, world: DemoWorld, customer: DemoCustomer, count: number): DemoProduct[] {
  const chosen = new Set<DemoProduct>();
  for (let attempt = 0; chosen.size < count && attempt < count * 4; attempt += 1) {
    const category = random.weighted(SEGMENT_CATEGORIES[customer.segment]);
    const products = world.productsByCategory.get(category)!;
    chosen.add(products[random.skewedIndex(products.length, 2.2)]!);
  }
  return [...chosen];
}

function pickQuantity(random: Random, product: DemoProduct): number {
  const usd = (product.listPriceMinor / 100) * USD_PER_UNIT[product.currency]!;
  const quantity =
    usd < 25 ? random.int(1, 12) * 5 : usd < 150 ? random.int(1, 20) : usd < 1000 ? random.int(1, 6) : random.int(1, 2);
  return product.isSerialized ? Math.min(quantity, 8) : quantity;
}

function priceFor(random: Random, product: DemoProduct, customer: DemoCustomer): number {
  const inOrderCurrency =
    (product.listPriceMinor * USD_PER_UNIT[product.currency]!) / USD_PER_UNIT[customer.entity.currency]!;
  return Math.max(1, Math.round(inOrderCurrency * (1 - TIER_DISCOUNT[customer.tier]) * (0.97 + random.next() * 0.06)));
}

/** Prescription medicines are zero-rated (US, UK) or at the reduced rate (NL 9%). */
function taxBpsFor(customer: DemoCustomer, product: DemoProduct): number {
  if (product.regulatedClass !== 'rx' && product.regulatedClass !== 'controlled') return customer.taxBps;
  return customer.country === 'NL' ? 900 : 0;
}

function shippingSiteCode(customer: DemoCustomer, product: DemoProduct): string {
  if (customer.entity.key === 'EU') return 'NL-VLO';
  if (customer.entity.key === 'UK') return 'UK-DAV';
  if (product.isTemperatureControlled) return 'US-RNO';
  if (product.regulatedClass !== null) return 'US-DAL';
  return WEST.has(customer.region) ? 'US-RNO' : SOUTH.has(customer.region) ? 'US-DAL' : 'US-CMH';
}

function nextSerials(counters: Map<string, number>, sku: string, quantity: number): string[] {
  const start = counters.get(sku) ?? 0;
  counters.set(sku, start + quantity);
  return Array.from({ length: quantity }, (_, i) => `SN-${sku}-${String(start + i + 1).padStart(5, '0')}`);
}

/** Lots are made monthly, so lines shipped in the same month share a lot: L<yymm>-<product>. */
function lotsFor(random: Random, product: DemoProduct, shipDate: string, quantity: number): string[] {
  const lot = (monthsBack: number) => {
    const made = addDays(shipDate, -30 * monthsBack - 20);
    return `L${made.slice(2, 4)}${made.slice(5, 7)}-${product.sku.slice(-4)}`;
  };
  return quantity >= 20 && random.chance(0.4) ? [lot(1), lot(0)] : [lot(0)];
}

function purchaseOrderNumber(random: Random, channel: string): string {
  if (channel === 'edi') return `4500${random.int(100_000, 999_999)}`;
  if (channel === 'portal') return `WEB-${random.int(10_000, 99_999)}`;
  return `PO-${random.int(10_000, 99_999)}`;
}
