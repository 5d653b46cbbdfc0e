import { describe, expect, it } from 'vitest';
import { formatSummary, judge } from './summary.js';
import { busyShare, describeLayers, layerOf, timeByLayer, type CpuProfile } from './cpu-profile.js';
import { describeStepShares } from './stats.js';
import { skippedResult, type ScenarioResult } from './results.js';

const row = (overrides: Partial<ScenarioResult>): ScenarioResult => ({
  name: 'lifecycle',
  database: 'sqlite',
  perSecond: 0,
  p50Ms: 0,
  p99Ms: 0,
  baselinePerSecond: 0,
  ...overrides,
});

describe('the targets', () => {
  it('judges the lifecycle on SQLite against 300 a second, and says how far it is', () => {
    expect(judge(row({ perSecond: 320 }))).toMatchObject({ met: true });
    expect(judge(row({ perSecond: 30 }))).toMatchObject({
      met: false,
      by: '270 lifecycles/s short: 10 % of the target, 10× to go',
    });
  });

  it('judges the lifecycle on PostgreSQL against 60 % of its raw rate in the same run', () => {
    expect(judge(row({ database: 'postgres', perSecond: 130, baselinePerSecond: 200 }))).toMatchObject({
      met: true,
      target: '≥ 60 % of the raw transaction-equivalent rate (120 lifecycles/s)',
    });
    expect(judge(row({ database: 'postgres', perSecond: 60, baselinePerSecond: 200 }))?.met).toBe(false);
  });

  it('judges scans on p99, dashboards on p95, the import on its time and memory on RSS', () => {
    expect(judge(row({ name: 'scan', p99Ms: 19.9 }))?.met).toBe(true);
    expect(judge(row({ name: 'scan', p99Ms: 40 }))).toMatchObject({ met: false, by: '20 ms over: 2× the limit' });
    expect(judge(row({ name: 'dashboard-1m', p95Ms: 80, p99Ms: 300 }))?.met).toBe(true);
    expect(judge(row({ name: 'dashboard-1m', p99Ms: 300 }))?.met).toBe(false);
    expect(judge(row({ name: 'uci-import', perSecond: 10_000 }))?.met).toBe(true);
    expect(judge(row({ name: 'uci-import', perSecond: 5_000 }))?.met).toBe(false);
    expect(judge(row({ name: 'rss-1m', rssMb: 240 }))?.met).toBe(true);
    expect(judge(row({ name: 'rss-1m' }))).toMatchObject({ met: false, by: 'not recorded' });
    expect(judge(row({ name: 'relay-lag' }))).toBeNull();
  });
});

describe('the Markdown summary', () => {
  const summary = formatSummary(
    {
      scenarios: [
        row({ perSecond: 30, p50Ms: 500, p99Ms: 900, baselinePerSecond: 1000, limits: 'one busy core' }),
        skippedResult('lifecycle', 'postgres', 'no PostgreSQL: set BOOMERANG_TEST_PG_URL'),
        row({ name: 'scan', perSecond: 400, p50Ms: 5, p99Ms: 12, baselinePerSecond: 6000 }),
      ],
    },
    { date: '2026-01-01 10:00 UTC', machine: 'test', quick: true, missing: { 'uci-import': 'not wired in' } },
  );

  it('has a row per scenario and database with its verdict', () => {
    expect(summary).toContain('| lifecycle | sqlite | 30 lifecycles/s');
    expect(summary).toContain('**missed**: 270 lifecycles/s short');
    expect(summary).toContain('| lifecycle | postgres | skipped |');
    expect(summary).toMatch(/\| scan \| sqlite \| p99 12 ms.* \| met \|/);
  });

  it('says what limits a missed target, and why a required scenario was not measured', () => {
    expect(summary).toContain('- **lifecycle on sqlite** missed by 270 lifecycles/s short');
    expect(summary).toContain('  - one busy core');
    expect(summary).toContain('- **uci-import**: not wired in.');
    expect(summary).toContain('- **dashboard-1m**: no scenario module produced it in this run.');
  });
});

describe('CPU time by layer', () => {
  it('names the layer of a script', () => {
    expect(layerOf('file:///x/node_modules/zod/v4/core/schemas.js', 'parse')).toBe('zod validation');
    expect(layerOf('file:///x/node_modules/@fastify/helmet/index.js', 'h')).toBe('fastify');
    expect(layerOf('file:///x/node_modules/kysely/dist/esm/dialect/sqlite/sqlite-driver.js', 'q')).toMatch(/^SQLite/);
    expect(layerOf('file:///x/node_modules/kysely/dist/esm/query-compiler/x.js', 'q')).toBe('kysely query building');
    expect(layerOf('file:///work/app/src/inspection/inspection.queries.ts', 'f')).toBe('app: inspection');
    expect(layerOf('node:internal/stream_base_commons', 'writev')).toBe('Node core (http, net, streams)');
    expect(layerOf('', '(garbage collector)')).toBe('garbage collection');
  });

  // root → (idle), app → native `run` under the SQLite driver, zod
  const profile: CpuProfile = {
    nodes: [
      { id: 1, callFrame: { functionName: '(root)', url: '' }, children: [2, 3, 5] },
      { id: 2, callFrame: { functionName: '(idle)', url: '' } },
      {
        id: 3,
        callFrame: { functionName: 'q', url: 'file:///n/node_modules/kysely/dist/esm/dialect/sqlite/d.js' },
        children: [4],
      },
      { id: 4, callFrame: { functionName: 'run', url: '' } },
      { id: 5, callFrame: { functionName: 'parse', url: 'file:///n/node_modules/zod/index.js' } },
    ],
    samples: [2, 2, 4, 4, 4, 5],
    timeDeltas: [1000, 1000, 1000, 1000, 1000, 1000],
    startTime: 0,
    endTime: 6000,
  };

  it('counts a native call toward the layer that made it, and leaves idle time out', () => {
    const layers = timeByLayer(profile);
    expect(layers.map((l) => [l.layer, l.ms, Number(l.share.toFixed(2))])).toEqual([
      ['SQLite (statements run by better-sqlite3)', 3, 0.75],
      ['zod validation', 1, 0.25],
    ]);
    expect(busyShare(profile)).toBeCloseTo(4 / 6);
    expect(describeLayers(layers, 0.3)).toBe('SQLite (statements run by better-sqlite3) 75 %, the rest 25 %');
  });
});

describe('lifecycle steps', () => {
  it('shares the mean lifecycle among its steps, largest first', () => {
    expect(describeStepShares({ ship: [10, 30], credit: [60, 100], close: [] })).toBe(
      'credit 80 % (80.0 ms), ship 20 % (20.0 ms), close 0 % (0.0 ms)',
    );
  });
});
