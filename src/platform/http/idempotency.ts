// Idempotency-Key on POST: the same key with the same body returns the first response again
// (without running the use case twice); the same key with another body is refused with 422.
// A key is reserved before the handler runs, so two concurrent retries cannot both execute.
import { createHash, randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../db/database.js';
import type { Clock } from '../clock.js';
import { canonicalJson } from '../canonical-json.js';
import { AppError } from '../errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    idempotency: { principalId: string; key: string; token: string } | null;
  }
}

const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;
/** Stored instead of a response that held a secret shown once: a replay must not hand it out again. */
const SHOWN_ONCE = '(shown once: not kept)';
/**
 * How long a reservation may stay in progress before a retry takes it over: longer than any
 * request's transaction runs (they take milliseconds; PostgreSQL's statement timeout would end a
 * stuck one first). BOOMERANG_IDEMPOTENCY_TAKEOVER_MS changes it (the crash tests shorten it).
 */
const abandonedAfterMs = () => Number(process.env.BOOMERANG_IDEMPOTENCY_TAKEOVER_MS ?? 30_000);
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
    const token = randomUUID();
    const reserved =
      (await reserveKey(db, clock, principalId, key, request, requestHash, token)) ||
      (await takeOverAbandoned(db, clock, principalId, key, requestHash, token));
    if (reserved) {
      request.idempotency = { principalId, key, token };
      request.ctx.idempotency = { principalId, key, token, marked: false };
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
      .where('key', '=', slot.key)
      .where('token', '=', slot.token)
      // A fault after the work committed is still an answer owed: only a reservation whose work
      // did not commit is freed for the client's retry.
      .where('state', '=', 'in_progress');
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
      .where('token', '=', slot.token)
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
  token: string,
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
      token,
      outcome: null,
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

/**
 * A reservation still in progress long after it was made belongs to a request whose server died
 * before its work committed (a committed one would say so): nothing took effect, so the retry
 * takes it over with its own token — and the old request, were it somehow alive, can no longer
 * commit (unit-of-work.ts checks the token in its commit).
 */
async function takeOverAbandoned(
  db: Kysely<DB>,
  clock: Clock,
  principalId: string,
  key: string,
  requestHash: string,
  token: string,
): Promise<boolean> {
  const cutoff = new Date(clock.now().getTime() - abandonedAfterMs()).toISOString();
  const result = await db
    .updateTable('idempotency_keys')
    .set({ token, created_at: clock.now().toISOString() })
    .where('principal_id', '=', principalId)
    .where('key', '=', key)
    .where('request_hash', '=', requestHash)
    .where('state', '=', 'in_progress')
    .where('created_at', '<', cutoff)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
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
  if (existing.state === 'committed') {
    // Its work committed (the mark is part of that commit) and the server stopped before the
    // answer was kept: it took effect once, and is never run again.
    throw new AppError(
      'idempotency_in_progress',
      `the request with Idempotency-Key ${key} was carried out${existing.outcome ? ` (${existing.outcome})` : ''}, ` +
        'but the server stopped before answering it; read the result instead of retrying',
      { extensions: { carriedOut: true, outcome: existing.outcome } },
    );
  }
  if (existing.state !== 'completed') {
    throw new AppError(
      'idempotency_in_progress',
      `the first request with Idempotency-Key ${key} is still running; retry shortly`,
      { extensions: { carriedOut: false } },
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
