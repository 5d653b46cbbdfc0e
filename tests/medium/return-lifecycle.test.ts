// Return authorization and the facts of later stages, called as use cases, steps and workflows
// on a real database (no HTTP): the RMA's status is its authorization, progress comes from facts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/platform/errors.js';
import { approveRma, cancelRma, expireDueAuthorizations, getRma, requestReturn } from '../../src/returns/index.js';
import { loadReturnFacts } from '../../src/workflows/index.js';
import { runInTransaction } from '../../src/platform/unit-of-work.js';
import { fixedClock } from '../../src/platform/clock.js';
import { DIALECTS } from '../support/databases.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';
import { makeWorld } from '../support/factories.js';
import { agent, makeRma, makeUnauthorizedArrival, manager } from '../support/return-factories.js';

describe.each(DIALECTS)('return lifecycle on %s', (dialect) => {
  let t: TestPlatform;
  beforeAll(async () => {
    t = await startTestPlatform(dialect);
  });
  afterAll(() => t?.close());

  it.each(['pending_approval', 'authorized', 'rejected', 'cancelled', 'expired'] as const)(
    'makes a return that is %s through the real use cases, with the matching progress',
    async (status) => {
      const { rma } = await makeRma(t.platform, { status });
      expect(rma.status).toBe(status);
      const expectedStage =
        { pending_approval: 'awaiting_approval', authorized: 'awaiting_shipment' }[status as string] ?? status;
      expect(rma.progress.stage).toBe(expectedStage);
      expect(rma.lines[0]!.progress.units).toMatchObject({ total: 2, expected: 2 });
    },
  );

  it('composes the request step into a caller’s transaction, and rolls it back with it', async () => {
    const world = await makeWorld(t.platform);
    const request = {
      customerId: world.customer.id,
      returnType: 'standard' as const,
      note: '',
      customerReference: 'composed',
      lines: [
        {
          orderLineId: world.orderLine.id,
          quantity: 3,
          reasonCode: 'ORDERED_IN_ERROR',
          claimedCondition: 'unopened' as const,
          note: '',
          serials: [],
          lots: [],
        },
      ],
    };
    const failed = await runInTransaction(t.platform, agent, async (tx) => {
      await requestReturn(tx, request);
      throw new Error('a later step failed');
    }).catch((e: unknown) => e);
    expect((failed as Error).message).toBe('a later step failed');
    // Nothing of the rolled-back request holds quantity: all 10 units are still returnable.
    const rma = await runInTransaction(t.platform, agent, (tx) =>
      requestReturn(tx, { ...request, lines: [{ ...request.lines[0]!, quantity: 10 }] }),
    );
    expect(rma.status).toBe('authorized');
  });

  it('records an unauthorized arrival as an RMA awaiting a decision with receiving’s facts behind it', async () => {
    const { rma } = await makeUnauthorizedArrival(t.platform, undefined, 3);
    expect(rma).toMatchObject({ status: 'pending_approval', isUnauthorized: true });
    expect(rma.progress).toMatchObject({
      stage: 'awaiting_approval',
      label: 'Arrived (3 of 3 units), awaiting approval',
      units: { total: 3, expected: 0, awaitingInspection: 3 },
    });
    const cancel = await cancelRma(t.platform, agent, rma.id, 'no', undefined, loadReturnFacts).catch(
      (e: unknown) => e,
    );
    expect(cancel).toBeInstanceOf(AppError);
    expect((cancel as AppError).code).toBe('invalid_transition');
    const accepted = await approveRma(t.platform, manager, rma.id, 'accepted', undefined, loadReturnFacts);
    expect(accepted).toMatchObject({
      status: 'authorized',
      expiresOn: null,
      progress: { stage: 'awaiting_inspection' },
    });
  });

  it('never expires a return whose goods have arrived', async () => {
    const { rma } = await makeUnauthorizedArrival(t.platform);
    await approveRma(t.platform, manager, rma.id, 'accepted', undefined, loadReturnFacts);
    const nextYear = { ...t.platform, clock: fixedClock('2027-12-01T02:00:00.000Z') };
    const run = await expireDueAuthorizations(
      nextYear,
      { ...agent, actor: { ...agent.actor, role: 'ops_manager' } },
      loadReturnFacts,
    );
    expect(run.expired).not.toContain(rma.id);
    expect((await getRma(t.platform, agent, rma.id, loadReturnFacts)).status).toBe('authorized');
  });
});
