import { describe, expect, it } from 'vitest';
import type { IdGenerator } from '../platform/ids.js';
import { daysBetween } from '../platform/calendar.js';
import { createRandom } from './random.js';
import { isValidGtin } from './gtin.js';
import { generateMasterData } from './generate-master-data.js';
import { generateOrders } from './generate-orders.js';

function countingIds(): IdGenerator {
  let n = 0;
  return { next: (prefix) => `${prefix}_${String((n += 1)).padStart(8, '0')}` };
}

const TODAY = '2026-11-26';
const generate = () => {
  const ids = countingIds();
  const master = generateMasterData(createRandom(1), ids, '2025-10-22T08:00:00.000Z');
  return { master, orders: generateOrders(createRandom(2), ids, master.world, TODAY) };
};

describe('demo data generators', () => {
  const { master, orders } = generate();

  it('generate the same data from the same seed', () => {
    const again = generate();
    expect(again.master.rows).toEqual(master.rows);
    expect(again.orders.lines).toEqual(orders.lines);
  });

  it('make a catalogue with unique SKUs and valid, unique GTIN-13s', () => {
    const products = master.rows.products;
    expect(products.length).toBeGreaterThanOrEqual(2800);
    expect(new Set(products.map((p) => p.sku)).size).toBe(products.length);
    expect(new Set(products.map((p) => p.gtin)).size).toBe(products.length);
    expect(products.every((p) => p.gtin !== null && p.gtin.length === 13 && isValidGtin(p.gtin))).toBe(true);
    expect(products.every((p) => p.unit_cost_minor < p.list_price_minor)).toBe(true);
    expect(
      products.filter((p) => p.is_serialized === 1).every((p) => p.warranty_months >= 12 && p.warranty_months <= 36),
    ).toBe(true);
    for (const regulated of ['hazmat', 'rx', 'controlled'])
      expect(products.some((p) => p.regulated_class === regulated)).toBe(true);
    expect(products.some((p) => p.is_returnable === 0)).toBe(true);
    expect(products.some((p) => p.is_temperature_controlled === 1)).toBe(true);
  });

  it('bill every customer and order in its entity’s currency', () => {
    const currencyByEntity = new Map(master.rows.legal_entities.map((e) => [e.id, e.functional_currency]));
    expect(master.rows.customers.every((c) => c.currency === currencyByEntity.get(c.legal_entity_id))).toBe(true);
    expect(orders.orders.every((o) => o.currency === currencyByEntity.get(o.legal_entity_id))).toBe(true);
  });

  it('ship a year of orders with one unique serial per serialized unit and delivery 1–7 days after shipment', () => {
    expect(orders.lines.length).toBeGreaterThanOrEqual(20_000);
    const serials = orders.orderLines.flatMap((l) => l.serials);
    expect(new Set(serials).size).toBe(serials.length);
    const wrong = orders.orderLines.filter((line) => {
      const isShipped = line.shipDate !== null;
      const transitDays = line.deliveryDate ? daysBetween(line.shipDate!, line.deliveryDate) : 1;
      return (
        (isShipped && line.product.isSerialized && line.serials.length !== line.quantityShipped) ||
        (isShipped && line.product.isLotControlled && line.lots.length === 0) ||
        transitDays < 1 ||
        transitDays > 7 ||
        (line.deliveryDate !== null && line.deliveryDate > TODAY)
      );
    });
    expect(wrong).toEqual([]);
    const dates = orders.orders.map((o) => o.order_date).sort();
    expect(daysBetween(dates[0]!, dates[dates.length - 1]!)).toBeGreaterThan(330);
  });
});
