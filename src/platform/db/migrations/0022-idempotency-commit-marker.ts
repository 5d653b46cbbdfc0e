// Idempotency that survives a process dying mid-request. The reservation gets a token; the
// transaction doing the work marks the key committed (with the entity it acted on) in the same
// commit, if the token is still its own. So after a crash the row tells which side of the commit
// the request died on: still in progress and old → nothing took effect, a retry takes it over
// (new token; the old request, were it alive, can no longer commit); committed without an answer →
// it took effect, a retry is told what it created and never runs it again.
import type { Kysely } from 'kysely';

type Db = Kysely<unknown>;

export async function up(db: Db): Promise<void> {
  await db.schema.alterTable('idempotency_keys').addColumn('token', 'text').execute();
  await db.schema.alterTable('idempotency_keys').addColumn('outcome', 'text').execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.alterTable('idempotency_keys').dropColumn('outcome').execute();
  await db.schema.alterTable('idempotency_keys').dropColumn('token').execute();
}
