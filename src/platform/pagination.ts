import { sql, type RawBuilder, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { Page } from '../contracts/common.js';
import { foldCase } from './text-folding.js';

export function offsetOf(page: number, pageSize: number): number {
  return (page - 1) * pageSize;
}

export function toPage<T>(items: T[], page: number, pageSize: number, total: number): Page<T> {
  return { items, page, pageSize, total };
}

/**
 * One page of a filtered list and the number of rows the whole filter matches, read side by side:
 * `ordered` is the filtered query with its ORDER BY, `filtered` the same without it (for the count).
 */
export async function readPage<DB, TB extends keyof DB, O>(
  filtered: SelectQueryBuilder<DB, TB, O>,
  ordered: SelectQueryBuilder<DB, TB, O>,
  paging: { page: number; pageSize: number },
): Promise<{ rows: O[]; total: number }> {
  const [rows, count] = await Promise.all([
    ordered.limit(paging.pageSize).offset(offsetOf(paging.page, paging.pageSize)).execute(),
    filtered
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  // The count's row type is not resolvable for a generic database type; its one column is `n`.
  return { rows, total: Number((count as unknown as { n: number | string | bigint }).n) };
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
