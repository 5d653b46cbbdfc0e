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
