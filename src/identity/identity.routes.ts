import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ApiKeySchema,
  CreateApiKeyBodySchema,
  CreatedApiKeySchema,
  TokenRequestSchema,
  TokenResponseSchema,
} from '../contracts/identity.js';
import { IdParamsSchema, ProblemSchema } from '../contracts/common.js';
import { contextOf, PUBLIC, SIGNED_IN, SIGNED_IN_SHOWN_ONCE } from '../platform/http/request-context.js';
import type { Platform } from '../platform/unit-of-work.js';
import { createApiKey, issueToken, listApiKeys, revokeApiKey, revokeToken } from './identity.service.js';

export function registerIdentityRoutes(app: FastifyInstance, platform: Platform): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post(
    '/auth/token',
    {
      config: PUBLIC,
      schema: {
        tags: ['identity'],
        summary: 'Sign in: e-mail and password for a bearer token',
        security: [],
        body: TokenRequestSchema,
        response: { 200: TokenResponseSchema, 401: ProblemSchema },
      },
    },
    (request) => issueToken(platform, request.body.email, request.body.password, request.ip),
  );
  api.get(
    '/auth/me',
    { config: SIGNED_IN, schema: { tags: ['identity'], summary: 'The signed-in principal' } },
    (request) => {
      const { actor } = contextOf(request);
      return { id: actor.id, name: actor.name, role: actor.role, customerId: actor.customerId, kind: actor.kind };
    },
  );
  api.post(
    '/auth/logout',
    { config: SIGNED_IN, schema: { tags: ['identity'], summary: 'Revoke the bearer token used for this call' } },
    async (request, reply) => {
      contextOf(request);
      const token = /^Bearer\s+(\S+)/i.exec(request.headers.authorization ?? '')?.[1];
      if (token) await revokeToken(platform, token);
      return reply.code(204).send();
    },
  );
  api.get(
    '/api-keys',
    {
      config: SIGNED_IN,
      schema: {
        tags: ['identity'],
        summary: 'List API keys',
        response: { 200: z.object({ items: z.array(ApiKeySchema) }) },
      },
    },
    async (request) => ({
      items: await listApiKeys(platform, contextOf(request)),
    }),
  );
  api.post(
    '/api-keys',
    {
      config: SIGNED_IN_SHOWN_ONCE,
      schema: {
        tags: ['identity'],
        summary: 'Create an API key for an integration (the secret is shown once)',
        body: CreateApiKeyBodySchema,
        response: { 201: CreatedApiKeySchema },
      },
    },
    async (request, reply) => reply.code(201).send(await createApiKey(platform, contextOf(request), request.body)),
  );
  api.delete(
    '/api-keys/:id',
    {
      config: SIGNED_IN,
      schema: {
        tags: ['identity'],
        summary: 'Revoke an API key',
        params: IdParamsSchema,
        response: { 200: ApiKeySchema },
      },
    },
    (request) => revokeApiKey(platform, contextOf(request), request.params.id),
  );
}
