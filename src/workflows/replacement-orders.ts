// A return settled in goods, each step one transaction across the contexts it touches:
// - request: returns says which lines are authorized, sales what they were sold at, receiving what
//   has arrived; settlement opens the order within what is left to settle (never a unit credited),
//   with the money fixed as the customer is told it: an advance replacement's deposit and days, an
//   exchange's price difference and its tax;
// - allocate: inventory moves saleable units (by return line, oldest first) to the replacement
//   staging location as allocated_to_replacement, or the order waits as backordered;
// - ship: inventory takes the allocated units out of stock and the ledger moves their carrying
//   value to cost of goods sold; an advance replacement also charges its deposit — the replaced
//   units' invoiced price and tax — Dr accounts receivable, Cr customer deposits; an exchange
//   invoices or credits its price difference (replacement-price-difference.ts);
// - cancel: allocated units go back to saleable stock where they were.
// Saleable and allocated units are both held in the inventory account, so allocating posts nothing.
import type { SettlementPolicy } from '../contracts/configuration.js';
import type { Permission } from '../contracts/permissions.js';
import type { ReplacementKind, RequestReplacement } from '../contracts/replacements.js';
import type { RequestContext } from '../platform/actor.js';
import { assertCan } from '../platform/access.js';
import { AppError } from '../platform/errors.js';
import { minorUnitsOf } from '../platform/money/currencies.js';
import { runInTransaction, type Platform, type Tx } from '../platform/unit-of-work.js';
import { findCurrentConfigs } from '../configuration/index.js';
import { allocateSaleableUnits, moveReturnLineUnits, type StockMovementsTable } from '../inventory/index.js';
import { convertMinor, postEntry, postStockMovements, requireRate } from '../ledger/index.js';
import { findLegalEntity, findProducts, findSite } from '../masterdata/index.js';
import { findReceivedUnits } from '../receiving/index.js';
import { findReturnForStages, findReturnLineDetails, findShipToSiteIdOf } from '../returns/index.js';
import { findOrderLinesForReturns } from '../sales/index.js';
import {
  depositDueOn,
  depositFor,
  depositStillAwaited,
  findHeldDepositUnits,
  recordDepositCharged,
  recordReplacementAllocated,
  recordReplacementBackordered,
  recordReplacementCancelled,
  recordReplacementRequested,
  recordReplacementShipped,
  takeReplacementToAllocate,
  taxOnDifference,
  type DepositCharge,
  type ReplacementAllocationsTable,
  type ReplacementLineRequest,
  type ReplacementOrdersTable,
} from '../settlement/index.js';
import { settlePriceDifference } from './replacement-price-difference.js';

/** Days a deposit is held when the settlement policy does not say (documents saved before the setting). */
const DEFAULT_DEPOSIT_DAYS = 30;

const refuse = (path: string, message: string) =>
  new AppError('rule_violation', message, { errors: [{ path, message }] });

export async function requestReplacement(
  platform: Platform,
  ctx: RequestContext,
  rmaId: string,
  input: RequestReplacement,
): Promise<string> {
  assertCan(ctx.actor, 'replacements.create');
  return runInTransaction(platform, ctx, async (tx) => {
    const rma = await findReturnForStages(tx.db, ctx.actor, rmaId);
    if (rma.status !== 'authorized')
      throw new AppError('conflict', `return ${rma.rmaNumber} is ${rma.status}: only an authorized return is replaced`);
    const details = await findReturnLineDetails(
      tx.db,
      input.lines.map((l) => l.rmaLineId),
    );
    const currency = [...details.values()][0]?.currency ?? '';
    const siteId = input.siteId ?? (await findShipToSiteIdOf(tx.db, rma));
    if (!siteId) throw refuse('siteId', 'the return has no site to ship from yet: name one');
    const site = await findSite(tx.db, siteId);
    if (!site || site.is_active !== 1 || site.legal_entity_id !== rma.legalEntityId)
      throw refuse('siteId', `site ${siteId} is not an active site of the return's legal entity`);
    const orderLines = new Map(
      (
        await findOrderLinesForReturns(
          tx.db,
          [...details.values()].flatMap((d) => (d.orderLineId ? [d.orderLineId] : [])),
        )
      ).map((l) => [l.id, l]),
    );
    const productIds = input.lines.flatMap((l) => (l.productId ? [l.productId] : []));
    const products = await findProducts(tx.db, productIds);
    const productIdsFound = new Set(products.map((p) => p.id));
    const listPrices =
      input.kind === 'exchange' ? await listPricesIn(tx, currency, products) : new Map<string, number>();
    const received = new Map((await findReceivedUnits(tx.db, [rma.id])).map((r) => [r.rmaLineId, r.received]));
    const policy =
      input.kind === 'advance' ? (await findCurrentConfigs(tx.db, ['settlement_policy'])).settlement_policy : null;

    const lines: ReplacementLineRequest[] = input.lines.map((want, index) => {
      const detail = details.get(want.rmaLineId);
      if (!detail || detail.rmaId !== rma.id)
        throw refuse(`lines.${index}.rmaLineId`, `line ${want.rmaLineId} is not a line of return ${rma.rmaNumber}`);
      const productId = productOf(input.kind, detail.productId, want.productId, index);
      if (productId !== detail.productId && !productIdsFound.has(productId))
        throw refuse(`lines.${index}.productId`, `product ${productId} does not exist`);
      const orderLine = detail.orderLineId ? orderLines.get(detail.orderLineId) : undefined;
      if (input.kind === 'advance' && !orderLine)
        throw refuse(
          `lines.${index}.rmaLineId`,
          `return line ${detail.lineNumber} has no order line: an advance replacement's deposit is priced from the original sale`,
        );
      const sold = orderLine
        ? {
            unitPriceMinor: orderLine.unit_price_minor,
            quantityInvoiced: orderLine.quantity_shipped,
            taxMinor: orderLine.tax_minor,
          }
        : null;
      const unitPriceMinor = sold?.unitPriceMinor ?? detail.unitValueMinor;
      const listPrice = listPrices.get(productId);
      const priceDifferenceMinor = listPrice === undefined ? null : (listPrice - unitPriceMinor) * want.quantity;
      return {
        rmaLineId: detail.id,
        lineNumber: detail.lineNumber,
        orderLineId: detail.orderLineId,
        returnedProductId: detail.productId,
        productId,
        quantity: want.quantity,
        unitPriceMinor,
        priceDifferenceMinor,
        priceDifferenceTaxMinor: taxOnDifference(priceDifferenceMinor ?? 0, sold),
        // The deposit is fixed now, so the customer is told what shipping will charge.
        deposit: input.kind === 'advance' && sold ? depositFor(want.quantity, sold) : null,
        authorized: detail.quantity,
        received: received.get(detail.id) ?? 0,
      };
    });
    const order = await recordReplacementRequested(tx, {
      rmaId: rma.id,
      customerId: rma.customerId,
      legalEntityId: rma.legalEntityId,
      siteId: site.id,
      kind: input.kind,
      currency,
      note: input.note,
      depositDays: policy ? depositDaysOf(policy.document) : null,
      policyVersion: policy?.version ?? null,
      lines,
    });
    return order.id;
  });
}

/**
 * What each product an exchange ships lists at, in the order's currency: a product listed in
 * another is converted at the request day's rate (refused without one, as every valuation is), so
 * the difference quoted to the customer is always in the currency they were invoiced in.
 */
async function listPricesIn(
  tx: Tx,
  currency: string,
  products: ReadonlyArray<{ id: string; currency: string; list_price_minor: number }>,
): Promise<Map<string, number>> {
  const prices = new Map<string, number>();
  for (const product of products) {
    const rate = await requireRate(tx.db, product.currency, currency, tx.today);
    prices.set(
      product.id,
      convertMinor(product.list_price_minor, rate, minorUnitsOf(product.currency), minorUnitsOf(currency)),
    );
  }
  return prices;
}

const depositDaysOf = (policy: SettlementPolicy) => policy.advanceReplacementDepositDays ?? DEFAULT_DEPOSIT_DAYS;

/** What ships: the returned product again, or — an exchange — another one. */
function productOf(kind: ReplacementKind, returned: string, asked: string | undefined, index: number): string {
  if (kind === 'exchange') {
    if (!asked || asked === returned)
      throw refuse(`lines.${index}.productId`, 'an exchange names the other product it ships');
    return asked;
  }
  if (asked && asked !== returned)
    throw refuse(
      `lines.${index}.productId`,
      'a replacement ships the returned product: another product is an exchange',
    );
  return returned;
}

export async function allocateReplacement(
  platform: Platform,
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
): Promise<void> {
  assertCan(ctx.actor, 'replacements.ship');
  await runInTransaction(platform, ctx, async (tx) => {
    const { order, lines } = await takeReplacementToAllocate(tx, id, expectedVersion);
    const result = await allocateSaleableUnits(
      tx,
      {
        siteId: order.site_id,
        wanted: lines.map((line) => ({ key: line.id, productId: line.product_id, quantity: line.quantity })),
        reason: `allocated to replacement ${order.replacement_number}`,
        source: { type: 'replacement_order', id: order.id },
      },
      'replacements.ship',
    );
    if (!result.ok) {
      const skus = new Map(
        (
          await findProducts(
            tx.db,
            result.shortages.map((s) => s.productId),
          )
        ).map((p) => [p.id, p.sku]),
      );
      const words = result.shortages
        .map((s) => `${skus.get(s.productId) ?? s.productId}: ${s.available} saleable of ${s.wanted} wanted`)
        .join('; ');
      await recordReplacementBackordered(tx, order, words);
      return;
    }
    await recordReplacementAllocated(
      tx,
      order,
      result.allocations.map((a) => ({
        replacement_order_line_id: a.key,
        site_id: a.siteId,
        product_id: a.productId,
        from_location_id: a.fromLocationId,
        source_rma_id: a.rmaId,
        source_rma_line_id: a.rmaLineId,
        lot: a.lot,
        serial: a.serial,
        quantity: a.quantity,
      })),
    );
  });
}

export async function shipReplacement(
  platform: Platform,
  ctx: RequestContext,
  id: string,
  input: { carrierReference: string; expectedVersion: number },
): Promise<void> {
  assertCan(ctx.actor, 'replacements.ship');
  await runInTransaction(platform, ctx, async (tx) => {
    const { order, lines, allocations } = await recordReplacementShipped(
      tx,
      id,
      input.expectedVersion,
      input.carrierReference,
    );
    const movements: StockMovementsTable[] = [];
    for (const allocation of allocations)
      movements.push(
        ...(await moveAllocatedUnits(tx, order, allocation, {
          to: null,
          reason: `shipped as replacement ${order.replacement_number} (${input.carrierReference})`,
          permission: 'replacements.ship',
        })),
      );
    // The units are the customer's now: their carrying value goes to cost of goods sold.
    await postStockMovements(tx, {
      movements,
      event: 'replacement_order.shipped',
      description: `Replacement ${order.replacement_number} shipped (${input.carrierReference})`,
      source: { type: 'replacement_order', id: order.id },
      exitRole: 'cost_of_goods_sold',
    });
    if (order.kind === 'advance') await chargeDeposit(tx, order, lines);
    if (order.kind === 'exchange') await settlePriceDifference(tx, order);
  });
}

type ShippedOrder = Awaited<ReturnType<typeof recordReplacementShipped>>;

/**
 * The advance replacement's deposit, as fixed when it was requested — the customer is charged what
 * they were told, whatever the sale's figures or the policy say by now — for the units still
 * awaited (authorized, not received, not under another held deposit): when some arrived before it
 * shipped, only their share. Converted once at the ship day's rate, so releasing and invoicing it
 * never leave a remainder. The days fixed at the request count from today.
 */
async function chargeDeposit(tx: Tx, order: ShippedOrder['order'], lines: ShippedOrder['lines']): Promise<void> {
  const rmaLineIds = lines.map((l) => l.rma_line_id);
  const [details, received, heldElsewhere, entity] = await Promise.all([
    findReturnLineDetails(tx.db, rmaLineIds),
    findReceivedUnits(tx.db, [order.rma_id]),
    findHeldDepositUnits(tx.db, rmaLineIds),
    findLegalEntity(tx.db, order.legal_entity_id),
  ]);
  const terms = await depositTermsOf(tx, order);
  const receivedOf = new Map(received.map((r) => [r.rmaLineId, r.received]));
  const functional = entity?.functional_currency ?? order.currency;
  const rate = await requireRate(tx.db, order.currency, functional, tx.today);
  const convert = (amount: number) =>
    convertMinor(amount, rate, minorUnitsOf(order.currency), minorUnitsOf(functional));
  const charge: DepositCharge = {
    functionalCurrency: functional,
    dueOn: depositDueOn(tx.today, terms.days),
    policyVersion: terms.policyVersion,
    lines: lines.map((line) => {
      const authorized = details.get(line.rma_line_id)?.quantity ?? 0;
      const awaited = authorized - (receivedOf.get(line.rma_line_id) ?? 0) - (heldElsewhere.get(line.rma_line_id) ?? 0);
      // deposit_units is the line's quantity, fixed at the request (or by migration 0018).
      const units = Math.max(0, Math.min(line.deposit_units, awaited));
      const fixed = { units: line.deposit_units, totalMinor: line.deposit_minor, taxMinor: line.deposit_tax_minor };
      const deposit = depositStillAwaited(fixed, units);
      return {
        id: line.id,
        depositUnits: units,
        depositMinor: deposit.totalMinor,
        depositTaxMinor: deposit.taxMinor,
        depositFunctionalMinor: convert(deposit.totalMinor),
      };
    }),
  };
  const total = charge.lines.reduce((sum, l) => sum + l.depositFunctionalMinor, 0);
  const memo = `advance replacement ${order.replacement_number}`;
  const entry = await postEntry(tx, {
    legalEntityId: order.legal_entity_id,
    description: `Deposit charged for advance replacement ${order.replacement_number}, due back by ${charge.dueOn}`,
    event: 'replacement_order.deposit_charged',
    source: { type: 'replacement_order', id: order.id },
    rmaId: order.rma_id,
    lines: [
      { role: 'accounts_receivable', amountMinor: total, memo },
      { role: 'customer_deposits', amountMinor: -total, memo },
    ],
  });
  await recordDepositCharged(tx, order, charge, entry?.id ?? null);
}

/**
 * The days the return has once it ships and the policy that set them: fixed at the request, or —
 * orders requested before they were (migration 0018) — the policy in force.
 */
async function depositTermsOf(tx: Tx, order: ShippedOrder['order']): Promise<{ days: number; policyVersion: number }> {
  if (order.deposit_days !== null && order.policy_version !== null)
    return { days: order.deposit_days, policyVersion: order.policy_version };
  const { settlement_policy: policy } = await findCurrentConfigs(tx.db, ['settlement_policy']);
  return { days: depositDaysOf(policy.document), policyVersion: policy.version };
}

export async function cancelReplacement(
  platform: Platform,
  ctx: RequestContext,
  id: string,
  input: { reason: string; expectedVersion: number },
): Promise<void> {
  assertCan(ctx.actor, 'replacements.create');
  await runInTransaction(platform, ctx, async (tx) => {
    const { order, allocations } = await recordReplacementCancelled(tx, id, input.expectedVersion, input.reason);
    // Back where they were taken from, saleable again. Both statuses sit in the inventory
    // account: nothing to post.
    for (const allocation of allocations)
      await moveAllocatedUnits(tx, order, allocation, {
        to: { locationId: allocation.from_location_id, status: 'saleable' },
        reason: `replacement ${order.replacement_number} cancelled: ${input.reason}`,
        permission: 'replacements.create',
      });
  });
}

/** An allocation's units out of `allocated_to_replacement`: shipped (to: null) or put back. */
function moveAllocatedUnits(
  tx: Tx,
  order: ReplacementOrdersTable,
  allocation: ReplacementAllocationsTable,
  move: { to: { locationId: string; status: 'saleable' } | null; reason: string; permission: Permission },
) {
  return moveReturnLineUnits(
    tx,
    {
      siteId: allocation.site_id,
      productId: allocation.product_id,
      rmaId: allocation.source_rma_id ?? '',
      rmaLineId: allocation.source_rma_line_id,
      lot: allocation.lot,
      serial: allocation.serial,
      quantity: allocation.quantity,
      fromStatus: 'allocated_to_replacement',
      preferFromKind: 'replacement',
      to: move.to,
      reason: move.reason,
      source: { type: 'replacement_order', id: order.id },
    },
    move.permission,
  );
}
