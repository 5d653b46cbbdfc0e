// A lock on a name, held until the transaction ends: for check-then-write rules that span rows no
// single UPDATE can guard (e.g. "no more units shipped than a return line has left"). PostgreSQL
// takes a transaction-scoped advisory lock; SQLite needs none, as it has one writer at a time and
// this application runs each SQLite transaction on its single connection.
import { sql, type Transaction } from 'kysely';
import type { DB, Dialect } from './database.js';

export async function lockForTransaction(tx: { db: Transaction<DB>; dialect: Dialect }, name: string): Promise<void> {
  if (tx.dialect !== 'postgres') return;
  await sql`select pg_advisory_xact_lock(hashtextextended(${name}, 0))`.execute(tx.db);
}
