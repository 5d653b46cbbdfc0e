// One error type for the whole application, with string codes; one map from code to HTTP status.
// Use cases throw AppError; the HTTP layer turns it into RFC 9457 problem+json.

export type ErrorCode =
  | 'validation_failed'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'invalid_transition'
  | 'version_conflict'
  | 'precondition_failed'
  | 'precondition_required'
  | 'rule_violation'
  | 'not_eligible'
  | 'idempotency_key_reused'
  | 'idempotency_in_progress'
  | 'payload_too_large'
  | 'uri_too_long'
  | 'unsupported_media_type'
  | 'rate_limited'
  /** A feature this installation has not been set up for (e.g. a webhook without its secret). */
  | 'not_configured'
  /** Something this server depends on (the database) cannot be reached for now: retry later. */
  | 'service_unavailable'
  | 'internal';

export const HTTP_STATUS_BY_CODE: Record<ErrorCode, number> = {
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid_transition: 409,
  version_conflict: 409,
  precondition_failed: 412,
  precondition_required: 428,
  rule_violation: 422,
  not_eligible: 422,
  idempotency_key_reused: 422,
  idempotency_in_progress: 409,
  payload_too_large: 413,
  uri_too_long: 414,
  unsupported_media_type: 415,
  rate_limited: 429,
  not_configured: 503,
  service_unavailable: 503,
  internal: 500,
};

export interface FieldError {
  path: string;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly errors: FieldError[] | undefined;
  /** Extension members added to the problem document (e.g. the eligibility verdict). */
  readonly extensions: Record<string, unknown>;

  constructor(
    code: ErrorCode,
    message: string,
    options: { errors?: FieldError[]; extensions?: Record<string, unknown> } = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.errors = options.errors;
    this.extensions = options.extensions ?? {};
  }

  get status(): number {
    return HTTP_STATUS_BY_CODE[this.code];
  }
}

export const notFound = (what: string, id: string) => new AppError('not_found', `${what} ${id} was not found`);
export const forbidden = (message: string) => new AppError('forbidden', message);
export const validationFailed = (message: string, errors?: FieldError[]) =>
  new AppError('validation_failed', message, errors ? { errors } : {});
