// Authenticates every request except the routes marked public, and attaches the request context
// (actor + request id) that the use cases receive.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor, RequestContext } from '../actor.js';
import { AppError } from '../errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    ctx: RequestContext | null;
  }
  interface FastifyContextConfig {
    isPublic?: boolean;
  }
}

export type Authenticator = (credential: string) => Promise<Actor | null>;

export function registerAuthentication(app: FastifyInstance, authenticate: Authenticator): void {
  app.decorateRequest('ctx', null);
  app.addHook('onRequest', async (request, reply) => {
    void reply.header('X-Request-Id', request.id);
    const isApi = request.url.startsWith('/api/');
    if (!isApi || request.routeOptions.config.isPublic) return;
    // Unknown API routes fall through to the 404 handler, which needs no identity.
    if (!request.routeOptions.url) return;
    const header = request.headers.authorization;
    const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    if (!match?.[1]) {
      void reply.header('WWW-Authenticate', 'Bearer realm="boomerang"');
      throw new AppError(
        'unauthenticated',
        'send Authorization: Bearer <token> (POST /api/v1/auth/token) or an API key',
      );
    }
    const actor = await authenticate(match[1]);
    if (!actor) {
      void reply.header('WWW-Authenticate', 'Bearer realm="boomerang", error="invalid_token"');
      throw new AppError('unauthenticated', 'the token or API key is invalid, expired or revoked');
    }
    request.ctx = { actor, requestId: request.id };
  });
}

export function contextOf(request: FastifyRequest): RequestContext {
  if (!request.ctx) throw new AppError('unauthenticated', 'this route needs an authenticated caller');
  return request.ctx;
}
