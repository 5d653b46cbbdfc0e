// The policy verdict for a requested return: eligibility per line and approval routing, with the
// configuration versions that produced it. Used to preview (portal) and to create.
import type { CreateRmaRequest, Verdict } from '../../contracts/returns.js';
import type { Transaction, Kysely } from 'kysely';
import type { DB } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { findCurrentConfigs, type findCurrentConfig } from '../../configuration/index.js';
import { findCustomer, findProducts, type CustomerForReturns, type ProductForReturns } from '../../masterdata/index.js';
import { findOrderLinesForReturns, type OrderLineForReturns } from '../../sales/index.js';
import { isVisibleToActor } from '../../platform/access.js';
import type { Actor } from '../../platform/actor.js';
import { evaluateEligibility } from '../domain/eligibility.js';
import { routeForApproval } from '../domain/approval-routing.js';
import { findActiveSerials } from '../rma.repository.js';

type Reader = Kysely<DB> | Transaction<DB>;

/** An order line as a return sees it: what was sold and shipped, and the product's return policy facts. */
export type OrderLineWithProduct = OrderLineForReturns & { product: ProductForReturns };

export interface Evaluation {
  verdict: Verdict;
  customer: CustomerForReturns;
  orderLines: OrderLineWithProduct[];
  returnPolicy: Awaited<ReturnType<typeof findCurrentConfig<'return_policy'>>>;
  /** Read with the other rules in the same query, for routing the return if it is authorized at once. */
  returnRouting: Awaited<ReturnType<typeof findCurrentConfig<'return_routing'>>>;
}

async function findOrderLinesWithProducts(db: Reader, orderLineIds: string[]): Promise<OrderLineWithProduct[]> {
  const lines = await findOrderLinesForReturns(db, orderLineIds);
  const products = new Map(
    (await findProducts(db, [...new Set(lines.map((l) => l.product_id))])).map((p) => [p.id, p]),
  );
  return lines.flatMap((line) => {
    const product = products.get(line.product_id);
    return product ? [{ ...line, product }] : [];
  });
}

export async function evaluateReturnRequest(
  db: Reader,
  actor: Actor,
  request: CreateRmaRequest,
  today: string,
): Promise<Evaluation> {
  const customer = await findCustomer(db, request.customerId);
  if (!customer || !isVisibleToActor(actor, customer.id))
    throw new AppError('not_found', `customer ${request.customerId} was not found`);
  const {
    return_policy: returnPolicy,
    approval_rules: approvalRules,
    reason_codes: reasonCodes,
    return_routing: returnRouting,
  } = await findCurrentConfigs(db, ['return_policy', 'approval_rules', 'reason_codes', 'return_routing']);
  const orderLineIds = [...new Set(request.lines.map((l) => l.orderLineId))];
  // Only serials named in the request can collide with another open return's.
  const withSerials = [...new Set(request.lines.filter((l) => l.serials.length > 0).map((l) => l.orderLineId))];
  const [orderLines, activeSerials] = await Promise.all([
    findOrderLinesWithProducts(db, orderLineIds),
    findActiveSerials(db, withSerials),
  ]);
  const byId = new Map(orderLines.map((l) => [l.id, l]));

  const eligibility = evaluateEligibility({
    today,
    returnType: request.returnType,
    policy: returnPolicy.document,
    customer: {
      id: customer.id,
      tier: customer.tier,
      isOnCreditHold: customer.is_on_credit_hold === 1,
      returnWindowDays: customer.return_window_days,
    },
    activeReasonCodes: reasonCodes.document.codes.filter((c) => c.isActive).map((c) => c.code),
    lines: request.lines.map((line) => {
      const ol = byId.get(line.orderLineId);
      return {
        orderLineId: line.orderLineId,
        quantity: line.quantity,
        serials: line.serials,
        lots: line.lots,
        reasonCode: line.reasonCode,
        orderLine: ol
          ? {
              orderId: ol.order_id,
              customerId: ol.customer_id,
              quantityShipped: ol.quantity_shipped,
              quantityCommitted: ol.quantity_committed,
              unitPriceMinor: Number(ol.unit_price_minor),
              taxMinor: Number(ol.tax_minor),
              deliveryDate: ol.delivery_date,
              shipDate: ol.ship_date,
              serialsShipped: JSON.parse(ol.serials_shipped) as string[],
              lotsShipped: JSON.parse(ol.lots_shipped) as string[],
            }
          : null,
        product: ol
          ? {
              category: ol.product.category,
              isReturnable: ol.product.is_returnable === 1,
              isSerialized: ol.product.is_serialized === 1,
              isLotControlled: ol.product.is_lot_controlled === 1,
              regulatedClass: ol.product.regulated_class,
              warrantyMonths: ol.product.warranty_months,
            }
          : null,
        serialsOnOtherOpenReturns: activeSerials
          .filter((s) => s.order_line_id === line.orderLineId)
          .map((s) => s.serial),
      };
    }),
  });

  // One return is settled in one currency, so its lines must come from orders in one currency.
  const ownLines = orderLines.filter((l) => l.customer_id === customer.id);
  const currencies = [...new Set(ownLines.map((l) => l.currency))];
  const currency = currencies[0] ?? customer.currency;
  const currencyCheck =
    currencies.length > 1
      ? [
          {
            code: 'single_currency',
            passed: false,
            message: `The lines come from orders in ${currencies.join(' and ')}; request one return per currency.`,
          },
        ]
      : [];
  const customerChecks = [...eligibility.customerChecks, ...currencyCheck];
  const isEligible = eligibility.isEligible && currencyCheck.length === 0;
  const totalValueMinor = eligibility.lines.reduce((sum, l) => sum + l.valueMinor, 0);

  const routing = isEligible
    ? routeForApproval({
        returnType: request.returnType,
        customerTier: customer.tier,
        currency,
        totalValueMinor,
        lines: request.lines.map((line) => ({
          regulatedClass: byId.get(line.orderLineId)?.product.regulated_class ?? null,
          claimedCondition: line.claimedCondition,
        })),
        rules: approvalRules.document,
        rulesVersion: approvalRules.version,
      })
    : null;

  return {
    verdict: {
      isEligible,
      customerChecks,
      lines: eligibility.lines,
      currency,
      totalValueMinor,
      routing,
      returnPolicyVersion: returnPolicy.version,
    },
    customer,
    orderLines,
    returnPolicy,
    returnRouting,
  };
}
