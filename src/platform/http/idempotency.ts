// Idempotency-Key on POST: the same key with the same body returns the first response again
// (without running the use case twice); the same key with another body is refused with 422.
// A key is reserved before the handler runs, so two concurrent retries cannot both execute.
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../db/database.js';
import type { Clock } from '../clock.js';
import { canonicalJson } from '../canonical-json.js';
import { AppError } from '../errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    idempotency: { principalId: string; key: string } | null;
  }
}

const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;
/** Stored instead of a response that held a secret shown once: a replay must not hand it out again. */
const SHOWN_ONCE = '(shown once: not kept)';
const ABANDONED_AFTER_MS = 5 * 60 * 1000;
/** How long a completed response is kept for replay; clients retry within minutes, not days. */
export const IDEMPOTENCY_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

/** Forgets completed responses older than the retention period. In-progress reservations stay. */
export async function purgeIdempotencyKeys(db: Kysely<DB>, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - IDEMPOTENCY_RETENTION_MS).toISOString();
  const result = await db
    .deleteFrom('idempotency_keys')
    .where('state', '=', 'completed')
    .where('completed_at', '<', cutoff)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

function hashRequest(request: FastifyRequest): string {
  return createHash('sha256')
    .update(`${request.method} ${request.url}\n`)
    .update(canonicalJson(request.body ?? null))
    .digest('hex');
}

export function registerIdempotency(app: FastifyInstance, db: Kysely<DB>, clock: Clock): void {
  app.decorateRequest('idempotency', null);

  app.addHook('preHandler', async (request, reply) => {
    const key = request.headers['idempotency-key'];
    if (request.method !== 'POST' || key === undefined || !request.ctx) return;
    if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
      throw new AppError('validation_failed', 'Idempotency-Key must be 1–200 visible ASCII characters', {
        errors: [{ path: 'headers.idempotency-key', message: 'invalid' }],
      });
    }
    const principalId = request.ctx.actor.id;
    const requestHash = hashRequest(request);
    const reserved = await reserveKey(db, clock, principalId, key, request, requestHash);
    if (reserved) {
      request.idempotency = { principalId, key };
      return;
    }
    return replayOrRefuse(db, clock, principalId, key, requestHash, reply);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const slot = request.idempotency;
    if (!slot) return payload;
    request.idempotency = null;
    const query = db
      .deleteFrom('idempotency_keys')
      .where('principal_id', '=', slot.principalId)
      .where('key', '=', slot.key);
    if (reply.statusCode >= 500) {
      // A server fault is not an answer: free the key so the client may retry.
      await query.execute();
      return payload;
    }
    const isShownOnce = request.routeOptions.config.isShownOnce === true && reply.statusCode < 300;
    await db
      .updateTable('idempotency_keys')
      .set({
        state: 'completed',
        response_status: reply.statusCode,
        response_body: isShownOnce
          ? SHOWN_ONCE
          : typeof payload === 'string'
            ? payload
            : payload === null
              ? ''
              : JSON.stringify(payload),
        response_headers: JSON.stringify(pickReplayHeaders(reply)),
        completed_at: clock.now().toISOString(),
      })
      .where('principal_id', '=', slot.principalId)
      .where('key', '=', slot.key)
      .execute();
    return payload;
  });
}

function pickReplayHeaders(reply: FastifyReply): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of ['content-type', 'etag', 'location']) {
    const value = reply.getHeader(name);
    if (value !== undefined) headers[name] = String(value);
  }
  return headers;
}

async function reserveKey(
  db: Kysely<DB>,
  clock: Clock,
  principalId: string,
  key: string,
  request: FastifyRequest,
  requestHash: string,
): Promise<boolean> {
  const result = await db
    .insertInto('idempotency_keys')
    .values({
      principal_id: principalId,
      key,
      method: request.method,
      path: request.url,
      request_hash: requestHash,
      state: 'in_progress',
      response_status: null,
      response_body: null,
      response_headers: null,
      created_at: clock.now().toISOString(),
      completed_at: null,
    })
    .onConflict((oc) => oc.columns(['principal_id', 'key']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

async function replayOrRefuse(
  db: Kysely<DB>,
  clock: Clock,
  principalId: string,
  key: string,
  requestHash: string,
  reply: FastifyReply,
) {
  const existing = await db
    .selectFrom('idempotency_keys')
    .selectAll()
    .where('principal_id', '=', principalId)
    .where('key', '=', key)
    .executeTakeFirst();
  if (!existing)
    throw new AppError('idempotency_in_progress', 'the first request with this key has just finished; retry');
  if (existing.request_hash !== requestHash) {
    throw new AppError(
      'idempotency_key_reused',
      `Idempotency-Key ${key} was first used for a different request (${existing.method} ${existing.path})`,
    );
  }
  if (existing.state !== 'completed') {
    // A reservation that never completed means the server stopped mid-request. Whether that
    // request took effect is unknown, so the key is never re-run (that could act twice).
    const isAbandoned = Date.parse(existing.created_at) < clock.now().getTime() - ABANDONED_AFTER_MS;
    throw new AppError(
      'idempotency_in_progress',
      isAbandoned
        ? `the first request with Idempotency-Key ${key} did not finish; check whether it took effect, then use a new key`
        : `the first request with Idempotency-Key ${key} is still running; retry shortly`,
    );
  }
  const headers = JSON.parse(existing.response_headers ?? '{}') as Record<string, string>;
  if (existing.response_body === SHOWN_ONCE) {
    throw new AppError(
      'conflict',
      `the request with Idempotency-Key ${key} was carried out, and its answer held a secret that is shown only once; ` +
        'it cannot be shown again. If it was lost, revoke it and make a new one' +
        (headers.location ? ` (${headers.location})` : ''),
    );
  }
  return reply
    .code(existing.response_status ?? 200)
    .headers({ ...headers, 'idempotent-replayed': 'true' })
    .send(existing.response_body ?? '');
}
