// Queries built once, run many times. Kysely builds an operation tree and compiles it to SQL on
// every call; on the request paths that run thousands of times a second (authentication, the
// create and evaluate paths) that building was a fifth of the CPU, for SQL text that never
// changes. A prepared query is built and compiled once per dialect and parameter shape, with
// stand-ins where the parameters go; each run only fills in the values.
//
// The rule for a builder: parameters are used only as values (never to decide what to build),
// so the same SQL is right for every value. Array lengths, object keys, and null or undefined
// change the SQL, so they are part of the shape and compiled separately.
import type { Compilable, CompiledQuery, Kysely, QueryResult, Transaction } from 'kysely';
import type { DB } from './database.js';
import { assertNoOpenTransaction } from './transaction-scope.js';

type Reader = Kysely<DB> | Transaction<DB>;
type Path = ReadonlyArray<string | number>;

/** Where a parameter goes; replaced by the value at `path` of each run's parameters. */
class StandIn {
  constructor(readonly path: Path) {}
}

/** A key that changes whenever the SQL would: array lengths, object keys, null and undefined. */
export function shapeOf(value: unknown): string {
  if (value === undefined) return 'u';
  if (value === null) return 'n';
  if (Array.isArray(value)) {
    let shape = '[';
    for (const item of value) shape += `${shapeOf(item)},`;
    return `${shape}]`;
  }
  if (isPlainObject(value)) {
    let shape = '{';
    for (const key in value) shape += `${JSON.stringify(key)}:${shapeOf(value[key])},`;
    return `${shape}}`;
  }
  return 'v';
}

/** `value` with a stand-in where each parameter goes (nulls and undefined stay: they shape the SQL). */
export function standInsFor(value: unknown, path: Path = []): unknown {
  if (value === undefined || value === null) return value;
  if (Array.isArray(value)) return value.map((item, index) => standInsFor(item, [...path, index]));
  if (isPlainObject(value)) {
    const standIns: Record<string, unknown> = {};
    for (const key in value) standIns[key] = standInsFor(value[key], [...path, key]);
    return standIns;
  }
  return new StandIn(path);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

function valueAt(root: unknown, path: Path): unknown {
  let current = root;
  for (const step of path) current = (current as Record<string | number, unknown>)[step];
  return current;
}

/** A compiled query whose parameters are read from each run's values. */
export interface Template {
  sql: string;
  query: CompiledQuery['query'];
  /** Per bound parameter: the path into the run's values, or the constant the builder wrote. */
  slots: ReadonlyArray<{ path: Path } | { constant: unknown }>;
}

export function templateOf(compiled: CompiledQuery): Template {
  return {
    sql: compiled.sql,
    query: compiled.query,
    slots: compiled.parameters.map((p) => (p instanceof StandIn ? { path: p.path } : { constant: p })),
  };
}

export function fill(template: Template, values: unknown): unknown[] {
  return template.slots.map((slot) => ('path' in slot ? valueAt(values, slot.path) : slot.constant));
}

/**
 * Templates per dialect: a transaction shares its database's adapter, so the adapter object
 * identifies the dialect (and its compiler) for root handles and transactions alike.
 */
const templatesByAdapter = new WeakMap<object, Map<string, Template>>();

export function cachedTemplate(db: Reader, key: string, make: () => Template): Template {
  const adapter = db.getExecutor().adapter;
  let templates = templatesByAdapter.get(adapter);
  if (!templates) templatesByAdapter.set(adapter, (templates = new Map<string, Template>()));
  let template = templates.get(key);
  if (!template) {
    template = make();
    // Bounded: shapes come from code, but an array parameter of unusual length adds one.
    if (templates.size >= 2000) templates.delete(templates.keys().next().value!);
    templates.set(key, template);
  }
  return template;
}

/** Runs SQL already compiled, through the handle's connection (its transaction, if it is one). */
export function runCompiled<O>(db: Reader, template: Template, values: unknown): Promise<QueryResult<O>> {
  // The root handle's guard plugin sees only queries it compiles; this one it did not.
  if (!db.isTransaction) assertNoOpenTransaction('a query ran on the root database handle');
  const compiled: CompiledQuery<O> = {
    sql: template.sql,
    query: template.query,
    queryId: { queryId: '' },
    parameters: fill(template, values),
  };
  return db.executeQuery(compiled);
}

export interface PreparedQuery<P, O> {
  execute(db: Reader, params: P): Promise<O[]>;
  executeTakeFirst(db: Reader, params: P): Promise<O | undefined>;
  executeTakeFirstOrThrow(db: Reader, params: P): Promise<O>;
  /** The whole result, for the affected-row count of an update or delete. */
  run(db: Reader, params: P): Promise<QueryResult<O>>;
}

let nextPreparedId = 0;

/** A query built once per dialect and parameter shape; see the rule at the top of this file. */
export function prepared<P, O>(build: (db: Kysely<DB>, params: P) => Compilable<O>): PreparedQuery<P, O> {
  const id = nextPreparedId++;
  const run = (db: Reader, params: P) => {
    // Compiled without plugins: the root handle's only plugin is the guard, checked in runCompiled.
    const template = cachedTemplate(db, `${id}:${shapeOf(params)}`, () =>
      templateOf(build(db.withoutPlugins(), standInsFor(params) as P).compile()),
    );
    return runCompiled<O>(db, template, params);
  };
  return {
    run,
    execute: async (db, params) => (await run(db, params)).rows,
    executeTakeFirst: async (db, params) => (await run(db, params)).rows[0],
    executeTakeFirstOrThrow: async (db, params) => {
      const row = (await run(db, params)).rows[0];
      if (row === undefined) throw new Error('the prepared query returned no row');
      return row;
    },
  };
}
