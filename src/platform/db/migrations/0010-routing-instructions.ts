// Where an authorized return's goods are to be sent, decided by the routing rules (or by a person
// overriding them, with the reason). Every decision is kept; the current one is flagged, so the
// label, the receiving site and each site's open load read one row per return.
import { sql, type Kysely } from 'kysely';

type Db = Kysely<unknown>;

export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('routing_instructions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('rma_id', 'text', (c) => c.notNull().references('rmas.id'))
    /** Null when no active site is certified for the goods: a person must route the return. */
    .addColumn('site_id', 'text', (c) => c.references('sites.id'))
    .addColumn('basis', 'text', (c) => c.notNull())
    .addColumn('rules_version', 'integer')
    /** The return's units when decided: what the site's open load counts. */
    .addColumn('units', 'integer', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('explanation', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('is_current', 'integer', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.notNull())
    .addColumn('decided_by_id', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .addCheckConstraint('routing_instructions_basis_ck', sql.raw(`basis in ('rules', 'override')`))
    .addCheckConstraint('routing_instructions_units_ck', sql.raw('units >= 0'))
    .execute();
  await db.schema
    .createIndex('routing_instructions_rma_idx')
    .on('routing_instructions')
    .columns(['rma_id', 'is_current'])
    .execute();
  await db.schema
    .createIndex('routing_instructions_site_idx')
    .on('routing_instructions')
    .columns(['site_id', 'is_current'])
    .execute();
}

export function down(): Promise<void> {
  return Promise.reject(
    new Error('0010-routing-instructions cannot be undone: restore the backup taken before upgrading'),
  );
}
