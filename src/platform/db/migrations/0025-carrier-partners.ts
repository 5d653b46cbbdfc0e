// Carriers as partners: a partner of kind 'carrier' answers for one or more of logistics' carrier
// codes (a JSON array; '[]' for a repair partner), and its users and keys — role carrier — see the
// shipments of those codes only.
import { sql, type Kysely } from 'kysely';

type Db = Kysely<unknown>;

export async function up(db: Db): Promise<void> {
  await db.schema
    .alterTable('partners')
    .addColumn('carrier_codes', 'text', (c) => c.notNull().defaultTo(sql.lit('[]')))
    .execute();
  // A carrier's list of shipments reads by carrier code.
  await db.schema
    .createIndex('shipments_carrier_idx')
    .on('shipments')
    .columns(['carrier_code', 'created_at'])
    .execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropIndex('shipments_carrier_idx').execute();
  await db.schema.alterTable('partners').dropColumn('carrier_codes').execute();
}
