// "Returnable until" for a page of orders, computed here because the return policy is returns'
// (and staff-only to read): a customer learns the date, never the policy's windows or tiers.
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/database.js';
import { findCurrentConfig } from '../../configuration/index.js';
import { findCustomer, findProducts } from '../../masterdata/index.js';
import { findLinesOfOrders, type ReturnableUntilOf } from '../../sales/index.js';
import { findReturnableUntil } from '../domain/order-return-window.js';

/** One query each for the policy, the lines and their products, and one per distinct customer. */
export const findReturnableUntilOfOrders: ReturnableUntilOf = async (db: Kysely<DB>, orders) => {
  const result = new Map<string, string | null>();
  if (orders.length === 0) return result;
  const [policy, lines] = await Promise.all([
    findCurrentConfig(db, 'return_policy'),
    findLinesOfOrders(
      db,
      orders.map((o) => o.id),
    ),
  ]);
  const customerIds = [...new Set(orders.map((o) => o.customerId))];
  const [products, customers] = await Promise.all([
    findProducts(db, [...new Set(lines.map((l) => l.product_id))]),
    Promise.all(customerIds.map((id) => findCustomer(db, id))),
  ]);
  const productById = new Map(products.map((p) => [p.id, p]));
  const customerById = new Map(customers.flatMap((c) => (c ? [[c.id, c] as const] : [])));
  for (const order of orders) {
    const customer = customerById.get(order.customerId);
    if (!customer) {
      result.set(order.id, null);
      continue;
    }
    const own = lines.filter((l) => l.order_id === order.id);
    result.set(
      order.id,
      findReturnableUntil(
        policy.document,
        { tier: customer.tier, returnWindowDays: customer.return_window_days },
        own.map((l) => {
          const product = productById.get(l.product_id);
          return {
            quantityShipped: l.quantity_shipped,
            quantityCommitted: l.quantity_committed,
            deliveryDate: l.delivery_date,
            shipDate: l.ship_date,
            product: product ? { category: product.category, isReturnable: product.is_returnable === 1 } : null,
          };
        }),
      ),
    );
  }
  return result;
};
