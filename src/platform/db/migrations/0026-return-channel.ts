// Where a return came from: staff, the customer portal, an API key, an EDI 180, an unauthorized
// arrival, a recall, or an import of history. The KPIs are cut by channel (issue 12), and until
// now only "unauthorized" could be told apart. Rows that exist already are backfilled with what
// can be known of them: an unauthorized arrival is 'arrival', anything else was requested through
// the staff's screens or the demo (which acts as staff) — the portal / API / EDI split of old
// rows is not recorded anywhere, so it is not guessed.
import { sql, type Kysely } from 'kysely';

type Db = Kysely<unknown>;

export async function up(db: Db): Promise<void> {
  await db.schema
    .alterTable('rmas')
    .addColumn('channel', 'text', (c) => c.notNull().defaultTo(sql.lit('staff')))
    .execute();
  await sql`update rmas set channel = 'arrival' where is_unauthorized = 1`.execute(db);
}

export async function down(db: Db): Promise<void> {
  await db.schema.alterTable('rmas').dropColumn('channel').execute();
}
