import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Page } from '../contracts/common.js';
import { foldCase } from './text-folding.js';

export function offsetOf(page: number, pageSize: number): number {
  return (page - 1) * pageSize;
}

export function toPage<T>(items: T[], page: number, pageSize: number, total: number): Page<T> {
  return { items, page, pageSize, total };
}

/** Case-insensitive "any of these columns contains the text", the same SQL and folding on both dialects. */
export function anyColumnContains(columns: string[], text: string): RawBuilder<SqlBool> {
  const pattern = likePattern(text);
  const tests = columns.map((column) => sql`lower(${sql.ref(column)}) like ${pattern} escape '\\'`);
  return sql<SqlBool>`(${sql.join(tests, sql` or `)})`;
}

/** Escapes LIKE wildcards in user input; both dialects honour ESCAPE '\'. */
function likePattern(text: string): string {
  return `%${foldCase(text).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
