// Opens the database the configuration names: embedded SQLite by default, PostgreSQL when
// DATABASE_URL is a postgres:// URL. Everything above this file is dialect-agnostic.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import type { DB } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  dialect: Dialect;
  close(): Promise<void>;
}

// PostgreSQL returns BIGINT (oid 20) as strings to avoid precision loss. Our bigints are money in
// minor units and sequence numbers, far below 2^53, so numbers are exact; fail loudly if not.
pg.types.setTypeParser(20, (value: string) => {
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed)) throw new Error(`bigint ${value} exceeds the safe integer range`);
  return parsed;
});

export function openDatabase(options: { url: string }): Database {
  if (options.url.startsWith('postgres://') || options.url.startsWith('postgresql://')) {
    return openPostgres(options.url);
  }
  return openSqlite(options.url.replace(/^sqlite:/, ''));
}

function openPostgres(url: string): Database {
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.BOOMERANG_PG_POOL ?? 10) });
  pool.on('error', (error) =>
    console.warn(`postgres: an idle connection was closed (${error.message}); the pool opens a new one when needed`),
  ); // without a listener the process dies
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', close: () => db.destroy() };
}

function openSqlite(file: string): Database {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const connection = new SQLite(file);
  // WAL lets readers proceed while one writer commits; busy_timeout waits instead of failing when
  // another process (a CLI import) holds the write lock.
  connection.pragma('journal_mode = WAL');
  connection.pragma('synchronous = NORMAL');
  connection.pragma('foreign_keys = ON');
  connection.pragma('busy_timeout = 5000');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: connection }) });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}
