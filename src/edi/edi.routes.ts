// Trading partners (admins) and the EDI document log (staff who follow EDI).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParamsSchema, ProblemSchema, pageOf } from '../contracts/common.js';
import {
  CreateTradingPartnerBodySchema,
  EdiDocumentSchema,
  EdiDocumentWithContentSchema,
  ListEdiDocumentsQuerySchema,
  TradingPartnerSchema,
  UpdateTradingPartnerBodySchema,
} from '../contracts/edi.js';
import { requireIfMatchVersion, setVersionEtag } from '../platform/http/preconditions.js';
import { contextOf, SIGNED_IN } from '../platform/http/request-context.js';
import type { Platform } from '../platform/unit-of-work.js';
import {
  createTradingPartner,
  getTradingPartner,
  listTradingPartners,
  updateTradingPartner,
} from './trading-partners.service.js';
import { getEdiDocument, listEdiDocuments } from './edi-documents.queries.js';

const tags = ['edi'];
const errors = { 400: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 412: ProblemSchema };

export function registerEdiRoutes(app: FastifyInstance, platform: Platform): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/edi/partners',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: 'Trading partners',
        response: { 200: z.object({ items: z.array(TradingPartnerSchema) }), ...errors },
      },
    },
    async (request) => ({ items: await listTradingPartners(platform, contextOf(request)) }),
  );
  api.post(
    '/edi/partners',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: 'Set up a trading partner (without mappings it starts from the common X12 codes)',
        body: CreateTradingPartnerBodySchema,
        response: { 201: TradingPartnerSchema, ...errors },
      },
    },
    async (request, reply) => {
      const partner = await createTradingPartner(platform, contextOf(request), request.body);
      setVersionEtag(reply, partner.version);
      return reply.code(201).header('Location', `/api/v1/edi/partners/${partner.id}`).send(partner);
    },
  );
  api.get(
    '/edi/partners/:id',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: 'One trading partner',
        params: IdParamsSchema,
        response: { 200: TradingPartnerSchema, ...errors },
      },
    },
    async (request, reply) => {
      const partner = await getTradingPartner(platform, contextOf(request), request.params.id);
      setVersionEtag(reply, partner.version);
      return partner;
    },
  );
  api.patch(
    '/edi/partners/:id',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: "Change a trading partner's ids, documents, mappings, folders or whether it is active (If-Match)",
        params: IdParamsSchema,
        body: UpdateTradingPartnerBodySchema,
        response: { 200: TradingPartnerSchema, ...errors, 428: ProblemSchema },
      },
    },
    async (request, reply) => {
      const partner = await updateTradingPartner(
        platform,
        contextOf(request),
        request.params.id,
        request.body,
        requireIfMatchVersion(request),
      );
      setVersionEtag(reply, partner.version);
      return partner;
    },
  );
  api.get(
    '/edi/documents',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: 'Every EDI document in and out, newest first, with its status, errors and records',
        querystring: ListEdiDocumentsQuerySchema,
        response: { 200: pageOf(EdiDocumentSchema), ...errors },
      },
    },
    async (request) => listEdiDocuments(platform, contextOf(request), request.query),
  );
  api.get(
    '/edi/documents/:id',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: 'One EDI document with its content',
        params: IdParamsSchema,
        response: { 200: EdiDocumentWithContentSchema, ...errors },
      },
    },
    async (request) => getEdiDocument(platform, contextOf(request), request.params.id),
  );
  api.get(
    '/edi/documents/:id/raw',
    {
      config: SIGNED_IN,
      schema: { tags, summary: 'The document as it was received or written (download)', params: IdParamsSchema },
    },
    async (request, reply) => {
      const document = await getEdiDocument(platform, contextOf(request), request.params.id);
      const name = (document.fileName ?? `${document.id}.x12`).replace(/[^A-Za-z0-9._-]/g, '_');
      return reply
        .header('Content-Type', 'application/edi-x12; charset=utf-8')
        .header('Content-Disposition', `attachment; filename="${name}"`)
        .send(document.content);
    },
  );
}
