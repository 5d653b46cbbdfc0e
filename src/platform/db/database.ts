// Opens the database the configuration names: embedded SQLite by default, PostgreSQL when
// DATABASE_URL is a postgres:// URL. Everything above this file is dialect-agnostic.
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect, type PostgresPool, type PostgresPoolClient } from 'kysely';
import type { KernelTables } from './kernel-tables.js';
import { OutsideTransactionGuard } from './transaction-scope.js';
import { foldCase } from '../text-folding.js';

export type Dialect = 'sqlite' | 'postgres';

/**
 * The application registers its composed table types here (src/schema.ts), so the kernel's
 * `Tx` and `Platform` carry the whole database type without the kernel importing any context.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by declaration merging
export interface Register {}
export type DB = Register extends { tables: infer Tables } ? Tables : KernelTables;

export interface Database {
  db: Kysely<DB>;
  dialect: Dialect;
  /** PostgreSQL's connection pool as it stands (for /metrics); absent on SQLite (one connection). */
  poolStats?: () => PoolStats;
  close(): Promise<void>;
}

export interface PoolStats {
  total: number;
  idle: number;
  /** Queries waiting for a connection: all connections busy, or the database away. */
  waiting: number;
}

/**
 * How long a query waits for a new connection before failing. With the database away a request
 * must fail fast (a 503 the client can retry), not hang until its own timeout; the pool opens
 * connections again by itself once the database answers.
 */
const CONNECT_TIMEOUT_MS = Number(process.env.BOOMERANG_PG_CONNECT_TIMEOUT_MS ?? 3_000);

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
  const pool = new pg.Pool({
    connectionString: url,
    max: Number(process.env.BOOMERANG_PG_POOL ?? 10),
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
  });
  pool.on('error', (error) =>
    console.warn(`postgres: an idle connection was closed (${error.message}); the pool opens a new one when needed`),
  ); // without a listener the process dies
  const db = new Kysely<DB>({
    dialect: new PostgresDialect({ pool: withPreparedStatements(pool) }),
    plugins: [new OutsideTransactionGuard()],
  });
  return {
    db,
    dialect: 'postgres',
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    close: () => db.destroy(),
  };
}

/**
 * By default every query is parsed and planned by PostgreSQL again. Naming a statement makes pg
 * prepare it once per connection and reuse it: the same few dozen query shapes run thousands of
 * times. Long parameter lists (bulk inserts, large IN lists) vary in shape and stay unnamed.
 */
function withPreparedStatements(pool: pg.Pool): PostgresPool {
  const wrapped = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  // Names are hashes of the SQL text, remembered (hashing on every query showed in profiles).
  const names = new Map<string, string>();
  const nameOf = (sql: string) => {
    let name = names.get(sql);
    if (!name) {
      name = `k${createHash('sha1').update(sql).digest('base64url')}`;
      if (names.size >= 5000) names.delete(names.keys().next().value!);
      names.set(sql, name);
    }
    return name;
  };
  // Kysely never streams here (no cursors), so only the (sql, parameters) form is used.
  const query = (client: pg.PoolClient, text: string, values: readonly unknown[]) =>
    values.length <= 64
      ? client.query({ name: nameOf(text), text, values: [...values] })
      : client.query(text, [...values]);
  const wrap = (client: pg.PoolClient) =>
    ({
      query: (text: string, values: readonly unknown[]) => query(client, text, values),
      release: () => client.release(),
    }) as unknown as PostgresPoolClient;
  return {
    connect: async () => {
      const client = await pool.connect();
      let connection = wrapped.get(client);
      if (!connection) {
        wrapped.set(client, (connection = wrap(client)));
        // The pool listens for errors only on idle connections. One checked out between two
        // queries (inside a transaction) when the database restarts emits 'error' with no
        // listener, which kills the process; its next query fails anyway and the pool drops it.
        client.on('error', () => undefined);
      }
      return connection;
    },
    end: () => pool.end(),
  };
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
  // SQLite's own lower() folds ASCII only; search must fold every letter, as PostgreSQL does.
  connection.function('lower', { deterministic: true }, (value: unknown) =>
    typeof value === 'string' ? foldCase(value) : value,
  );
  const db = new Kysely<DB>({
    dialect: new SqliteDialect({ database: withStatementCache(connection) }),
    plugins: [new OutsideTransactionGuard()],
  });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

const MAX_CACHED_SQL_LENGTH = 4000;

/**
 * Kysely's SQLite driver prepares every query afresh; preparing (parsing and planning) was about
 * an eighth of a create's time. Queries are a bounded set of SQL texts, so prepared statements are
 * kept and reused (least recently used dropped past the bound). Safe because better-sqlite3 runs
 * each statement to completion synchronously, and the driver never streams.
 */
function withStatementCache(connection: SQLite.Database, size = 1000) {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => connection.close(),
    prepare: (sql: string) => {
      // Long texts are bulk inserts whose shape varies with their row count: caching them kept
      // hundreds of large statements alive (an import's memory doubled) for no reuse.
      if (sql.length > MAX_CACHED_SQL_LENGTH) return connection.prepare(sql);
      let statement = statements.get(sql);
      if (statement) statements.delete(sql);
      else statement = connection.prepare(sql);
      statements.set(sql, statement);
      if (statements.size > size) statements.delete(statements.keys().next().value!);
      return statement;
    },
  };
}

/** A trivial query that proves the database answers (the health and readiness checks). */
export async function pingDatabase(db: Kysely<DB>): Promise<void> {
  await db.selectFrom('audit_chain_head').select('seq').limit(1).execute();
}
