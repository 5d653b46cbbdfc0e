// Every error leaves the API as RFC 9457 application/problem+json. Input can never produce a 5xx:
// validation, parsing and size errors are mapped here; only genuine faults become 500s.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, HTTP_STATUS_BY_CODE, type ErrorCode, type FieldError } from '../errors.js';
import { isDatabaseUnavailable } from '../db/db-errors.js';

/** How long a client should wait before retrying while the database is away. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/** The database is away: a 503 with Retry-After, so clients and balancers back off and retry. */
export function sendDatabaseUnavailable(reply: FastifyReply, request: FastifyRequest) {
  return sendProblem(reply, request, 'service_unavailable', 'the database cannot be reached; try again shortly', {
    extensions: { retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS },
  });
}

const TITLES: Record<ErrorCode, string> = {
  validation_failed: 'The request is not valid',
  unauthenticated: 'Authentication required',
  forbidden: 'Not allowed',
  not_found: 'Not found',
  conflict: 'Conflict',
  invalid_transition: 'Transition not allowed',
  version_conflict: 'The resource was changed by someone else',
  precondition_failed: 'Precondition failed',
  precondition_required: 'Precondition required',
  rule_violation: 'A business rule was violated',
  not_eligible: 'The return is not eligible',
  idempotency_key_reused: 'Idempotency key reused with a different request',
  idempotency_in_progress: 'A request with this idempotency key is still in progress',
  payload_too_large: 'Payload too large',
  uri_too_long: 'URI too long',
  unsupported_media_type: 'Unsupported media type',
  rate_limited: 'Too many requests',
  not_configured: 'Not configured on this installation',
  service_unavailable: 'Service unavailable for now',
  internal: 'Internal error',
};

export function sendProblem(
  reply: FastifyReply,
  request: FastifyRequest,
  code: ErrorCode,
  detail: string,
  extra: { errors?: FieldError[] | undefined; extensions?: Record<string, unknown> } = {},
) {
  const status = HTTP_STATUS_BY_CODE[code];
  const retryAfter = extra.extensions?.retryAfterSeconds;
  if (typeof retryAfter === 'number') void reply.header('Retry-After', String(retryAfter));
  return reply
    .code(status)
    .type('application/problem+json')
    .send({
      type: `https://boomerang.dev/problems/${code.replaceAll('_', '-')}`,
      title: TITLES[code],
      status,
      detail,
      instance: request.url,
      code,
      ...(extra.errors ? { errors: extra.errors } : {}),
      ...extra.extensions,
    });
}

function toFieldPath(instancePath: string, context: string | undefined): string {
  const path = instancePath.replace(/^\//, '').replaceAll('/', '.');
  if (context === 'body' || !context) return path || '(body)';
  return path ? `${context}.${path}` : context;
}

/**
 * Errors the framework raises before any route runs (a malformed URL, a path parameter over the
 * length limit), passed to Fastify as `frameworkErrors`, so they are problem+json too.
 */
export function sendFrameworkProblem(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH')
    return sendProblem(reply, request, 'uri_too_long', 'a path parameter is longer than any id or code this API uses');
  if (error.code === 'FST_ERR_BAD_URL') return sendProblem(reply, request, 'validation_failed', 'the URL is malformed');
  request.log.error({ err: error }, 'framework error');
  return sendProblem(reply, request, 'internal', 'an unexpected error occurred; it has been logged');
}

export function registerProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return sendProblem(reply, request, error.code, error.message, {
        errors: error.errors,
        extensions: error.extensions,
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = error.validation as Array<{ instancePath: string; message?: string }>;
      const errors = issues.map((v) => ({
        path: toFieldPath(v.instancePath, error.validationContext),
        message: v.message ?? 'is not valid',
      }));
      const first = errors[0];
      const detail = first
        ? `${first.path}: ${first.message}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''}`
        : 'invalid request';
      return sendProblem(reply, request, 'validation_failed', detail, { errors });
    }
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: error }, 'database unavailable');
      return sendDatabaseUnavailable(reply, request);
    }
    const status = error.statusCode ?? 500;
    if (status === 413) return sendProblem(reply, request, 'payload_too_large', error.message);
    if (status === 415) return sendProblem(reply, request, 'unsupported_media_type', error.message);
    if (status >= 400 && status < 500) {
      // Fastify's own client errors: malformed JSON, empty body with a JSON content type, etc.
      return sendProblem(reply, request, 'validation_failed', error.message);
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, request, 'internal', 'an unexpected error occurred; it has been logged');
  });
}
