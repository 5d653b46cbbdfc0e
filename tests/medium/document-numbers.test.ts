// Document numbers: RMA numbers from a sequence (gaps allowed, nothing held until commit), credit
// memo numbers gap-free per legal entity even when transactions roll back and race each other.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInTransaction } from '../../src/platform/unit-of-work.js';
import { systemContext } from '../../src/platform/actor.js';
import { nextDocumentNumber, SEQUENCE_BLOCK } from '../../src/platform/document-numbers.js';
import { startPlatform } from '../../src/server/platform.js';
import { DIALECTS } from '../support/databases.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';

const ctx = systemContext('numbering-test');

describe.each(DIALECTS)('document numbers on %s', (dialect) => {
  let t: TestPlatform;
  beforeAll(async () => {
    t = await startTestPlatform(dialect);
  });
  afterAll(() => t?.close());

  const take = (type: 'rma' | 'credit_memo', entity: string, fail = false) =>
    runInTransaction(t.platform, ctx, async (tx) => {
      const number = await nextDocumentNumber(tx, type, entity);
      if (fail) throw new Error('rolled back');
      return number;
    });

  it('gives gap-free credit memo numbers per legal entity, whatever rolls back or races', async () => {
    const attempts = Array.from({ length: 30 }, (_, i) => ({
      entity: i % 2 === 0 ? 'le_a' : 'le_b',
      fail: i % 5 === 0,
    }));
    const results = await Promise.allSettled(attempts.map((a) => take('credit_memo', a.entity, a.fail)));
    for (const entity of ['le_a', 'le_b']) {
      const issued = results
        .filter((r, i) => attempts[i]!.entity === entity && r.status === 'fulfilled')
        .map((r) => (r as PromiseFulfilledResult<string>).value)
        .sort();
      const count = attempts.filter((a) => a.entity === entity && !a.fail).length;
      expect(issued).toEqual(Array.from({ length: count }, (_, i) => `CM-${String(i + 1).padStart(7, '0')}`));
    }
  });

  it('gives unique RMA numbers to concurrent requests', async () => {
    const numbers = await Promise.all(Array.from({ length: 25 }, () => take('rma', 'le_a')));
    expect(new Set(numbers).size).toBe(25);
    for (const n of numbers) expect(n).toMatch(/^RMA-\d{7}$/);
  });

  it('hands out RMA numbers in order within a process, and a second process never repeats one', async () => {
    const first: string[] = [];
    for (let i = 0; i < 4; i++) first.push(await take('rma', 'le_a'));
    const values = first.map((n) => Number(n.slice(4)));
    expect(values).toEqual(values.map((_, i) => values[0]! + i));

    const other = await startPlatform({ databaseUrl: t.database.url, clock: t.clock });
    try {
      const fromOther = await Promise.all(
        Array.from({ length: 2 * SEQUENCE_BLOCK }, () =>
          runInTransaction(other, ctx, (tx) => nextDocumentNumber(tx, 'rma', 'le_a')),
        ),
      );
      for (let i = 0; i < 2 * SEQUENCE_BLOCK; i++) first.push(await take('rma', 'le_a'));
      const all = [...first, ...fromOther];
      expect(new Set(all).size).toBe(all.length);
    } finally {
      await other.close();
    }
  });
});
