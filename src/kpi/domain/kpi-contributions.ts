// What a return adds to the rollups: one contribution per dimension and value it falls under.
// A change to a return is applied as the difference between its contributions after and before,
// so the rollups always equal the sum of the facts (a property test holds it).
import type { KpiMeasureColumns } from '../kpi.tables.js';
import { MEASURE_COLUMNS, ZERO_MEASURES, type ReturnFacts } from './return-kpi-facts.js';

/** Dimensions a whole return has one value of ('all' has the value ''). */
export const RETURN_ROLLUP_DIMENSIONS = ['all', 'site', 'customer', 'channel', 'return_type'] as const;
/** Dimensions of a return's lines: a return with two products contributes to each. */
export const LINE_ROLLUP_DIMENSIONS = ['product', 'category', 'supplier', 'reason'] as const;
export type RollupDimension = (typeof RETURN_ROLLUP_DIMENSIONS)[number] | (typeof LINE_ROLLUP_DIMENSIONS)[number];

/** Measures that belong to the return as a whole: counted once under each line value, not per line. */
const RETURN_LEVEL: ReadonlyArray<keyof KpiMeasureColumns> = [
  'returns',
  'unauthorized_returns',
  'repeat_returns',
  'settled_returns',
  'cycle_seconds',
  'freight_cost_minor',
  'open_exceptions',
];

export const ROLLUP_SHARDS = 8;
/**
 * Dimensions with many values (a customer, a product) are rarely written by two transactions at
 * once, and sharding them would multiply the rows a dashboard reads: they keep one row per key.
 */
const UNSHARDED: ReadonlySet<RollupDimension> = new Set(['customer', 'product']);

export interface Contribution {
  period: string;
  legalEntityId: string;
  currency: string;
  dimension: RollupDimension;
  value: string;
  shard: number;
  measures: KpiMeasureColumns;
}

/** A small stable hash of the RMA id: which of the eight rows of a key the return adds to. */
export function shardOf(rmaId: string): number {
  let hash = 2166136261;
  for (let i = 0; i < rmaId.length; i += 1) hash = Math.imul(hash ^ rmaId.charCodeAt(i), 16777619);
  return (hash >>> 0) % ROLLUP_SHARDS;
}

function returnValueOf(facts: ReturnFacts, dimension: (typeof RETURN_ROLLUP_DIMENSIONS)[number]): string {
  switch (dimension) {
    case 'all':
      return '';
    case 'site':
      return facts.siteId;
    case 'customer':
      return facts.customerId;
    case 'channel':
      return facts.channel;
    case 'return_type':
      return facts.returnType;
  }
}

function lineValueOf(line: ReturnFacts['lines'][number], dimension: (typeof LINE_ROLLUP_DIMENSIONS)[number]): string {
  switch (dimension) {
    case 'product':
      return line.productId;
    case 'category':
      return line.category;
    case 'supplier':
      return line.supplierId;
    case 'reason':
      return line.reasonCode;
  }
}

/**
 * The year row of a month (`Y2026` for 2026-05): each contribution is also added to its year, so
 * a table over several years reads a row per year rather than twelve. The `Y` sorts after every
 * month, so a range of months never picks a year row up.
 */
export const yearOf = (period: string) => `Y${period.slice(0, 4)}`;

export function contributionsOf(facts: ReturnFacts): Contribution[] {
  const months = monthContributionsOf(facts);
  return [...months, ...months.map((c) => ({ ...c, period: yearOf(c.period), measures: { ...c.measures } }))];
}

function monthContributionsOf(facts: ReturnFacts): Contribution[] {
  const shard = shardOf(facts.rmaId);
  const base = { period: facts.period, legalEntityId: facts.legalEntityId, currency: facts.currency };
  const shardFor = (dimension: RollupDimension) => (UNSHARDED.has(dimension) ? 0 : shard);
  const out: Contribution[] = RETURN_ROLLUP_DIMENSIONS.map((dimension) => ({
    ...base,
    shard: shardFor(dimension),
    dimension,
    value: returnValueOf(facts, dimension),
    measures: { ...facts.measures },
  }));
  for (const dimension of LINE_ROLLUP_DIMENSIONS) {
    const byValue = new Map<string, KpiMeasureColumns>();
    for (const line of facts.lines) {
      const value = lineValueOf(line, dimension);
      let measures = byValue.get(value);
      if (!measures) {
        measures = { ...ZERO_MEASURES };
        for (const column of RETURN_LEVEL) measures[column] = facts.measures[column];
        byValue.set(value, measures);
      }
      for (const column of MEASURE_COLUMNS)
        if (!RETURN_LEVEL.includes(column)) measures[column] += line.measures[column];
    }
    for (const [value, measures] of byValue)
      out.push({ ...base, shard: shardFor(dimension), dimension, value, measures });
  }
  return out;
}

export const contributionKey = (c: Omit<Contribution, 'measures'>) =>
  [c.dimension, c.period, c.legalEntityId, c.currency, c.value, c.shard].join('\u0000');

/** Adds contributions into sums by key (the rollups they make): the store, the check and the bench seed. */
export function addContributions(into: Map<string, Contribution>, contributions: Iterable<Contribution>): void {
  for (const c of contributions) {
    const key = contributionKey(c);
    const entry = into.get(key);
    if (!entry) into.set(key, { ...c, measures: { ...c.measures } });
    else for (const column of MEASURE_COLUMNS) entry.measures[column] += c.measures[column];
  }
}

/**
 * What to add to the rollups when a return's facts change from `before` (null: new) to `after`
 * (null: gone). Keys whose every measure is unchanged are left out.
 */
export function rollupDelta(before: ReturnFacts | null, after: ReturnFacts | null): Contribution[] {
  const delta = new Map<string, Contribution>();
  const add = (contributions: Contribution[], sign: 1 | -1) => {
    for (const c of contributions) {
      const key = contributionKey(c);
      const entry = delta.get(key) ?? { ...c, measures: { ...ZERO_MEASURES } };
      for (const column of MEASURE_COLUMNS) entry.measures[column] += sign * c.measures[column];
      delta.set(key, entry);
    }
  };
  if (before) add(contributionsOf(before), -1);
  if (after) add(contributionsOf(after), 1);
  return [...delta.values()].filter((c) => MEASURE_COLUMNS.some((column) => c.measures[column] !== 0));
}
