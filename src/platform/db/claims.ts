// One-off work claimed by name: when several processes start on an empty database, exactly one
// transaction claims the job (the demo-data load) and the others see it taken.
import type { Transaction } from 'kysely';
import type { DB } from './database.js';

export async function claimOnce(trx: Transaction<DB>, name: string): Promise<boolean> {
  const result = await trx
    .insertInto('counters')
    .values({ name: `claim:${name}`, value: 1 })
    .onConflict((oc) => oc.column('name').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}
