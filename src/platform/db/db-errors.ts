// Recognises constraint violations from either driver, so use cases can turn a race lost at the
// database into a clear 409 instead of a 500.
interface DriverError {
  code?: string;
  message?: string;
}

export function isUniqueViolation(error: unknown): boolean {
  const e = error as DriverError;
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

export function isForeignKeyViolation(error: unknown): boolean {
  const e = error as DriverError;
  return e?.code === '23503' || e?.code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}

export function isCheckViolation(error: unknown): boolean {
  const e = error as DriverError;
  return e?.code === '23514' || e?.code === 'SQLITE_CONSTRAINT_CHECK';
}

// SQLSTATE class 08 (connection exception), 57P01 admin_shutdown, 57P02 crash_shutdown,
// 57P03 cannot_connect_now (starting up or shutting down).
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[123])$/;
const UNAVAILABLE_SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'EPIPE',
  'ENOTFOUND',
]);
// node-postgres reports a lost or never-made connection by message only.
const UNAVAILABLE_MESSAGE =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|is not queryable|Connection closed/i;

/**
 * The database cannot be reached (refused, gone mid-query, shutting down, or no connection within
 * the pool's timeout): nothing the request did wrong, and worth retrying shortly — a 503, not a 500.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const e = error as DriverError & { errors?: unknown[] };
  if (!e) return false;
  if (e.code && (UNAVAILABLE_SQLSTATE.test(e.code) || UNAVAILABLE_SOCKET_CODES.has(e.code))) return true;
  if (e.message && UNAVAILABLE_MESSAGE.test(e.message)) return true;
  // A host name that resolves to several addresses fails with one error per address.
  return Array.isArray(e.errors) && e.errors.some(isDatabaseUnavailable);
}
