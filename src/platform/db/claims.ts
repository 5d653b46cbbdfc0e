// One-off work claimed by name: when several processes start on an empty database, exactly one
// transaction claims the job (the demo-data load) and the others see it taken.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from './database.js';

export async function claimOnce(trx: Transaction<DB>, name: string): Promise<boolean> {
  const result = await trx
    .insertInto('counters')
    .values({ name: `claim:${name}`, value: 1 })
    .onConflict((oc) => oc.column('name').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Whether the one-off work was claimed already (e.g. to refuse a second import before reading its file). */
export async function isClaimed(db: Kysely<DB>, name: string): Promise<boolean> {
  const row = await db.selectFrom('counters').select('name').where('name', '=', `claim:${name}`).executeTakeFirst();
  return row !== undefined;
}
