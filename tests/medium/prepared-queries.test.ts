// Prepared queries and rows inserted together (platform/db) on both databases: the SQL compiled
// once must give what the query builder gives for every value and shape, and rows of several
// tables inserted in one statement must land in the right columns, keep foreign keys, and go
// all or nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepared, shapeOf } from '../../src/platform/db/prepared-query.js';
import { insertRows } from '../../src/platform/db/insert-rows.js';
import { runInTransaction } from '../../src/platform/unit-of-work.js';
import { systemContext } from '../../src/platform/actor.js';
import { DIALECTS } from '../support/databases.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';

const ctx = systemContext('test');
const STAMP = { version: 1, created_at: '2026-11-26T10:00:00.000Z', updated_at: '2026-11-26T10:00:00.000Z' };

const entity = (n: number) => ({
  id: `le_prep_${n}`,
  code: `P${n}`,
  name: `Prepared ${n} Ltd`,
  functional_currency: n % 2 ? 'EUR' : 'USD',
  country: 'DE',
  ...STAMP,
});
const site = (n: number, legalEntityId: string) => ({
  id: `site_prep_${n}`,
  code: `S${n}`,
  name: `Site ${n}`,
  legal_entity_id: legalEntityId,
  address_line1: `${n} Dock Road`,
  city: 'Hamburg',
  region: 'HH',
  postal_code: `2045${n}`,
  country: 'DE',
  capabilities: '[]',
  is_active: 1 as const,
  ...STAMP,
});

const entitiesNamed = prepared((db, p: { ids: readonly string[]; currency: string }) =>
  db
    .selectFrom('legal_entities')
    .select(['id', 'name', 'functional_currency'])
    .where('id', 'in', p.ids)
    .where('functional_currency', '=', p.currency)
    .orderBy('id'),
);

describe('the shape of prepared parameters', () => {
  it('changes with array lengths, keys, null and undefined, and not with values', () => {
    expect(shapeOf({ ids: ['a'], n: 1 })).toBe(shapeOf({ ids: ['zzz'], n: 99 }));
    expect(shapeOf({ ids: ['a'] })).not.toBe(shapeOf({ ids: ['a', 'b'] }));
    expect(shapeOf({ a: 1 })).not.toBe(shapeOf({ b: 1 }));
    expect(shapeOf({ a: 1 })).not.toBe(shapeOf({ a: null }));
    expect(shapeOf({ a: 1 })).not.toBe(shapeOf({ a: undefined }));
    expect(shapeOf([{ a: 1, b: 2 }])).not.toBe(shapeOf([{ b: 2, a: 1 }]));
  });
});

describe.each(DIALECTS)('prepared queries and rows inserted together on %s', (dialect) => {
  let t: TestPlatform;
  beforeAll(async () => {
    t = await startTestPlatform(dialect);
    await runInTransaction(t.platform, ctx, (tx) =>
      insertRows(tx.db, tx.dialect, [{ table: 'legal_entities', rows: [1, 2, 3, 4, 5].map(entity) }]),
    );
  });
  afterAll(() => t?.close());

  it('gives what the query builder gives, for every value and list length', async () => {
    const cases = [
      { ids: ['le_prep_1'], currency: 'EUR' },
      { ids: ['le_prep_2'], currency: 'EUR' },
      { ids: ['le_prep_2'], currency: 'USD' },
      { ids: ['le_prep_1', 'le_prep_3', 'le_prep_5'], currency: 'EUR' },
      { ids: ['le_prep_1', 'le_prep_2', 'le_prep_4'], currency: 'USD' },
      { ids: ['le_prep_9'], currency: 'EUR' },
    ];
    for (const params of cases) {
      const expected = await t.platform.db
        .selectFrom('legal_entities')
        .select(['id', 'name', 'functional_currency'])
        .where('id', 'in', params.ids)
        .where('functional_currency', '=', params.currency)
        .orderBy('id')
        .execute();
      expect(await entitiesNamed.execute(t.platform.db, params)).toEqual(expected);
    }
    expect((await entitiesNamed.execute(t.platform.db, cases[3]!)).map((r) => r.id)).toEqual([
      'le_prep_1',
      'le_prep_3',
      'le_prep_5',
    ]);
  });

  it('runs inside the transaction it is given, and sees that transaction’s writes', async () => {
    const seen = await runInTransaction(t.platform, ctx, async (tx) => {
      await insertRows(tx.db, tx.dialect, [{ table: 'legal_entities', rows: [entity(7)] }]);
      return entitiesNamed.execute(tx.db, { ids: ['le_prep_7'], currency: 'EUR' });
    });
    expect(seen.map((r) => r.id)).toEqual(['le_prep_7']);
  });

  it('inserts parents and children of several tables together, every value in its own column', async () => {
    const sites = [site(10, 'le_prep_10'), site(11, 'le_prep_10'), site(12, 'le_prep_11')];
    await runInTransaction(t.platform, ctx, (tx) =>
      insertRows(tx.db, tx.dialect, [
        { table: 'legal_entities', rows: [entity(10), entity(11)] },
        { table: 'sites', rows: sites },
      ]),
    );
    const stored = await t.platform.db
      .selectFrom('sites')
      .selectAll()
      .where(
        'id',
        'in',
        sites.map((s) => s.id),
      )
      .orderBy('id')
      .execute();
    expect(stored).toEqual(sites);
    const parents = await entitiesNamed.execute(t.platform.db, { ids: ['le_prep_10', 'le_prep_11'], currency: 'USD' });
    expect(parents.map((p) => p.name)).toEqual(['Prepared 10 Ltd']);
  });

  it('keeps foreign keys: a child without its parent fails, and nothing of the statement is kept', async () => {
    const attempt = runInTransaction(t.platform, ctx, (tx) =>
      insertRows(tx.db, tx.dialect, [
        { table: 'legal_entities', rows: [entity(20)] },
        { table: 'sites', rows: [site(20, 'le_prep_20'), site(21, 'le_missing')] },
      ]),
    );
    await expect(attempt).rejects.toThrow(/foreign key/i);
    const left = await t.platform.db
      .selectFrom('sites')
      .select('id')
      .where('id', 'in', ['site_prep_20', 'site_prep_21'])
      .execute();
    expect(left).toEqual([]);
    expect(await entitiesNamed.execute(t.platform.db, { ids: ['le_prep_20'], currency: 'USD' })).toEqual([]);
  });
});
