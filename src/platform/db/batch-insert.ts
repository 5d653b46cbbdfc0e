// Multi-row inserts in chunks that stay under the bound-parameter limit of both databases
// (SQLite 32,766 per statement, PostgreSQL 65,535): thousands of rows in a handful of statements.
// For bulk loads (seeders, importers); each context calls it for its own tables only.
import type { Insertable, Transaction } from 'kysely';
import type { DB } from './database.js';

const MAX_PARAMETERS = 30_000;

export async function insertInBatches<T extends keyof DB>(
  trx: Transaction<DB>,
  table: T,
  rows: ReadonlyArray<Insertable<DB[T]>>,
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!).length;
  const size = Math.max(1, Math.floor(MAX_PARAMETERS / columns));
  for (let start = 0; start < rows.length; start += size) {
    await trx
      .insertInto(table)
      .values(rows.slice(start, start + size))
      .execute();
  }
}
