// The key unsubscribe links are signed with: made once, at random, and kept in the database so every
// server process signs and checks with the same one and links survive a restart. Deleting the row
// rotates it (links already sent stop working).
import { randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../platform/db/database.js';

const KEY_NAME = 'unsubscribe';

export async function unsubscribeKey(db: Kysely<DB> | Transaction<DB>): Promise<string> {
  await db
    .insertInto('notification_keys')
    .values({ name: KEY_NAME, secret: randomBytes(32).toString('hex'), created_at: new Date().toISOString() })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db
    .selectFrom('notification_keys')
    .select('secret')
    .where('name', '=', KEY_NAME)
    .executeTakeFirstOrThrow();
  return row.secret;
}
