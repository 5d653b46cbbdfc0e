// Finding one value in a column holding a JSON text array (the serials or lots of an order line, a
// return line, a receipt line), the same SQL on both databases. The arrays are stored as JSON text
// (portable types only), so SQL narrows the rows by the value's quoted JSON form and the caller
// confirms on the parsed array: the quoted form also occurs inside an element such as `x"A`
// (stored `"x\"A"`), and SQLite's LIKE ignores ASCII case where PostgreSQL's does not.
import { sql, type RawBuilder, type SqlBool } from 'kysely';

export function jsonTextMayContain(column: string, value: string): RawBuilder<SqlBool> {
  const pattern = `%${JSON.stringify(value).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<SqlBool>`${sql.ref(column)} like ${pattern} escape '\\'`;
}

/** The array's elements; anything that is not a JSON array of strings holds none. */
export function parseJsonTextArray(json: string | null): string[] {
  if (!json) return [];
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

/** Exactly this value (case and all) is an element of the array. */
export function jsonTextHas(json: string | null, value: string): boolean {
  return parseJsonTextArray(json).includes(value);
}
