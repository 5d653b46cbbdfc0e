// The composition root: wires the platform (db, clock, ids) into every context's routes, and the
// later stages' facts into returns. No DI container: each context exports `register…Routes`.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Platform } from '../platform/unit-of-work.js';
import { pingDatabase } from '../platform/db/database.js';
import { registerProblemHandlers, sendFrameworkProblem, sendProblem } from '../platform/http/problem.js';
import { registerRequestBodyRules } from '../platform/http/request-body.js';
import { PUBLIC, registerAuthentication } from '../platform/http/request-context.js';
import { registerIdempotency } from '../platform/http/idempotency.js';
import { registerNulRejection } from '../platform/http/reject-nul.js';
import { registerMetrics, type Metrics } from '../platform/http/metrics.js';
import { createAppMetrics } from './app-metrics.js';
import { registerReadiness } from '../platform/http/readiness.js';
import { authenticate, registerIdentityRoutes, registerUserAdministrationRoutes } from '../identity/index.js';
import { registerMasterdataRoutes } from '../masterdata/index.js';
import { registerSalesRoutes } from '../sales/index.js';
import { registerConfigurationRoutes } from '../configuration/index.js';
import { findReturnableUntilOfOrders, registerReturnRoutes } from '../returns/index.js';
import { registerAuditRoutes } from '../audit/index.js';
import {
  creditAheadOfInspection,
  withdrawUnreceivedCredit,
  loadReturnFacts,
  registerDispositionWorkflowRoutes,
  registerEdiWorkflowRoutes,
  registerWorkflowRoutes,
} from '../workflows/index.js';
import { registerDispositionRoutes } from '../disposition/index.js';
import { registerReceivingRoutes } from '../receiving/index.js';
import { registerDockRoutes, registerLogisticsRoutes } from '../logistics/index.js';
import { registerInventoryRoutes } from '../inventory/index.js';
import { registerInspectionRoutes } from '../inspection/index.js';
import { createContentStore } from '../platform/files/content-store.js';
import {
  registerCreditMemoRoutes,
  registerOperationsRoutes,
  registerReconciliationRoutes,
  registerReplacementRoutes,
  registerStockMoveRoutes,
  registerSupplierClaimRoutes,
  registerTraceRoutes,
  registerKpiCheckRoutes,
} from '../workflows/index.js';
import { registerKpiRoutes } from '../kpi/index.js';
import { registerRecallRoutes } from '../returns/index.js';
import { registerLedgerRoutes } from '../ledger/index.js';
import { registerSettlementRoutes } from '../settlement/index.js';
import { registerRecoveryRoutes } from '../recovery/index.js';
import { registerFxRoutes } from '../ledger/index.js';
import { registerWebhookRoutes } from '../webhooks/index.js';
import { registerEdiRoutes } from '../edi/index.js';
import { registerNotificationRoutes } from '../notifications/index.js';

export type App = FastifyInstance;
export type TypedApp = ReturnType<FastifyInstance['withTypeProvider']> & FastifyInstance;

export interface AppOptions {
  logLevel?: string;
  webRoot?: string;
  trustProxy?: boolean | string[];
  /** The secret EasyPost signs its tracking webhooks with (EASYPOST_WEBHOOK_SECRET). */
  easyPostWebhookSecret?: string | undefined;
  /** Where uploaded files (inspection photos) are kept by content hash; by default under the OS temp dir. */
  filesDir?: string;
  /** The process's metrics (main.ts also counts relay and job runs into them); by default the app's own. */
  metrics?: Metrics;
  /** BOOMERANG_METRICS_TOKEN: when set, GET /metrics wants it as a bearer token. */
  metricsToken?: string | undefined;
}

export async function buildApp(platform: Platform, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logLevel && options.logLevel !== 'silent' ? { level: options.logLevel } : false,
    genReqId: () => platform.ids.next('req'),
    trustProxy: options.trustProxy ?? false,
    bodyLimit: 5 * 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    frameworkErrors: (error, request, reply) => void sendFrameworkProblem(error, request, reply),
  });
  registerRequestBodyRules(app);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerProblemHandlers(app);
  // Security headers on every response: a strict content security policy (scripts and styles from
  // this origin only, no framing by other sites), nosniff, no referrer. Served over plain HTTP on a
  // laptop, so requests are not upgraded to HTTPS; TLS is the deployment's front end's.
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: { frameAncestors: ["'none'"], upgradeInsecureRequests: null },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Boomerang API',
        version: '1.0.0',
        description:
          'Returns management and reverse logistics. Authenticate with POST /api/v1/auth/token and send Authorization: Bearer <token>.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs' });

  const photos = createContentStore(options.filesDir ?? join(tmpdir(), 'boomerang-files'));
  registerAuthentication(app, (credential) => authenticate(platform, credential));
  registerIdempotency(app, platform.db, platform.clock);
  registerNulRejection(app);
  registerMetrics(app, options.metrics ?? createAppMetrics(platform), { token: options.metricsToken });

  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get('/health', { config: PUBLIC, schema: { hide: true } }, async () => {
    await pingDatabase(platform.db);
    return { status: 'ok', database: platform.dialect };
  });
  registerReadiness(app, platform);
  api.get('/api/v1/openapi.json', { config: PUBLIC, schema: { hide: true } }, () => app.swagger());

  await app.register(
    (v1, _options, done) => {
      registerIdentityRoutes(v1, platform);
      registerUserAdministrationRoutes(v1, platform);
      registerMasterdataRoutes(v1, platform);
      registerSalesRoutes(v1, platform, { returnableUntilOf: findReturnableUntilOfOrders });
      registerConfigurationRoutes(v1, platform);
      registerReturnRoutes(v1, platform, {
        loadFacts: loadReturnFacts,
        onAuthorized: creditAheadOfInspection,
        onClosedUnreceived: withdrawUnreceivedCredit,
      });
      registerLogisticsRoutes(v1, platform, { easyPostWebhookSecret: options.easyPostWebhookSecret });
      registerDockRoutes(v1, platform);
      registerReceivingRoutes(v1, platform);
      registerInventoryRoutes(v1, platform);
      registerInspectionRoutes(v1, platform, { photos });
      registerDispositionRoutes(v1, platform);
      registerWorkflowRoutes(v1, platform);
      registerDispositionWorkflowRoutes(v1, platform);
      registerOperationsRoutes(v1, platform);
      registerStockMoveRoutes(v1, platform);
      registerAuditRoutes(v1, platform);
      registerTraceRoutes(v1, platform);
      registerRecallRoutes(v1, platform, { onAuthorized: creditAheadOfInspection });
      registerLedgerRoutes(v1, platform);
      registerReconciliationRoutes(v1, platform);
      registerSettlementRoutes(v1, platform);
      registerCreditMemoRoutes(v1, platform);
      registerRecoveryRoutes(v1, platform);
      registerSupplierClaimRoutes(v1, platform, { photos });
      registerReplacementRoutes(v1, platform);
      registerFxRoutes(v1, platform);
      registerWebhookRoutes(v1, platform);
      registerEdiRoutes(v1, platform);
      registerEdiWorkflowRoutes(v1, platform);
      registerNotificationRoutes(v1, platform);
      registerKpiRoutes(v1, platform);
      registerKpiCheckRoutes(v1, platform);
      done();
    },
    { prefix: '/api/v1' },
  );

  registerWebApp(app, options.webRoot ?? resolve('dist/web'));
  return app;
}

/** Content-hashed build output never changes under its name; everything else is revalidated. */
function setCacheHeaders(response: { setHeader(name: string, value: string): unknown }, path: string): void {
  response.setHeader(
    'Cache-Control',
    /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
  );
}

/**
 * Serves the built single-page app, pre-compressed (Brotli or gzip, as the browser accepts);
 * unknown non-API paths get index.html (client-side routes).
 */
function registerWebApp(app: FastifyInstance, webRoot: string): void {
  const hasWeb = existsSync(resolve(webRoot, 'index.html'));
  if (hasWeb)
    void app.register(fastifyStatic, {
      root: webRoot,
      wildcard: false,
      index: ['index.html'],
      preCompressed: true,
      cacheControl: false, // ours, per file: setCacheHeaders
      setHeaders: setCacheHeaders,
    });
  app.setNotFoundHandler((request, reply) => {
    const isPageRequest =
      request.method === 'GET' && !request.url.startsWith('/api/') && request.headers.accept?.includes('text/html');
    if (isPageRequest && hasWeb)
      return reply.type('text/html').header('Cache-Control', 'no-cache').sendFile('index.html');
    return sendProblem(reply, request, 'not_found', `no route ${request.method} ${request.url.split('?')[0]}`);
  });
}
