// The audit trail's threat model, one test per threat, on each database. Writers insert events
// without touching a shared row; the sealer chains them after commit. Once sealed, an event that is
// edited, deleted, inserted or moved, or a tail that is cut off, is reported at the place it happened.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runInTransaction } from '../../src/platform/unit-of-work.js';
import { systemContext } from '../../src/platform/actor.js';
import { hashAuditEvent } from '../../src/platform/audit-trail/audit-chain.js';
import { toChainedContent } from '../../src/platform/audit-trail/audit-log.js';
import { verifyAuditChain } from '../../src/platform/audit-trail/audit-verification.js';
import { sealAuditLog } from '../../src/platform/audit-trail/audit-sealer.js';
import { DIALECTS } from '../support/databases.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';

const ctx = systemContext('audit-test');

describe.each(DIALECTS)('audit trail on %s', (dialect) => {
  let t: TestPlatform;
  /** Events written before the test's own (the default configuration, published at start-up). */
  let base: number;
  beforeEach(async () => {
    t = await startTestPlatform(dialect);
    // The sealer runs on its own after commits; here each test seals when it wants to.
    await t.platform.auditSealer!.stop();
    base = (await t.platform.db.selectFrom('audit_log').select('id').execute()).length;
    for (let i = 1; i <= 6; i++) {
      await runInTransaction(t.platform, ctx, (tx) => {
        tx.audit({ entityType: 'probe', entityId: `p${i}`, action: 'probe.written', after: { n: i } });
        return Promise.resolve();
      });
    }
  });
  afterEach(() => t?.close());

  const db = () => t.platform.db;
  const sealed = () =>
    db().selectFrom('audit_log').selectAll().where('chain_seq', 'is not', null).orderBy('chain_seq').execute();

  it('reports committed events as an unsealed backlog until the sealer chains them', async () => {
    const before = await verifyAuditChain(db());
    expect(before).toMatchObject({ isIntact: true, sealedCount: 0, unsealed: { count: base + 6 } });
    expect(before.unsealed.oldestOccurredAt).not.toBeNull();
    expect(await sealAuditLog(db())).toBe(base + 6);
    const after = await verifyAuditChain(db());
    expect(after).toMatchObject({
      isIntact: true,
      sealedCount: base + 6,
      unsealed: { count: 0, oldestOccurredAt: null },
    });
    expect(after.head.seq).toBe(base + 6);
    // Sealing again finds nothing; a later batch continues the same chain.
    expect(await sealAuditLog(db())).toBe(0);
    await runInTransaction(t.platform, ctx, (tx) => {
      tx.audit({ entityType: 'probe', entityId: 'p7', action: 'probe.written' });
      return Promise.resolve();
    });
    await sealAuditLog(db());
    expect(await verifyAuditChain(db())).toMatchObject({ isIntact: true, sealedCount: base + 7 });
  });

  it('detects an edited event', async () => {
    await sealAuditLog(db());
    await db().updateTable('audit_log').set({ after: '{"n":99}' }).where('chain_seq', '=', 3).execute();
    expect((await verifyAuditChain(db())).firstBreak).toEqual({ seq: 3, reason: 'hash_mismatch' });
  });

  it('detects an edited event whose hash was recomputed, at its successor', async () => {
    await sealAuditLog(db());
    const [, , third] = await sealed();
    const content = { ...toChainedContent(third!), actorName: 'Mallory', seq: 3 };
    await db()
      .updateTable('audit_log')
      .set({ actor_name: 'Mallory', hash: hashAuditEvent(third!.prev_hash!, content) })
      .where('chain_seq', '=', 3)
      .execute();
    expect((await verifyAuditChain(db())).firstBreak).toEqual({ seq: 4, reason: 'prev_hash_mismatch' });
  });

  it('detects a deleted event, at the position that went missing', async () => {
    await sealAuditLog(db());
    await db().deleteFrom('audit_log').where('chain_seq', '=', 4).execute();
    expect((await verifyAuditChain(db())).firstBreak).toEqual({ seq: 4, reason: 'sequence_gap' });
  });

  it('detects an inserted event, even with the positions after it renumbered', async () => {
    await sealAuditLog(db());
    for (let seq = base + 6; seq >= 3; seq--)
      await db()
        .updateTable('audit_log')
        .set({ chain_seq: seq + 1 })
        .where('chain_seq', '=', seq)
        .execute();
    const [first, second] = await sealed();
    const forged = {
      ...toChainedContent(first!),
      id: 'aud_forged',
      action: 'probe.forged',
      seq: 3,
    };
    await db()
      .insertInto('audit_log')
      .values({
        id: forged.id,
        occurred_at: forged.occurredAt,
        actor_id: forged.actorId,
        actor_name: forged.actorName,
        request_id: forged.requestId,
        entity_type: forged.entityType,
        entity_id: forged.entityId,
        stream_id: forged.streamId,
        action: forged.action,
        before: forged.before,
        after: forged.after,
        chain_seq: 3,
        prev_hash: second!.hash,
        hash: hashAuditEvent(second!.hash!, forged),
      })
      .execute();
    // The forged event chains onto its predecessor, but the next one was hashed at another position.
    expect((await verifyAuditChain(db())).firstBreak).toEqual({ seq: 4, reason: 'prev_hash_mismatch' });
  });

  it('detects two events that swapped places', async () => {
    await sealAuditLog(db());
    await db().updateTable('audit_log').set({ chain_seq: 100 }).where('chain_seq', '=', 2).execute();
    await db().updateTable('audit_log').set({ chain_seq: 2 }).where('chain_seq', '=', 5).execute();
    await db().updateTable('audit_log').set({ chain_seq: 5 }).where('chain_seq', '=', 100).execute();
    expect((await verifyAuditChain(db())).firstBreak).toEqual({ seq: 2, reason: 'prev_hash_mismatch' });
  });

  it('detects a truncated tail against the head', async () => {
    await sealAuditLog(db());
    await db().deleteFrom('audit_log').where('chain_seq', '>=', 5).execute();
    const report = await verifyAuditChain(db());
    expect(report).toMatchObject({ isIntact: false, firstBreak: { seq: 5, reason: 'truncated' }, sealedCount: 4 });
  });

  it('chains concurrent writers exactly once each, with no lock shared between them', async () => {
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        runInTransaction(t.platform, ctx, (tx) => {
          tx.audit({ entityType: 'probe', entityId: `c${i}`, action: 'probe.concurrent' });
          tx.audit({ entityType: 'probe', entityId: `c${i}`, action: 'probe.concurrent.second' });
          return Promise.resolve();
        }),
      ),
    );
    // Two sealers at once (as two server processes would run) still chain every event once.
    const [a, b] = await Promise.all([sealAuditLog(db()), sealAuditLog(db())]);
    expect(a + b).toBe(base + 86);
    expect(await verifyAuditChain(db())).toMatchObject({
      isIntact: true,
      sealedCount: base + 86,
      unsealed: { count: 0 },
    });
  });
});
