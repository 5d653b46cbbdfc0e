import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ConfigKindSchema,
  ConfigVersionForAudienceSchema,
  ConfigVersionSchema,
  UpdateConfigBodySchema,
} from '../contracts/configuration.js';
import { contextOf, SIGNED_IN } from '../platform/http/request-context.js';
import { requireIfMatchVersion, setVersionEtag } from '../platform/http/preconditions.js';
import type { Platform } from '../platform/unit-of-work.js';
import { getCurrentConfig, listConfigVersions, publishConfig } from './configuration.service.js';

const KindParams = z.strictObject({ kind: ConfigKindSchema });

export function registerConfigurationRoutes(app: FastifyInstance, platform: Platform): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/config/:kind',
    {
      config: SIGNED_IN,
      schema: {
        tags: ['configuration'],
        summary: 'The configuration version in force (customer-portal users: reason codes only, in their shape)',
        params: KindParams,
        response: { 200: ConfigVersionForAudienceSchema },
      },
    },
    async (request, reply) => {
      const current = await getCurrentConfig(platform, contextOf(request), request.params.kind);
      setVersionEtag(reply, current.version);
      return current;
    },
  );
  api.get(
    '/config/:kind/versions',
    {
      config: SIGNED_IN,
      schema: {
        tags: ['configuration'],
        summary: 'Every published version, newest first',
        params: KindParams,
        response: { 200: z.object({ items: z.array(ConfigVersionSchema) }) },
      },
    },
    async (request) => ({ items: await listConfigVersions(platform, contextOf(request), request.params.kind) }),
  );
  api.put(
    '/config/:kind',
    {
      config: SIGNED_IN,
      schema: {
        tags: ['configuration'],
        summary: 'Publish a new version (If-Match: the version you edited)',
        params: KindParams,
        body: UpdateConfigBodySchema,
        response: { 200: ConfigVersionSchema },
      },
    },
    async (request, reply) => {
      const published = await publishConfig(platform, contextOf(request), {
        kind: request.params.kind,
        document: request.body.document,
        comment: request.body.comment,
        expectedVersion: requireIfMatchVersion(request),
      });
      setVersionEtag(reply, published.version);
      return published;
    },
  );
}
