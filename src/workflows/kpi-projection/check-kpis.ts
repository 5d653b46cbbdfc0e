// The KPI check: recomputes every return's facts from the stages' raw records and compares them
// with the stored ones, then sums the stored facts into rollups and compares those with the
// stored rollups. A difference means a change reached a stage's records without an event that
// names its return (or the rollups were edited): the projection's blind spot, reported by field.
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/database.js';
import type { KpiCheckResult } from '../../contracts/kpi.js';
import {
  MEASURE_COLUMNS,
  clearKpiTables,
  addContributions,
  contributionsOf,
  countStoredFacts,
  deriveReturnFacts,
  readAllRollups,
  readStoredFacts,
  type Contribution,
  type ReturnFacts,
} from '../../kpi/index.js';
import { listRmaIdsAfter } from '../../returns/index.js';
import { gatherReturnRecords } from './gather-return-records.js';
import { refreshKpiFacts } from './project-kpis.js';

const BATCH = 400;
const MAX_REPORTED = 50;

function factDifferences(stored: ReturnFacts | undefined, recomputed: ReturnFacts) {
  if (!stored) return [{ rmaId: recomputed.rmaId, field: 'facts', stored: null, recomputed: 'present' }];
  const out: KpiCheckResult['factDifferences'] = [];
  const scalar = [
    'period',
    'legalEntityId',
    'currency',
    'customerId',
    'siteId',
    'channel',
    'returnType',
    'status',
    'settledAt',
  ] as const;
  for (const field of scalar)
    if (stored[field] !== recomputed[field])
      out.push({ rmaId: recomputed.rmaId, field, stored: stored[field], recomputed: recomputed[field] });
  for (const column of MEASURE_COLUMNS)
    if (stored.measures[column] !== recomputed.measures[column])
      out.push({
        rmaId: recomputed.rmaId,
        field: column,
        stored: stored.measures[column],
        recomputed: recomputed.measures[column],
      });
  const storedLines = new Map(stored.lines.map((l) => [l.rmaLineId, l]));
  for (const line of recomputed.lines) {
    const mine = storedLines.get(line.rmaLineId);
    for (const column of MEASURE_COLUMNS)
      if ((mine?.measures[column] ?? null) !== line.measures[column])
        out.push({
          rmaId: recomputed.rmaId,
          field: `line ${line.rmaLineId} ${column}`,
          stored: mine?.measures[column] ?? null,
          recomputed: line.measures[column],
        });
  }
  return out;
}

export async function checkKpis(db: Kysely<DB>): Promise<KpiCheckResult> {
  const started = Date.now();
  const factDiffs: KpiCheckResult['factDifferences'] = [];
  const expected = new Map<string, Contribution>();
  let checked = 0;
  let after = '';
  for (;;) {
    const ids = await listRmaIdsAfter(db, after, BATCH);
    if (ids.length === 0) break;
    after = ids[ids.length - 1]!;
    const [stored, records] = await Promise.all([readStoredFacts(db, ids), gatherReturnRecords(db, ids)]);
    for (const record of records) {
      const recomputed = deriveReturnFacts(record);
      checked += 1;
      if (factDiffs.length < MAX_REPORTED) factDiffs.push(...factDifferences(stored.get(record.rmaId), recomputed));
      // The rollups are checked against the stored facts: each is then held by the other.
      const facts = stored.get(record.rmaId);
      if (facts) addContributions(expected, contributionsOf(facts));
    }
  }
  const rollupDiffs: KpiCheckResult['rollupDifferences'] = [];
  const stored = await readAllRollups(db);
  const keys = new Set([...stored.keys(), ...expected.keys()]);
  for (const key of keys)
    for (const column of MEASURE_COLUMNS) {
      const have = stored.get(key)?.[column] ?? 0;
      const want = expected.get(key)?.measures[column] ?? 0;
      if (have !== want && rollupDiffs.length < MAX_REPORTED)
        rollupDiffs.push({ key: key.replaceAll('\u0000', ' | '), measure: column, stored: have, recomputed: want });
    }
  const storedCount = await countStoredFacts(db);
  if (storedCount !== checked && factDiffs.length < MAX_REPORTED)
    factDiffs.push({ rmaId: '*', field: 'returns with facts', stored: storedCount, recomputed: checked });
  return {
    checkedReturns: checked,
    checkedRollups: keys.size,
    factDifferences: factDiffs.slice(0, MAX_REPORTED),
    rollupDifferences: rollupDiffs,
    ok: factDiffs.length === 0 && rollupDiffs.length === 0,
    tookMs: Date.now() - started,
  };
}

/**
 * Rebuilds the KPI tables from the raw records, in batches, each in its own transaction — for a
 * database that had returns before the KPIs existed, or after a check found a difference. Not
 * for a database taking writes at the same time (their projections could interleave).
 */
export async function rebuildKpis(db: Kysely<DB>): Promise<number> {
  await clearKpiTables(db);
  let done = 0;
  let after = '';
  for (;;) {
    const ids = await listRmaIdsAfter(db, after, BATCH);
    if (ids.length === 0) break;
    after = ids[ids.length - 1]!;
    done += await db.transaction().execute((trx) => refreshKpiFacts(trx, ids));
  }
  return done;
}

/** On start-up: a database with returns but no KPI facts (they predate the KPIs) is rebuilt once. */
export async function backfillKpisIfEmpty(db: Kysely<DB>): Promise<number> {
  if ((await countStoredFacts(db)) > 0) return 0;
  const some = await listRmaIdsAfter(db, '', 1);
  if (some.length === 0) return 0;
  return rebuildKpis(db);
}
