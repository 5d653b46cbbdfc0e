// Inserting the few rows one business event creates (an RMA and its lines; the outbox and audit
// rows at the end of every transaction). On PostgreSQL each statement is a network round trip,
// and round trips, not the database's work, were most of a create's cost there: the rows of
// several tables go in one statement, as data-modifying WITH clauses. On SQLite a statement is
// a function call, so the tables are inserted one after another. Either way the statements are
// compiled once per table and row shape (prepared-query.ts).
//
// Foreign keys hold within the one statement: PostgreSQL checks them when the statement ends,
// after every clause has inserted its rows.
import type { Insertable, Transaction } from 'kysely';
import type { DB, Dialect } from './database.js';
import { cachedTemplate, runCompiled, shapeOf, standInsFor, templateOf, type Template } from './prepared-query.js';
import { insertInBatches } from './batch-insert.js';

export interface RowsFor<T extends keyof DB = keyof DB> {
  table: T;
  rows: ReadonlyArray<Insertable<DB[T]>>;
}

/** Past this many bound values the rows are bulk, not an event's: they go in plain batches. */
const EVENT_SIZED_PARAMETERS = 2000;

export async function insertRows(db: Transaction<DB>, dialect: Dialect, parts: ReadonlyArray<RowsFor>): Promise<void> {
  const present = parts.filter((part) => part.rows.length > 0);
  if (present.length === 0) return;
  const parameters = present.reduce((sum, p) => sum + p.rows.length * Object.keys(p.rows[0]!).length, 0);
  if (parameters > EVENT_SIZED_PARAMETERS) {
    for (const part of present) await insertInBatches(db, part.table, part.rows);
    return;
  }
  const templates = present.map((part) => insertTemplate(db, part));
  if (dialect === 'sqlite' || present.length === 1) {
    for (const [index, part] of present.entries()) await runCompiled(db, templates[index]!, part.rows);
    return;
  }
  const key = `insert-together:${present.map((p) => `${p.table}${shapeOf(p.rows)}`).join('|')}`;
  const together = cachedTemplate(db, key, () => combine(templates));
  await runCompiled(
    db,
    together,
    present.map((p) => p.rows),
  );
}

/**
 * One PostgreSQL statement from several inserts: all but the last become WITH clauses. Each
 * insert's placeholders ($1, $2, …) move past the ones before it, and its values are read from
 * its own part of the run's values. Kysely writes values only as placeholders, so "$n" in an
 * insert's SQL is always a placeholder.
 */
function combine(templates: Template[]): Template {
  let offset = 0;
  const statements: string[] = [];
  const slots: Template['slots'][number][] = [];
  for (const [index, template] of templates.entries()) {
    const shift = offset;
    statements.push(template.sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + shift}`));
    for (const slot of template.slots) slots.push('path' in slot ? { path: [index, ...slot.path] } : slot);
    offset += template.slots.length;
  }
  const last = statements.pop()!;
  const clauses = statements.map((statement, index) => `"insert_${index}" as (${statement})`);
  return { sql: `with ${clauses.join(', ')} ${last}`, query: templates.at(-1)!.query, slots };
}

function insertTemplate(db: Transaction<DB>, part: RowsFor): Template {
  return cachedTemplate(db, `insert:${part.table}:${shapeOf(part.rows)}`, () =>
    templateOf(
      db
        .insertInto(part.table)
        .values(standInsFor(part.rows) as never)
        .compile(),
    ),
  );
}
