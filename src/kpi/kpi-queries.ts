// Reading the KPIs. A table cut by one dimension, with at most one other filter, is answered from
// the rollups (a few thousand rows at a million returns); several filters at once are answered
// from the facts of the returns they select (indexed by each dimension), aggregated here the same
// way the rollups are. The drill-down lists the returns behind a figure from the facts.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../platform/db/database.js';
import { AppError } from '../platform/errors.js';
import type {
  KpiDimension,
  KpiDrillDownQuery,
  KpiFilter,
  KpiId,
  KpiReturnRow,
  KpiRow,
  KpiTable,
  KpiTableQuery,
} from '../contracts/kpi.js';
import { findCustomerNames, findLabels, type LabelledKind } from '../masterdata/index.js';
import type { KpiMeasureColumns } from './kpi.tables.js';
import { MEASURE_COLUMNS, ZERO_MEASURES, type ReturnFacts } from './domain/return-kpi-facts.js';
import { contributionsOf, type RollupDimension } from './domain/kpi-contributions.js';
import { kpiValuesOf, measuresOf } from './domain/kpi-values.js';
import { assembleFacts } from './kpi-store.js';

/** The filter each rollup dimension answers, and the dimension each filter names. */
const FILTER_DIMENSION = {
  siteId: 'site',
  customerId: 'customer',
  productId: 'product',
  category: 'category',
  supplierId: 'supplier',
  reasonCode: 'reason',
  channel: 'channel',
  returnType: 'return_type',
} as const satisfies Partial<Record<keyof KpiFilter, RollupDimension>>;
type DimensionFilter = keyof typeof FILTER_DIMENSION;
const DIMENSION_FILTERS = Object.keys(FILTER_DIMENSION) as DimensionFilter[];

const LINE_FILTER_COLUMN = {
  productId: 'product_id',
  category: 'category',
  supplierId: 'supplier_id',
  reasonCode: 'reason_code',
} as const;
const RETURN_FILTER_COLUMN = {
  siteId: 'site_id',
  customerId: 'customer_id',
  channel: 'channel',
  returnType: 'return_type',
} as const;

/**
 * A range of months as the whole years inside it and the months around them: 2023-12..2026-11
 * is 2023-12, the years 2024 and 2025, and 2026-01..2026-11.
 */
export function periodSegments(range: { from: string; to: string }): {
  months: Array<readonly [string, string]>;
  years: string[];
} {
  const fromYear = Number(range.from.slice(0, 4));
  const toYear = Number(range.to.slice(0, 4));
  const first = range.from.endsWith('-01') ? fromYear : fromYear + 1;
  const last = range.to.endsWith('-12') ? toYear : toYear - 1;
  if (first > last) return { months: [[range.from, range.to]], years: [] };
  const years = Array.from({ length: last - first + 1 }, (_, i) => String(first + i));
  const months: Array<readonly [string, string]> = [];
  if (range.from < `${first}-01`) months.push([range.from, `${first - 1}-12`]);
  if (range.to > `${last}-12`) months.push([`${last + 1}-01`, range.to]);
  return { months, years };
}

/** A period range: the months asked for, by default the twelve up to the current one. */
export function periodRange(filter: KpiFilter, today: string): { from: string; to: string } {
  const to = filter.to ?? today.slice(0, 7);
  if (filter.from) return { from: filter.from, to };
  const [year, month] = to.split('-').map(Number) as [number, number];
  const start = new Date(Date.UTC(year, month - 12, 1));
  return { from: start.toISOString().slice(0, 7), to };
}

function sumColumns() {
  return MEASURE_COLUMNS.map((column) => sql<number>`sum(${sql.ref(column)})`.as(column));
}

function toColumns(row: Record<string, unknown>): KpiMeasureColumns {
  const out = { ...ZERO_MEASURES };
  for (const column of MEASURE_COLUMNS) out[column] = Number(row[column] ?? 0);
  return out;
}

interface Group {
  key: string;
  currency: string;
  measures: KpiMeasureColumns;
}

function add(into: Map<string, Group>, key: string, currency: string, measures: KpiMeasureColumns) {
  const id = `${key}\u0000${currency}`;
  const group = into.get(id);
  if (!group) into.set(id, { key, currency, measures: { ...measures } });
  else for (const column of MEASURE_COLUMNS) group.measures[column] += measures[column];
}

/** Groups from the rollups: `by` one dimension, within at most one dimension's filter value. */
async function groupsFromRollups(
  db: Kysely<DB>,
  by: KpiDimension,
  range: { from: string; to: string },
  filter: KpiFilter,
  only: { dimension: RollupDimension; value: string } | null,
  top: number | null,
): Promise<{ groups: Group[]; count: number }> {
  const dimension: RollupDimension = only ? only.dimension : by === 'period' || by === 'legal_entity' ? 'all' : by;
  const keyColumn = by === 'period' ? 'period' : by === 'legal_entity' ? 'legal_entity_id' : 'value';
  // Periods are months; any other cut reads whole years from their year rows.
  const segments = by === 'period' ? { months: [[range.from, range.to] as const], years: [] } : periodSegments(range);
  // Each segment is its own range of the key (dimension, period, …), read in order; the union of
  // them is then grouped. (One statement with OR-ed ranges read the dimension's every period.)
  const base = () => {
    let q = db
      .selectFrom('kpi_rollups')
      .select([sql.ref<string>(keyColumn).as('key'), 'currency', ...MEASURE_COLUMNS])
      .where('dimension', '=', dimension);
    if (only) q = q.where('value', '=', only.value);
    if (filter.legalEntityId) q = q.where('legal_entity_id', '=', filter.legalEntityId);
    return q;
  };
  const parts = [
    ...segments.months.map(([from, to]) => base().where('period', '>=', from).where('period', '<=', to)),
    ...segments.years.map((year) => base().where('period', '=', `Y${year}`)),
  ];
  const union = parts.slice(1).reduce((all, next) => all.unionAll(next), parts[0]!);
  const query = db
    .selectFrom(union.as('segments'))
    .select([sql.ref<string>('key').as('key'), 'currency', ...sumColumns()]);
  const grouped = query.groupBy(['key', 'currency']).having(sql`sum(returns)`, '<>', 0);
  // A dimension with thousands of values (customers, products): the database keeps the largest
  // `top` and says how many there were, so only what is shown crosses the wire.
  const rows = await (top === null
    ? grouped.execute()
    : grouped
        .select(sql<number>`count(*) over ()`.as('groups'))
        .orderBy(sql`sum(returns)`, 'desc')
        .orderBy('key')
        .orderBy('currency')
        .limit(top)
        .execute());
  return {
    groups: rows.map((row) => ({
      key: String(row.key),
      currency: row.currency,
      measures: toColumns(row as unknown as Record<string, unknown>),
    })),
    count: top === null ? rows.length : Number((rows[0] as { groups?: number } | undefined)?.groups ?? 0),
  };
}

/** The ids of the returns a filter selects, within the period range (indexed by each filter). */
function selectedReturns(db: Kysely<DB>, range: { from: string; to: string }, filter: KpiFilter) {
  let query = db.selectFrom('kpi_return_facts').where('period', '>=', range.from).where('period', '<=', range.to);
  if (filter.legalEntityId) query = query.where('legal_entity_id', '=', filter.legalEntityId);
  for (const [name, column] of Object.entries(RETURN_FILTER_COLUMN) as Array<
    [keyof typeof RETURN_FILTER_COLUMN, string]
  >)
    if (filter[name] !== undefined) query = query.where(sql.ref(column), '=', filter[name]);
  for (const [name, column] of Object.entries(LINE_FILTER_COLUMN) as Array<[keyof typeof LINE_FILTER_COLUMN, string]>)
    if (filter[name] !== undefined)
      query = query.where('rma_id', 'in', (eb) =>
        eb
          .selectFrom('kpi_line_facts')
          .select('kpi_line_facts.rma_id')
          .where(sql.ref(`kpi_line_facts.${column}`), '=', filter[name])
          .where('kpi_line_facts.period', '>=', range.from)
          .where('kpi_line_facts.period', '<=', range.to),
      );
  return query;
}

function lineMatches(line: ReturnFacts['lines'][number], filter: KpiFilter): boolean {
  return (
    (filter.productId === undefined || line.productId === filter.productId) &&
    (filter.category === undefined || line.category === filter.category) &&
    (filter.supplierId === undefined || line.supplierId === filter.supplierId) &&
    (filter.reasonCode === undefined || line.reasonCode === filter.reasonCode)
  );
}

/** Most returns a multi-filter table aggregates from facts (more is a 422: narrow the filter). */
const FACTS_LIMIT = 200_000;

/** Groups from the facts of the selected returns: only the lines the filter selects count. */
async function groupsFromFacts(
  db: Kysely<DB>,
  by: KpiDimension,
  range: { from: string; to: string },
  filter: KpiFilter,
): Promise<Group[]> {
  // The selection read once for the returns and once for their lines: two statements, whatever its size.
  const returns = await selectedReturns(db, range, filter)
    .selectAll()
    .limit(FACTS_LIMIT + 1)
    .execute();
  if (returns.length > FACTS_LIMIT)
    throw new AppError(
      'rule_violation',
      `more than ${FACTS_LIMIT.toLocaleString('en')} returns match these filters together; narrow the period or drop a filter`,
    );
  const lines = await db
    .selectFrom('kpi_line_facts')
    .selectAll()
    .where('rma_id', 'in', selectedReturns(db, range, filter).select('rma_id'))
    .orderBy('rma_id')
    .orderBy('rma_line_id')
    .execute();
  const groups = new Map<string, Group>();
  const facts = assembleFacts(returns, lines);
  for (const f of facts.values()) {
    const lines = f.lines.filter((line) => lineMatches(line, filter));
    if (lines.length === 0) continue;
    // The return as the filter sees it: its own measures, its lines' only the selected lines'.
    const scoped = lines.length === f.lines.length ? f : scopeToLines(f, lines);
    const dimension: RollupDimension = by === 'period' || by === 'legal_entity' ? 'all' : by;
    for (const c of contributionsOf(scoped))
      if (c.dimension === dimension)
        add(
          groups,
          by === 'period' ? c.period : by === 'legal_entity' ? c.legalEntityId : c.value,
          c.currency,
          c.measures,
        );
  }
  return [...groups.values()];
}

function scopeToLines(f: ReturnFacts, lines: ReturnFacts['lines']): ReturnFacts {
  const measures = { ...f.measures };
  const lineLevel = MEASURE_COLUMNS.filter(
    (c) =>
      ![
        'returns',
        'unauthorized_returns',
        'repeat_returns',
        'settled_returns',
        'cycle_seconds',
        'freight_cost_minor',
        'open_exceptions',
        'paid_claims',
        'reimbursement_seconds',
      ].includes(c),
  );
  for (const column of lineLevel) measures[column] = lines.reduce((sum, l) => sum + l.measures[column], 0);
  return { ...f, measures, lines };
}

const LABELLED: Partial<Record<KpiDimension, LabelledKind>> = {
  legal_entity: 'legal_entity',
  site: 'site',
  customer: 'customer',
  product: 'product',
  supplier: 'supplier',
};

function rowOf(group: Group, label: string): KpiRow {
  const measures = measuresOf(group.measures);
  return { key: group.key, label, currency: group.currency, measures, values: kpiValuesOf(measures) };
}

export async function kpiTable(db: Kysely<DB>, query: KpiTableQuery, today: string): Promise<KpiTable> {
  const range = periodRange(query, today);
  const named = DIMENSION_FILTERS.filter((name) => query[name] !== undefined);
  const isSmall = query.by === 'period' || query.by === 'legal_entity';
  let groups: Group[];
  let count: number;
  let totals: Group[] | null = null;
  if (named.length === 0) {
    ({ groups, count } = await groupsFromRollups(db, query.by, range, query, null, isSmall ? null : query.limit));
    // The totals are the returns' own (a return with two products is one return), per currency.
    if (!isSmall) totals = (await groupsFromRollups(db, 'legal_entity', range, query, null, null)).groups;
  } else if (named.length === 1 && isSmall) {
    const name = named[0]!;
    ({ groups, count } = await groupsFromRollups(
      db,
      query.by,
      range,
      query,
      { dimension: FILTER_DIMENSION[name], value: query[name]! },
      null,
    ));
  } else {
    groups = (await groupsFromFacts(db, query.by, range, query)).filter((g) => g.measures.returns !== 0);
    count = groups.length;
  }
  const byCurrency = new Map<string, Group>();
  for (const g of totals ?? groups) add(byCurrency, '', g.currency, g.measures);
  // Periods in order; other dimensions the largest first.
  groups.sort((a, b) =>
    query.by === 'period'
      ? a.key.localeCompare(b.key) || a.currency.localeCompare(b.currency)
      : b.measures.returns - a.measures.returns || a.key.localeCompare(b.key),
  );
  const shown = groups.slice(0, query.limit);
  const kind = LABELLED[query.by];
  const labels = kind
    ? await findLabels(
        db,
        kind,
        shown.map((g) => g.key),
      )
    : new Map<string, string>();
  return {
    by: query.by,
    from: range.from,
    to: range.to,
    rows: shown.map((g) => rowOf(g, labels.get(g.key) ?? (g.key || '(none)'))),
    totals: [...byCurrency.values()].map((g) => rowOf(g, `Total ${g.currency}`)),
    truncated: count - shown.length,
  };
}

/** The drill-down counts its returns up to this many; beyond, `totalCapped` says "at least". */
const COUNT_CAP = 10_000;

/** Which returns make up a KPI's figure (the drill-down's condition). */
const BEHIND: Partial<Record<KpiId, ReadonlyArray<keyof KpiMeasureColumns>>> = {
  return_cycle_days: ['settled_returns'],
  days_to_disposition: ['dispositioned_units'],
  recovery_rate: ['received_units'],
  net_recovery_value: ['received_units'],
  cost_per_return: [],
  supplier_reimbursement_days: ['paid_claims'],
  exception_backlog: ['open_exceptions'],
  sla_breaches: ['sla_breaches'],
};

export async function kpiReturns(
  db: Kysely<DB>,
  query: KpiDrillDownQuery,
  today: string,
): Promise<{ items: KpiReturnRow[]; total: number; totalCapped: boolean; page: number; pageSize: number }> {
  const range = periodRange(query, today);
  let base = selectedReturns(db, range, query);
  for (const column of (query.kpi && BEHIND[query.kpi]) ?? []) base = base.where(sql.ref(column), '>', 0);
  // Newest first in the order of the indexes (month, then the RMA's id, which grows with time),
  // so a page is read off an index without sorting the selection; the count stops at a cap.
  const [rows, count] = await Promise.all([
    base
      .selectAll()
      .orderBy('period', 'desc')
      .orderBy('rma_id', 'desc')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    db
      .selectFrom(
        base
          .select('rma_id')
          .limit(COUNT_CAP + 1)
          .as('selected'),
      )
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  const names = await findCustomerNames(
    db,
    rows.map((r) => r.customer_id),
  );
  return {
    items: rows.map((r) => {
      const m = toColumns(r);
      return {
        rmaId: r.rma_id,
        rmaNumber: r.rma_number,
        period: r.period,
        createdAt: r.created_at,
        legalEntityId: r.legal_entity_id,
        customerId: r.customer_id,
        customerName: names.get(r.customer_id) ?? '',
        siteId: r.site_id || null,
        channel: r.channel,
        returnType: r.return_type,
        currency: r.currency,
        isUnauthorized: m.unauthorized_returns > 0,
        isRepeat: m.repeat_returns > 0,
        settledAt: r.settled_at,
        cycleDays: r.settled_at ? m.cycle_seconds / 86_400 : null,
        receivedUnits: m.received_units,
        dispositionedUnits: m.dispositioned_units,
        returnedValueMinor: m.returned_value_minor,
        recoveredValueMinor: m.recovered_value_minor,
        costMinor: m.freight_cost_minor + m.repair_cost_minor + m.write_off_minor,
        openExceptions: m.open_exceptions,
        slaBreaches: m.sla_breaches,
      };
    }),
    total: Math.min(Number(count.n), COUNT_CAP),
    totalCapped: Number(count.n) > COUNT_CAP,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** Headline figures per legal entity for the gauges on /metrics: this month's cohort and the backlog. */
export async function kpiHeadlines(db: Kysely<DB>, today: string) {
  const month = today.slice(0, 7);
  const [cohort, backlog] = await Promise.all([
    db
      .selectFrom('kpi_rollups')
      .select(['legal_entity_id', ...sumColumns()])
      .where('dimension', '=', 'all')
      .where('period', '=', month)
      .groupBy('legal_entity_id')
      .execute(),
    db
      .selectFrom('kpi_rollups')
      .select(['legal_entity_id', sql<number>`sum(open_exceptions)`.as('open_exceptions')])
      .where('dimension', '=', 'all')
      // Months only: every return is also in its year's row.
      .where('period', '<', 'Y')
      .groupBy('legal_entity_id')
      .execute(),
  ]);
  return {
    month,
    cohort: cohort.map((row) => ({
      legalEntityId: row.legal_entity_id,
      values: kpiValuesOf(measuresOf(toColumns(row as unknown as Record<string, unknown>))),
      returns: Number(row.returns),
    })),
    backlog: backlog.map((row) => ({
      legalEntityId: row.legal_entity_id,
      openExceptions: Number(row.open_exceptions),
    })),
  };
}
