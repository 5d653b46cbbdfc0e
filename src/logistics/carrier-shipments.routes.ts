// A carrier partner's door: its own shipments and the scans it reports for them (role carrier,
// its users and API keys). Staff read shipments on the return (/returns/:id/shipments).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CarrierEventResultSchema,
  CarrierShipmentDetailSchema,
  CarrierShipmentQuerySchema,
  CarrierShipmentSchema,
  ReportCarrierEventBodySchema,
} from '../contracts/carrier-shipments.js';
import { IdParamsSchema, pageOf, ProblemSchema } from '../contracts/common.js';
import { contextOf, SIGNED_IN } from '../platform/http/request-context.js';
import { setVersionEtag } from '../platform/http/preconditions.js';
import type { Platform } from '../platform/unit-of-work.js';
import { getCarrierShipment, listCarrierShipments, reportCarrierEvent } from './carrier-shipments.js';

const errors = { 400: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 422: ProblemSchema };

export function registerCarrierShipmentRoutes(app: FastifyInstance, platform: Platform): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/partner/shipments',
    {
      config: SIGNED_IN,
      schema: {
        tags: ['partner'],
        summary: "A carrier's own shipments, newest first (carrier users and keys only)",
        querystring: CarrierShipmentQuerySchema,
        response: { 200: pageOf(CarrierShipmentSchema), ...errors },
      },
    },
    (request) => listCarrierShipments(platform, contextOf(request), request.query),
  );
  api.get(
    '/partner/shipments/:id',
    {
      config: SIGNED_IN,
      schema: {
        tags: ['partner'],
        summary: "One of the carrier's own shipments with every scan (another carrier's is a 404)",
        params: IdParamsSchema,
        response: { 200: CarrierShipmentDetailSchema, ...errors },
      },
    },
    async (request, reply) => {
      const shipment = await getCarrierShipment(platform, contextOf(request), request.params.id);
      setVersionEtag(reply, shipment.version);
      return shipment;
    },
  );
  api.post(
    '/partner/shipments/:id/events',
    {
      config: SIGNED_IN,
      schema: {
        tags: ['partner'],
        summary:
          'A carrier reports a scan of its own shipment (status, when, where): applied by the same rules as tracking webhooks, the same scan once',
        params: IdParamsSchema,
        body: ReportCarrierEventBodySchema,
        response: { 200: CarrierEventResultSchema, ...errors },
      },
    },
    async (request, reply) => {
      const result = await reportCarrierEvent(platform, contextOf(request), request.params.id, request.body);
      setVersionEtag(reply, result.shipment.version);
      return result;
    },
  );
}
