// One transaction per use case or workflow: nesting one, or querying around the open one, is
// refused at once — on SQLite it would hang forever (one connection behind a mutex), on PostgreSQL
// it would silently run outside the transaction. Independent transactions are not affected.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInTransaction } from '../../src/platform/unit-of-work.js';
import { NestedTransactionError } from '../../src/platform/db/transaction-scope.js';
import { systemContext } from '../../src/platform/actor.js';
import { findCustomer } from '../../src/masterdata/index.js';
import { DIALECTS } from '../support/databases.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';
import { makeLegalEntity } from '../support/factories.js';

const ctx = systemContext('test');

/** Fails the test instead of hanging it when the promise never settles. */
function within<T>(ms: number, promise: Promise<T>): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`still pending after ${ms} ms: it hangs`)), ms)),
  ]);
}

describe.each(DIALECTS)('transactions on %s', (dialect) => {
  let t: TestPlatform;
  beforeAll(async () => {
    t = await startTestPlatform(dialect);
  });
  afterAll(() => t?.close());

  const auditCount = async () =>
    Number(
      (
        await t.platform.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('refuses a transaction opened inside another, at once, and rolls the outer one back', async () => {
    const before = await auditCount();
    const attempt = runInTransaction(t.platform, ctx, async (tx) => {
      tx.audit({ entityType: 'probe', entityId: 'outer', action: 'probe.outer' });
      await runInTransaction(t.platform, ctx, () => Promise.resolve('inner'));
    });
    const error = await within(2000, attempt).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NestedTransactionError);
    expect((error as Error).message).toMatch(/nested transactions are refused.*Compose steps \(tx, input\)/s);
    expect(await auditCount()).toBe(before);
  });

  it('refuses a query through the root handle while a transaction is open', async () => {
    const attempt = runInTransaction(t.platform, ctx, async () => {
      await findCustomer(t.platform.db, 'cus_nope');
    });
    const error = await within(2000, attempt).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NestedTransactionError);
    expect((error as Error).message).toMatch(/a query ran on the root database handle/);
  });

  it('lets the transaction read and write through tx.db, and runs independent transactions side by side', async () => {
    const entity = await makeLegalEntity(t.platform);
    const results = await within(
      10_000,
      Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          runInTransaction(t.platform, ctx, async (tx) => {
            tx.audit({ entityType: 'probe', entityId: `p${i}`, action: 'probe.parallel' });
            return (
              await tx.db.selectFrom('legal_entities').select('id').where('id', '=', entity.id).executeTakeFirst()
            )?.id;
          }),
        ),
      ),
    );
    expect(results).toEqual(Array(12).fill(entity.id));
  });

  it('still works after a refused nesting (the scope is not left behind)', async () => {
    await runInTransaction(t.platform, ctx, () => runInTransaction(t.platform, ctx, () => Promise.resolve())).catch(
      () => undefined,
    );
    await expect(runInTransaction(t.platform, ctx, () => Promise.resolve('ok'))).resolves.toBe('ok');
    await expect(findCustomer(t.platform.db, 'cus_nope')).resolves.toBeUndefined();
  });
});
