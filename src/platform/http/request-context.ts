// Authenticates every request to a route that says it needs a signed-in caller, and attaches the
// request context (actor + request id) that the use cases receive. Deny by default: every API
// route declares its access (`config: SIGNED_IN` or `PUBLIC`) and one without a declaration cannot
// be registered. The decision follows the route the router matched, never the URL's spelling
// (`/%61pi/…` and absolute-form request targets reach the same route, and the same check).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor, RequestContext } from '../actor.js';
import { AppError } from '../errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    ctx: RequestContext | null;
  }
  interface FastifyContextConfig {
    access?: RouteAccess;
    /**
     * The response carries a secret shown only once (an API key, a password link). Idempotency
     * keeps no copy of such a body, so a replay cannot hand the secret out again.
     */
    isShownOnce?: boolean;
  }
}

export type Authenticator = (credential: string) => Promise<Actor | null>;

export type RouteAccess = 'public' | 'authenticated';
export const SIGNED_IN = { access: 'authenticated' } as const satisfies { access: RouteAccess };
export const PUBLIC = { access: 'public' } as const satisfies { access: RouteAccess };
/** A signed-in route whose response holds a secret shown once (see `isShownOnce`). */
export const SIGNED_IN_SHOWN_ONCE = { access: 'authenticated', isShownOnce: true } as const;

/**
 * Routes outside the API serve the web app and its API documentation: public by what they are.
 * Every route under /api must say who may call it.
 */
function declaredAccess(url: string, access: RouteAccess | undefined): RouteAccess {
  if (access) return access;
  if (!url.startsWith('/api/') && url !== '/api') return 'public';
  throw new Error(`route ${url} declares no access: add config: SIGNED_IN (or PUBLIC) to its options`);
}

export function registerAuthentication(app: FastifyInstance, authenticate: Authenticator): void {
  app.decorateRequest('ctx', null);
  app.addHook('onRoute', (route) => {
    route.config = { ...route.config, access: declaredAccess(route.url, route.config?.access) };
  });
  app.addHook('onRequest', async (request, reply) => {
    void reply.header('X-Request-Id', request.id);
    // Unknown routes fall through to the 404 handler, which needs no identity.
    if (request.routeOptions.config.access !== 'authenticated') return;
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
