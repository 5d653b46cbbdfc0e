// Past one process: scheduled work (expiry, purges, the outbox relay) runs in whichever server
// process takes its lease, and only there. A lease is a row: taken by a conditional update (atomic
// on both databases), held until `lease_until`, and taken over by another process when its holder
// dies and the time passes — so work resumes without anyone noticing the death.
import type { Kysely } from 'kysely';

type Db = Kysely<unknown>;

export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('job_leases')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('holder', 'text')
    .addColumn('lease_until', 'text')
    // When the job is next due (scheduled jobs); null: always due (the relay).
    .addColumn('next_run_at', 'text')
    .addColumn('runs', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_started_at', 'text')
    .addColumn('last_finished_at', 'text')
    .addColumn('last_error', 'text')
    .execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropTable('job_leases').execute();
}
