// Endpoints for the operations that follow a disposition: vendor returns, quarantine holds,
// liquidation lots, shipments back to customers and disposal records. Reads are disposition's
// queries; each action is a workflow across disposition and inventory, with If-Match.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParamsSchema, ProblemSchema } from '../contracts/common.js';
import {
  CustomerReturnShipmentPageSchema,
  CustomerReturnShipmentSchema,
  DisposalPageSchema,
  LiquidationLotPageSchema,
  LiquidationLotSchema,
  ListQuerySchema,
  QuarantineHoldPageSchema,
  QuarantineHoldSchema,
  ReleaseHoldBodySchema,
  SellLiquidationLotBodySchema,
  ShipToCustomerBodySchema,
  ShipVendorReturnBodySchema,
  VendorReturnPageSchema,
  VendorReturnSchema,
} from '../contracts/disposition.js';
import { contextOf, SIGNED_IN } from '../platform/http/request-context.js';
import { requireIfMatchVersion, setVersionEtag } from '../platform/http/preconditions.js';
import type { Platform } from '../platform/unit-of-work.js';
import {
  getCustomerReturnShipment,
  getLiquidationLot,
  getQuarantineHold,
  getVendorReturn,
  listCustomerReturnShipments,
  listDisposals,
  listLiquidationLots,
  listQuarantineHolds,
  listVendorReturns,
} from '../disposition/index.js';
import { shipVendorReturn } from './ship-vendor-return.js';
import { releaseQuarantineHold } from './release-quarantine-hold.js';
import { sellLiquidationLot } from './sell-liquidation-lot.js';
import { shipToCustomer } from './ship-to-customer.js';

const tags = ['disposition'];
const readErrors = { 400: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };
const writeErrors = { ...readErrors, 409: ProblemSchema, 412: ProblemSchema, 422: ProblemSchema, 428: ProblemSchema };

/** The list query with the statuses of one kind of record (any when left out). */
const queryWithStatus = <S extends readonly [string, ...string[]]>(statuses: S) =>
  ListQuerySchema.extend({ status: z.enum(statuses).optional() });
const DisposalQuerySchema = ListQuerySchema.omit({ status: true });

export function registerOperationsRoutes(app: FastifyInstance, platform: Platform): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  // ——— Vendor returns ———

  api.get(
    '/vendor-returns',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: 'Vendor returns (one open document per supplier and site), newest first',
        querystring: queryWithStatus(['open', 'shipped'] as const),
        response: { 200: VendorReturnPageSchema, ...readErrors },
      },
    },
    (request) => listVendorReturns(platform.db, contextOf(request), request.query),
  );

  api.get(
    '/vendor-returns/:id',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: "One vendor return, its lines with the inspection's evidence",
        params: IdParamsSchema,
        response: { 200: VendorReturnSchema, ...readErrors },
      },
    },
    async (request, reply) => {
      const document = await getVendorReturn(platform.db, contextOf(request), request.params.id);
      setVersionEtag(reply, document.version);
      return document;
    },
  );

  api.post(
    '/vendor-returns/:id/ship',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary:
          "Ship a vendor return (If-Match): its units leave stock, the supplier is notified; the supplier's authorization is required when its terms ask for one",
        params: IdParamsSchema,
        body: ShipVendorReturnBodySchema,
        response: { 200: VendorReturnSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      await shipVendorReturn(platform, ctx, request.params.id, {
        ...request.body,
        expectedVersion: requireIfMatchVersion(request),
      });
      const document = await getVendorReturn(platform.db, ctx, request.params.id);
      setVersionEtag(reply, document.version);
      return document;
    },
  );

  // ——— Quarantine holds ———

  api.get(
    '/quarantine-holds',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: 'Quarantine holds, newest first',
        querystring: queryWithStatus(['held', 'released'] as const),
        response: { 200: QuarantineHoldPageSchema, ...readErrors },
      },
    },
    (request) => listQuarantineHolds(platform.db, contextOf(request), request.query),
  );

  api.get(
    '/quarantine-holds/:id',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: 'One quarantine hold',
        params: IdParamsSchema,
        response: { 200: QuarantineHoldSchema, ...readErrors },
      },
    },
    async (request, reply) => {
      const hold = await getQuarantineHold(platform.db, contextOf(request), request.params.id);
      setVersionEtag(reply, hold.version);
      return hold;
    },
  );

  api.post(
    '/quarantine-holds/:id/release',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary:
          'Release a quarantine hold (If-Match) to restock, scrap (needs a write-off approver), the secondary channel, the customer or the vendor: the units move and what follows is opened',
        params: IdParamsSchema,
        body: ReleaseHoldBodySchema,
        response: { 200: QuarantineHoldSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      await releaseQuarantineHold(platform, ctx, request.params.id, {
        ...request.body,
        expectedVersion: requireIfMatchVersion(request),
      });
      const hold = await getQuarantineHold(platform.db, ctx, request.params.id);
      setVersionEtag(reply, hold.version);
      return hold;
    },
  );

  // ——— Liquidation lots ———

  api.get(
    '/liquidation-lots',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: 'Liquidation lots (one open lot per site and currency), newest first',
        querystring: queryWithStatus(['open', 'sold'] as const),
        response: { 200: LiquidationLotPageSchema, ...readErrors },
      },
    },
    (request) => listLiquidationLots(platform.db, contextOf(request), request.query),
  );

  api.get(
    '/liquidation-lots/:id',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: 'One liquidation lot and its lines',
        params: IdParamsSchema,
        response: { 200: LiquidationLotSchema, ...readErrors },
      },
    },
    async (request, reply) => {
      const lot = await getLiquidationLot(platform.db, contextOf(request), request.params.id);
      setVersionEtag(reply, lot.version);
      return lot;
    },
  );

  api.post(
    '/liquidation-lots/:id/sell',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: 'Sell a liquidation lot to a buyer (If-Match): its units leave stock, the proceeds are recorded',
        params: IdParamsSchema,
        body: SellLiquidationLotBodySchema,
        response: { 200: LiquidationLotSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      await sellLiquidationLot(platform, ctx, request.params.id, {
        ...request.body,
        expectedVersion: requireIfMatchVersion(request),
      });
      const lot = await getLiquidationLot(platform.db, ctx, request.params.id);
      setVersionEtag(reply, lot.version);
      return lot;
    },
  );

  // ——— Shipments back to customers ———

  api.get(
    '/customer-return-shipments',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: 'Goods going back to the customers they came from, newest first',
        querystring: queryWithStatus(['awaiting_shipment', 'shipped'] as const),
        response: { 200: CustomerReturnShipmentPageSchema, ...readErrors },
      },
    },
    (request) => listCustomerReturnShipments(platform.db, contextOf(request), request.query),
  );

  api.get(
    '/customer-return-shipments/:id',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: 'One shipment back to a customer',
        params: IdParamsSchema,
        response: { 200: CustomerReturnShipmentSchema, ...readErrors },
      },
    },
    async (request, reply) => {
      const shipment = await getCustomerReturnShipment(platform.db, contextOf(request), request.params.id);
      setVersionEtag(reply, shipment.version);
      return shipment;
    },
  );

  api.post(
    '/customer-return-shipments/:id/ship',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: 'Ship goods back to the customer (If-Match): the units leave stock',
        params: IdParamsSchema,
        body: ShipToCustomerBodySchema,
        response: { 200: CustomerReturnShipmentSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      await shipToCustomer(platform, ctx, request.params.id, {
        ...request.body,
        expectedVersion: requireIfMatchVersion(request),
      });
      const shipment = await getCustomerReturnShipment(platform.db, ctx, request.params.id);
      setVersionEtag(reply, shipment.version);
      return shipment;
    },
  );

  // ——— Disposal records ———

  api.get(
    '/disposals',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary:
          'Disposal records (scrapped and hazardous-disposed goods, with who approved the write-off), newest first',
        querystring: DisposalQuerySchema,
        response: { 200: DisposalPageSchema, ...readErrors },
      },
    },
    (request) => listDisposals(platform.db, contextOf(request), request.query),
  );
}
