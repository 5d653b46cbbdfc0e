import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { forAudiences, IdParamsSchema, pageOf, ProblemSchema } from '../contracts/common.js';
import { BulkResultSchema } from '../contracts/masterdata.js';
import { contextOf, SIGNED_IN } from '../platform/http/request-context.js';
import { requireIfMatchVersion, setVersionEtag } from '../platform/http/preconditions.js';
import type { Platform } from '../platform/unit-of-work.js';
import {
  bulkCreateMasterRecords,
  createMasterRecord,
  getMasterRecord,
  searchMasterRecords,
  updateMasterRecord,
  type MasterRecordDefinition,
} from './master-record.js';
import { MASTER_RECORDS } from './master-records.js';
import { getProductFacets } from './master-record.js';

const SearchQuery = z.strictObject({
  q: z.string().max(100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});

/** The staff shape, and the customer-portal shape where customers may read the record. */
function recordForAudiences(def: MasterRecordDefinition<z.ZodObject, unknown>): z.ZodType {
  return def.customerView ? forAudiences(def.outputSchema, def.customerView.schema) : def.outputSchema;
}

export function registerMasterdataRoutes(app: FastifyInstance, platform: Platform): void {
  // Before the records' own routes: /products/:id would otherwise take "facets" for an id.
  app.withTypeProvider<ZodTypeProvider>().get(
    '/products/facets',
    {
      config: SIGNED_IN,
      schema: {
        tags: ['master data'],
        summary: 'The product categories and regulated classes in use (pick lists for rules and forms)',
        response: { 200: z.object({ categories: z.array(z.string()), regulatedClasses: z.array(z.string()) }) },
      },
    },
    (request) => getProductFacets(platform, contextOf(request)),
  );
  for (const def of MASTER_RECORDS) registerMasterRecordRoutes(app, platform, def);
}

function registerMasterRecordRoutes(
  app: FastifyInstance,
  platform: Platform,
  def: MasterRecordDefinition<z.ZodObject, { id: string; version: number }>,
) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['master data'];
  const base = `/${def.path}`;
  api.get(
    base,
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: `Search ${def.path}`,
        querystring: SearchQuery,
        response: { 200: pageOf(recordForAudiences(def)) },
      },
    },
    (request) => searchMasterRecords(platform, contextOf(request), def, request.query),
  );
  api.get(
    `${base}/:id`,
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: `One ${def.name}`,
        params: IdParamsSchema,
        response: { 200: recordForAudiences(def), 404: ProblemSchema },
      },
    },
    async (request, reply) => {
      const record = await getMasterRecord(platform, contextOf(request), def, request.params.id);
      setVersionEtag(reply, record.version);
      return record;
    },
  );
  api.post(
    base,
    {
      config: SIGNED_IN,
      schema: { tags, summary: `Create a ${def.name}`, body: def.inputSchema, response: { 201: def.outputSchema } },
    },
    async (request, reply) => {
      const record = await createMasterRecord(platform, contextOf(request), def, request.body);
      setVersionEtag(reply, record.version);
      return reply.code(201).header('Location', `/api/v1${base}/${record.id}`).send(record);
    },
  );
  api.patch(
    `${base}/:id`,
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: `Edit a ${def.name} (If-Match required)`,
        params: IdParamsSchema,
        body: patchSchemaOf(def.inputSchema),
        response: { 200: def.outputSchema },
      },
    },
    async (request, reply) => {
      const record = await updateMasterRecord(
        platform,
        contextOf(request),
        def,
        request.params.id,
        request.body,
        requireIfMatchVersion(request),
      );
      setVersionEtag(reply, record.version);
      return record;
    },
  );
  api.post(
    `${base}/bulk`,
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: `Create many ${def.path}; one result per item`,
        body: z.strictObject({ items: z.array(z.unknown()).min(1).max(5000) }),
        response: { 200: BulkResultSchema },
      },
    },
    (request) => bulkCreateMasterRecords(platform, contextOf(request), def, request.body.items),
  );
}

/**
 * The input schema with every field optional and without its default: an edit changes only the
 * fields it names. (`.partial()` keeps defaults, so an edit of a partner's name also set its e-mail
 * to '' and made it active again.)
 */
function patchSchemaOf(schema: z.ZodObject) {
  const fields = Object.entries(schema.shape as Record<string, z.ZodType>).map(([name, field]) => [
    name,
    (field instanceof z.ZodDefault ? (field.removeDefault() as z.ZodType) : field).optional(),
  ]);
  return z.strictObject(Object.fromEntries(fields) as Record<string, z.ZodOptional<z.ZodType>>);
}
