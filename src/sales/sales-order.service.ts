// Sales orders and their lines: what was sold, shipped and delivered — the facts a return is
// checked against. Orders arrive from the ERP (API, bulk, CSV); they are not edited here.
import type { z } from 'zod';
import { sql } from 'kysely';
import type { SalesOrder, SalesOrderInputSchema } from '../contracts/masterdata.js';
import type { RequestContext } from '../platform/actor.js';
import { AppError } from '../platform/errors.js';
import { isUniqueViolation } from '../platform/db/db-errors.js';
import { anyColumnContains, offsetOf, toPage } from '../platform/pagination.js';
import { runInTransaction, type Platform, type Tx } from '../platform/unit-of-work.js';
import { assertCan, isCustomerScoped, isVisibleToActor } from '../platform/access.js';
import { isKnownCurrency } from '../platform/money/currencies.js';
import {
  customerNameOf,
  customersMatching,
  productsMatching,
  findCustomer,
  findProducts,
  findExistingIds,
  legalEntityExists,
  productNameOf,
  productSkuOf,
  type ProductForReturns,
} from '../masterdata/index.js';

type SalesOrderInput = z.infer<typeof SalesOrderInputSchema>;

export interface OrderSearch {
  customerId?: string | undefined;
  q?: string | undefined;
  page: number;
  pageSize: number;
}

export async function searchSalesOrders(platform: Platform, ctx: RequestContext, search: OrderSearch) {
  assertCan(ctx.actor, 'orders.read');
  const customerId = isCustomerScoped(ctx.actor) ? ctx.actor.customerId : search.customerId;
  let base = platform.db.selectFrom('sales_orders');
  if (customerId) base = base.where('sales_orders.customer_id', '=', customerId);
  const q = search.q;
  if (q) {
    base = base.where((eb) =>
      eb.or([
        anyColumnContains(['sales_orders.order_number', 'sales_orders.customer_po'], q),
        eb('sales_orders.customer_id', 'in', customersMatching(platform.db, q)),
        // A line of the order: its product (SKU, GTIN, name), or a serial or lot shipped on it.
        eb.exists(
          eb
            .selectFrom('sales_order_lines')
            .select('sales_order_lines.id')
            .whereRef('sales_order_lines.order_id', '=', 'sales_orders.id')
            .where((line) =>
              line.or([
                line('sales_order_lines.product_id', 'in', productsMatching(platform.db, q)),
                anyColumnContains(['sales_order_lines.serials_shipped', 'sales_order_lines.lots_shipped'], q),
              ]),
            ),
        ),
      ]),
    );
  }
  const [rows, count] = await Promise.all([
    base
      .select([
        'sales_orders.id',
        'sales_orders.order_number',
        'sales_orders.customer_id',
        customerNameOf('sales_orders.customer_id').as('customer_name'),
        'sales_orders.legal_entity_id',
        'sales_orders.currency',
        'sales_orders.order_date',
        'sales_orders.customer_po',
        'sales_orders.channel',
        'sales_orders.version',
      ])
      .select((eb) => [
        eb
          .selectFrom('sales_order_lines')
          .select((inner) => inner.fn.countAll<number>().as('n'))
          .whereRef('sales_order_lines.order_id', '=', 'sales_orders.id')
          .as('line_count'),
        // What was invoiced: every line's shipped quantity at its price, plus the line's tax.
        eb
          .selectFrom('sales_order_lines')
          .select(
            sql<
              number | string | null
            >`sum(sales_order_lines.quantity_shipped * sales_order_lines.unit_price_minor + sales_order_lines.tax_minor)`.as(
              'n',
            ),
          )
          .whereRef('sales_order_lines.order_id', '=', 'sales_orders.id')
          .as('total_minor'),
        // The latest delivery: the order has fully arrived by then (ISO dates sort as text).
        eb
          .selectFrom('sales_order_lines')
          .select((inner) => inner.fn.max('sales_order_lines.delivery_date').as('d'))
          .whereRef('sales_order_lines.order_id', '=', 'sales_orders.id')
          .as('delivered_on'),
      ])
      .orderBy('sales_orders.order_date', 'desc')
      .orderBy('sales_orders.order_number', 'desc')
      .offset(offsetOf(search.page, search.pageSize))
      .limit(search.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const items = rows.map((r) => ({
    id: r.id,
    orderNumber: r.order_number,
    customerId: r.customer_id,
    customerName: r.customer_name,
    legalEntityId: r.legal_entity_id,
    currency: r.currency,
    orderDate: r.order_date,
    customerPo: r.customer_po,
    channel: r.channel,
    version: r.version,
    lineCount: Number(r.line_count ?? 0),
    totalMinor: Number(r.total_minor ?? 0),
    deliveredOn: r.delivered_on ?? null,
  }));
  return toPage(items, search.page, search.pageSize, Number(count.n));
}

export async function getSalesOrder(platform: Platform, ctx: RequestContext, id: string): Promise<SalesOrder> {
  assertCan(ctx.actor, 'orders.read');
  const order = await platform.db
    .selectFrom('sales_orders')
    .selectAll('sales_orders')
    .select(customerNameOf('sales_orders.customer_id').as('customer_name'))
    .where('sales_orders.id', '=', id)
    .executeTakeFirst();
  if (!order || !isVisibleToActor(ctx.actor, order.customer_id))
    throw new AppError('not_found', `sales order ${id} was not found`);
  const lines = await platform.db
    .selectFrom('sales_order_lines')
    .selectAll('sales_order_lines')
    .select([
      productSkuOf('sales_order_lines.product_id').as('sku'),
      productNameOf('sales_order_lines.product_id').as('product_name'),
    ])
    .where('sales_order_lines.order_id', '=', id)
    .orderBy('sales_order_lines.line_number')
    .execute();
  const products = new Map(
    (await findProducts(platform.db, [...new Set(lines.map((l) => l.product_id))])).map((p) => [p.id, p]),
  );
  return {
    id: order.id,
    orderNumber: order.order_number,
    customerId: order.customer_id,
    customerName: order.customer_name,
    legalEntityId: order.legal_entity_id,
    currency: order.currency,
    orderDate: order.order_date,
    customerPo: order.customer_po,
    channel: order.channel,
    version: order.version,
    lines: lines.map((l) => ({
      id: l.id,
      lineNumber: l.line_number,
      productId: l.product_id,
      sku: l.sku,
      productName: l.product_name,
      quantityShipped: l.quantity_shipped,
      quantityCommitted: l.quantity_committed,
      unitPriceMinor: Number(l.unit_price_minor),
      taxMinor: Number(l.tax_minor),
      shipDate: l.ship_date,
      deliveryDate: l.delivery_date,
      serialsShipped: JSON.parse(l.serials_shipped) as string[],
      lotsShipped: JSON.parse(l.lots_shipped) as string[],
      shipSiteId: l.ship_site_id,
      ...returnHandlingOf(products.get(l.product_id)),
    })),
  };
}

/** How the line's product comes back, so a return form offers only what can be returned, and how. */
function returnHandlingOf(product: ProductForReturns | undefined) {
  return {
    isReturnable: product ? product.is_returnable === 1 : false,
    isSerialized: product ? product.is_serialized === 1 : false,
    isLotControlled: product ? product.is_lot_controlled === 1 : false,
    regulatedClass: product?.regulated_class ?? null,
  };
}

export async function createSalesOrder(platform: Platform, ctx: RequestContext, input: SalesOrderInput) {
  assertCan(ctx.actor, 'orders.write');
  if (!isKnownCurrency(input.currency)) {
    throw new AppError('validation_failed', `${input.currency} is not an active ISO 4217 currency`, {
      errors: [{ path: 'currency', message: 'unknown currency' }],
    });
  }
  const lineNumbers = input.lines.map((l) => l.lineNumber);
  if (new Set(lineNumbers).size !== lineNumbers.length) {
    throw new AppError('validation_failed', 'line numbers must be unique within an order', {
      errors: [{ path: 'lines', message: 'duplicate line number' }],
    });
  }
  // Amounts are summed into line and order totals (and return values): each must stay an exact
  // integer in JavaScript, or a list of orders could not be answered at all.
  let orderTotal = 0;
  for (const [i, line] of input.lines.entries()) {
    const amount = line.quantityShipped * line.unitPriceMinor + line.taxMinor;
    orderTotal += amount;
    if (!Number.isSafeInteger(amount) || !Number.isSafeInteger(orderTotal)) {
      throw new AppError(
        'validation_failed',
        `line ${line.lineNumber}: quantity × unit price + tax is too large an amount (at most ${Number.MAX_SAFE_INTEGER} minor units per order)`,
        { errors: [{ path: `lines.${i}.unitPriceMinor`, message: 'amount too large' }] },
      );
    }
    if (line.serialsShipped.length > 0 && line.serialsShipped.length !== line.quantityShipped) {
      throw new AppError(
        'validation_failed',
        `line ${line.lineNumber} lists ${line.serialsShipped.length} serials for ${line.quantityShipped} shipped`,
        {
          errors: [{ path: `lines.${i}.serialsShipped`, message: 'one serial per unit shipped' }],
        },
      );
    }
  }
  return runInTransaction(platform, ctx, async (tx) => {
    await assertReferencesExist(tx, input);
    const orderId = tx.ids.next('so');
    await tx.db
      .insertInto('sales_orders')
      .values({
        id: orderId,
        order_number: input.orderNumber,
        customer_id: input.customerId,
        legal_entity_id: input.legalEntityId,
        currency: input.currency,
        order_date: input.orderDate,
        customer_po: input.customerPo,
        channel: input.channel,
        version: 1,
        created_at: tx.now,
        updated_at: tx.now,
      })
      .execute()
      .catch((e: unknown) => {
        if (isUniqueViolation(e)) throw new AppError('conflict', `order number ${input.orderNumber} already exists`);
        throw e;
      });
    const lineRows = input.lines.map((l) => ({
      id: tx.ids.next('sol'),
      order_id: orderId,
      line_number: l.lineNumber,
      product_id: l.productId,
      quantity_shipped: l.quantityShipped,
      quantity_committed: 0,
      unit_price_minor: l.unitPriceMinor,
      tax_minor: l.taxMinor,
      ship_date: l.shipDate,
      delivery_date: l.deliveryDate,
      serials_shipped: JSON.stringify(l.serialsShipped),
      lots_shipped: JSON.stringify(l.lotsShipped),
      ship_site_id: l.shipSiteId,
    }));
    await tx.db.insertInto('sales_order_lines').values(lineRows).execute();
    tx.audit({
      entityType: 'sales_order',
      entityId: orderId,
      action: 'sales_order.created',
      after: { orderNumber: input.orderNumber, customerId: input.customerId, lines: input.lines.length },
    });
    tx.emit({
      type: 'sales_order.created',
      aggregateType: 'sales_order',
      aggregateId: orderId,
      payload: { id: orderId, orderNumber: input.orderNumber },
    });
    return { id: orderId };
  });
}

/** Every master record the order names must exist; each failure names its field. */
async function assertReferencesExist(tx: Tx, input: SalesOrderInput): Promise<void> {
  const customer = await findCustomer(tx.db, input.customerId);
  if (!customer)
    throw new AppError('validation_failed', `customer ${input.customerId} does not exist`, {
      errors: [{ path: 'customerId', message: 'unknown customer' }],
    });
  if (!(await legalEntityExists(tx.db, input.legalEntityId)))
    throw new AppError('validation_failed', `legal entity ${input.legalEntityId} does not exist`, {
      errors: [{ path: 'legalEntityId', message: 'unknown legal entity' }],
    });
  const knownProducts = await findExistingIds(tx.db, 'products', [...new Set(input.lines.map((l) => l.productId))]);
  const unknownIndex = input.lines.findIndex((l) => !knownProducts.has(l.productId));
  if (unknownIndex >= 0) {
    throw new AppError('validation_failed', `product ${input.lines[unknownIndex]!.productId} does not exist`, {
      errors: [{ path: `lines.${unknownIndex}.productId`, message: 'unknown product' }],
    });
  }
  const siteIds = [...new Set(input.lines.flatMap((l) => (l.shipSiteId ? [l.shipSiteId] : [])))];
  const knownSites = await findExistingIds(tx.db, 'sites', siteIds);
  const unknownSiteIndex = input.lines.findIndex((l) => l.shipSiteId !== null && !knownSites.has(l.shipSiteId));
  if (unknownSiteIndex >= 0) {
    throw new AppError('validation_failed', `site ${input.lines[unknownSiteIndex]!.shipSiteId} does not exist`, {
      errors: [{ path: `lines.${unknownSiteIndex}.shipSiteId`, message: 'unknown site' }],
    });
  }
}
