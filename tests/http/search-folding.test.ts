// Text search folds case for every letter, and answers the same on both databases (SQLite's own
// lower() folds ASCII only, so "ÄNDERUNG" used not to find itself there).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { makeCustomer, makeLegalEntity } from '../support/factories.js';

const NAMES = [
  'ÄNDERUNG Werkzeuge GmbH',
  'Łódź Hurtownia Sp. z o.o.',
  'ÉCOLE Fournitures SARL',
  'ΑΘΗΝΑ Εμπορική',
  'İSTANBUL Ticaret',
];

describe.each(DIALECTS)('search case folding on %s', (dialect) => {
  let t: TestApp;
  let agent: string;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    agent = await t.tokenFor('cs_agent');
    const entity = await makeLegalEntity(t.platform);
    for (const name of NAMES) await makeCustomer(t.platform, entity.id, { name });
  });
  afterAll(() => t?.close());

  const find = async (q: string): Promise<string[]> => {
    const res = await t.request(agent, { method: 'GET', url: `/api/v1/customers?q=${encodeURIComponent(q)}` });
    return res.json<{ items: Array<{ name: string }> }>().items.map((c) => c.name);
  };

  it.each([
    ['ÄNDERUNG', NAMES[0]],
    ['änderung', NAMES[0]],
    ['Änderung werkzeuge', NAMES[0]],
    ['łódź', NAMES[1]],
    ['ŁÓDŹ', NAMES[1]],
    ['école', NAMES[2]],
    ['αθηνα', NAMES[3]],
    ['ΕΜΠΟΡΙΚΉ', NAMES[3]],
    ['istanbul', NAMES[4]],
  ])('finds a customer by %s', async (q, name) => {
    expect(await find(q)).toEqual([name]);
  });
});
