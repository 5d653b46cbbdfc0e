// The KPI figures of the demo distributor — every stage's records, written through the same steps
// as production — recomputed from the raw records: the check finds no difference on either
// database, and the dashboard's table answers with figures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform } from '../../src/server/platform.js';
import { fixedClock } from '../../src/platform/clock.js';
import { loadDemoDataIfEmpty } from '../../src/demo/index.js';
import { checkKpis } from '../../src/workflows/index.js';
import { kpiTable } from '../../src/kpi/index.js';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../support/databases.js';

describe.each(DIALECTS)('KPIs of the demo data on %s', (dialect) => {
  let database: TestDatabase;
  let platform: Awaited<ReturnType<typeof startPlatform>>;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    platform = await startPlatform({ databaseUrl: database.url, clock: fixedClock('2026-11-26T10:00:00.000Z') });
    await loadDemoDataIfEmpty(platform, { log: () => {} });
  }, 180_000);
  afterAll(async () => {
    await platform?.close();
    await database?.drop();
  });

  it('recomputes every return and every rollup from the raw records without a difference', async () => {
    const result = await checkKpis(platform.db);
    if (!result.ok) console.log(JSON.stringify(result, null, 2).slice(0, 4000));
    expect(result.checkedReturns).toBeGreaterThan(100);
    expect(result.factDifferences).toEqual([]);
    expect(result.rollupDifferences).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('answers a table by period with figures from every stage', async () => {
    const table = await kpiTable(platform.db, { by: 'period', limit: 100 }, '2026-11-26');
    console.log(JSON.stringify(table.totals, null, 1));
    expect(table.rows.length).toBeGreaterThan(0);
  });
});
