// Liveness and readiness are different questions. `/health` (liveness): the process answers — a
// balancer or supervisor restarts it when it does not. `/ready` (readiness): it can serve work now —
// the database answered within a short time; when it does not, traffic goes elsewhere (503) but
// the process is not restarted, since the pool reconnects by itself once the database is back.
import type { FastifyInstance } from 'fastify';
import type { Platform } from '../unit-of-work.js';
import { pingDatabase } from '../db/database.js';
import { outboxBacklog } from '../outbox/relay.js';
import { PUBLIC } from './request-context.js';
import { sendDatabaseUnavailable } from './problem.js';

/** Short: a readiness probe that waits longer than its own interval tells nothing. */
const READY_TIMEOUT_MS = 2_000;

export function registerReadiness(app: FastifyInstance, platform: Platform): void {
  app.get('/ready', { config: PUBLIC, schema: { hide: true } }, async (request, reply) => {
    try {
      const outbox = await withTimeout(
        pingDatabase(platform.db).then(() => outboxBacklog(platform.db)),
        READY_TIMEOUT_MS,
      );
      return { status: 'ready', database: platform.dialect, outbox };
    } catch (error) {
      request.log.warn({ err: error }, 'not ready: the database did not answer');
      return sendDatabaseUnavailable(reply, request);
    }
  });
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
