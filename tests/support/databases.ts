// The databases every HTTP suite runs on: SQLite always; PostgreSQL when BOOMERANG_TEST_PG_URL
// names a server (CI sets it, and fails if it cannot be used). Each call gets a fresh database.
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface TestDatabase {
  name: 'sqlite' | 'postgres';
  url: string;
  drop(): Promise<void>;
}

export const PG_URL = process.env.BOOMERANG_TEST_PG_URL;
export const DIALECTS: Array<'sqlite' | 'postgres'> = PG_URL ? ['sqlite', 'postgres'] : ['sqlite'];

if (!PG_URL) {
  console.warn(
    'SKIPPED: PostgreSQL runs of the HTTP suites — BOOMERANG_TEST_PG_URL is not set (CI sets it; locally: BOOMERANG_TEST_PG_URL=postgres://postgres@127.0.0.1:5432/test npm test)',
  );
}

export async function createTestDatabase(name: 'sqlite' | 'postgres'): Promise<TestDatabase> {
  if (name === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'boomerang-test-'));
    return { name, url: `sqlite:${join(dir, 'test.sqlite')}`, drop: async () => {} };
  }
  if (!PG_URL) throw new Error('BOOMERANG_TEST_PG_URL is not set');
  const dbName = `boomerang_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  await admin.end();
  const url = new URL(PG_URL);
  url.pathname = `/${dbName}`;
  return {
    name,
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: PG_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await client.end();
    },
  };
}
