// Credit given ahead of inspection for goods that never come, through the API on both databases.
// A platinum customer is credited when the return is authorized; if the return is then cancelled,
// or expires with nothing shipped, that credit is taken back in the same transaction: a memo not
// yet applied is void (its issue entry and reserve reversed), one already applied stays and the
// customer is charged back (Dr customer credit / Cr returns reserve). Either way the reserve nets
// to zero, the books balance and the customer-credit and reserve subledgers tie to their accounts.
// Recall returns authorized at once are credited ahead of inspection like any other.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreditMemo } from '../../src/contracts/settlement.js';
import type { RaisedRecall } from '../../src/contracts/recalls.js';
import { systemContext } from '../../src/platform/actor.js';
import { runInTransaction } from '../../src/platform/unit-of-work.js';
import { openReserveByEntity } from '../../src/settlement/index.js';
import { withdrawUnreceivedCredit } from '../../src/workflows/index.js';
import { DIALECTS } from '../support/databases.js';
import { makeOrder, makeProduct } from '../support/factories.js';
import { expectProblem } from './support/problems.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { call, ifMatch, makeSiteWorld, startFlow, type Flow, type SiteWorld } from './support/inspection-flow.js';
import { entries, linesOf, netByCode, trialBalanceOf } from './support/ledger-flow.js';
import {
  approveAndIssue,
  inspectAndDispose,
  memosOfReturn,
  openReturn,
  publishCreditTiming,
  receiveUnits,
  soldLine,
} from './support/settlement-flow.js';

const RESERVE = '2400';
const CUSTOMER_CREDIT = '1200';

describe.each(DIALECTS)('credit ahead of goods that never arrive, on %s', (dialect) => {
  let t: TestApp;
  let f: Flow;
  let finance: string;
  let manager: string;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    f = await startFlow(t);
    finance = await t.tokenFor('finance');
    manager = await t.tokenFor('cs_manager');
    await publishCreditTiming(f, await t.tokenFor('admin'), { platinum: 'on_authorization' });
  });
  afterAll(() => t.close());

  /** A platinum customer's delivered line (100.00 a unit, tax 8.00 a unit) and an authorized return of `quantity`. */
  async function creditedReturn(quantity: number, shipped = 10) {
    const world = await makeSiteWorld(t, { tier: 'platinum' });
    const line = await soldLine(f, world, { shipped, tax: 800 * shipped });
    const rma = await openReturn(f, manager, line, { quantity, expectAuthorized: true });
    const [draft] = await memosOfReturn(f, finance, rma.id);
    expect(draft!.lines).toEqual([expect.objectContaining({ basis: 'authorization', quantity })]);
    return { world, line, rma, draft: draft! };
  }

  async function memo(id: string, token = finance): Promise<CreditMemo> {
    const res = await call(f, token, 'GET', `/credit-memos/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<CreditMemo>();
  }

  const cancel = (token: string, rmaId: string) =>
    call(f, token, 'POST', `/returns/${rmaId}/cancel`, { reason: 'not sending it after all' });
  const entriesOfMemo = (memoId: string, token = finance) =>
    entries(f, token, { sourceType: 'credit_memo', sourceId: memoId });
  const reserveOf = async (world: SiteWorld) => (await openReserveByEntity(t.platform.db, world.entity.id)).openMinor;
  const creditsOfLine = (orderLineId: string) =>
    t.platform.db
      .selectFrom('order_line_credits')
      .select(['quantity_credited', 'amount_credited_minor'])
      .where('order_line_id', '=', orderLineId)
      .executeTakeFirstOrThrow();

  /** The trial balance balances and every subledger ties to its control account; the subledgers. */
  async function expectTiedOut(world: SiteWorld, period: string, token = finance) {
    const trial = await trialBalanceOf(f, token, world.entity.id, period);
    expect(trial.isBalanced).toBe(true);
    expect(trial.totals.debitMinor).toBe(trial.totals.creditMinor);
    const res = await call(f, token, 'GET', `/ledger/reconciliation?legalEntityId=${world.entity.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const { subledgers } = res.json<{
      subledgers: Array<{ name: string; ledgerMinor: number; subledgerMinor: number; differenceMinor: number }>;
    }>();
    for (const row of subledgers) expect(row.differenceMinor, row.name).toBe(0);
    return new Map(subledgers.map((row) => [row.name, row]));
  }

  it('a customer cancels before anything ships: the draft is void and the units may be credited again', async () => {
    const { world, line, rma, draft } = await creditedReturn(3);
    const customer = await t.tokenFor('customer', { customerId: world.customer.id });
    const cancelled = await cancel(customer, rma.id);
    expect(cancelled.statusCode, cancelled.body).toBe(200);

    const voided = await memo(draft.id);
    expect(voided).toMatchObject({ status: 'void', voidReason: 'the return was cancelled before its goods arrived' });
    expect(voided.lines[0]!.reserve).toMatchObject({ status: 'void' });
    expect(await entriesOfMemo(draft.id)).toEqual([]);
    expect(await creditsOfLine(line.orderLineId)).toEqual({ quantity_credited: 0, amount_credited_minor: 0 });

    // The order line's units are free again: a new return of them is credited in full.
    const again = await openReturn(f, manager, line, { quantity: 10, expectAuthorized: true });
    const [memoOfAgain] = await memosOfReturn(f, finance, again.id);
    expect(memoOfAgain!.lines).toEqual([expect.objectContaining({ basis: 'authorization', quantity: 10 })]);
  });

  it('cancelled after the memo was issued: the memo is void, its issue reversed, the reserve back to zero', async () => {
    const { world, line, rma, draft } = await creditedReturn(3);
    const issued = await approveAndIssue(f, finance, draft);
    expect(await reserveOf(world)).toBe(27_900);

    const cancelled = await cancel(f.agent, rma.id);
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json<{ status: string }>().status).toBe('cancelled');
    const voided = await memo(issued.id);
    expect(voided).toMatchObject({ status: 'void', creditMemoNumber: issued.creditMemoNumber });
    const posted = await entriesOfMemo(issued.id);
    expect(posted.map((e) => e.event).sort()).toEqual(['credit_memo.issued', 'journal.reversed']);
    expect(netByCode(posted)).toEqual({});
    expect(await reserveOf(world)).toBe(0);
    expect(await creditsOfLine(line.orderLineId)).toEqual({ quantity_credited: 0, amount_credited_minor: 0 });
    const subledgers = await expectTiedOut(world, posted[0]!.period);
    expect(subledgers.get('customer_credits')).toMatchObject({ ledgerMinor: 0, subledgerMinor: 0 });
    expect(subledgers.get('returns_reserve')).toMatchObject({ ledgerMinor: 0, subledgerMinor: 0 });
  });

  it('cancelled after the credit was applied to an invoice: the customer is charged back, the reserve released', async () => {
    const { world, line, rma, draft } = await creditedReturn(3);
    const issued = await approveAndIssue(f, finance, draft);
    const applied = await call(
      f,
      finance,
      'POST',
      `/credit-memos/${issued.id}/apply`,
      undefined,
      ifMatch(issued.version),
    );
    expect(applied.statusCode, applied.body).toBe(200);

    const cancelled = await cancel(f.agent, rma.id);
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    // The document stays applied; the units' credit leaves the customer's credit and the reserve.
    const after = await memo(issued.id);
    expect(after.status).toBe('applied');
    expect(after.lines[0]!.reserve).toMatchObject({
      status: 'withdrawn',
      unitsInspected: 0,
      unitsWithdrawn: 3,
      withdrawals: [
        expect.objectContaining({
          cause: 'cancelled',
          quantity: 3,
          withdrawnMinor: 27_900,
          isPosted: true,
          explanation: 'units 1–3 of 3 never received (return cancelled); 27900 withdrawn',
        }),
      ],
    });
    const posted = await entriesOfMemo(issued.id);
    const [withdrawal] = posted.filter((e) => e.event === 'credit_memo.early_credit_withdrawn');
    expect(linesOf(withdrawal!)).toEqual([
      [CUSTOMER_CREDIT, 27_900, 0],
      [RESERVE, 0, 27_900],
    ]);
    expect(netByCode(posted)[RESERVE]).toBeUndefined();
    expect(await reserveOf(world)).toBe(0);
    // The credit was used against an invoice: the customer owes it back (customer credit in debit).
    const subledgers = await expectTiedOut(world, withdrawal!.period);
    expect(subledgers.get('customer_credits')).toMatchObject({ ledgerMinor: 27_900, subledgerMinor: 27_900 });
    expect(await creditsOfLine(line.orderLineId)).toEqual({ quantity_credited: 0, amount_credited_minor: 0 });
    const audit = await t.platform.db
      .selectFrom('audit_log')
      .select('action')
      .where('stream_id', '=', rma.id)
      .where('action', '=', 'credit_memo.early_credit_withdrawn')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('once some goods arrived the return is worked through, not cancelled; what never comes is withdrawn alone', async () => {
    const { world, line, rma, draft } = await creditedReturn(5);
    const issued = await approveAndIssue(f, finance, draft);
    await inspectAndDispose(f, await receiveUnits(f, line, rma.id, 2), { grade: 'A' });
    expect(await reserveOf(world)).toBe(27_900);

    expectProblem(await cancel(f.agent, rma.id), 409, 'invalid_transition');
    expect((await memo(issued.id)).status).toBe('issued');
    expect(await reserveOf(world)).toBe(27_900);

    // The step the port runs, for a return ended with 2 of its 5 units here (as a close-short would):
    // only units 3–5 are taken back; the memo stays issued and credits the two that came.
    await runInTransaction(t.platform, systemContext('test'), (tx) => withdrawUnreceivedCredit(tx, rma.id, 'expired'));
    const after = await memo(issued.id);
    expect(after.status).toBe('issued');
    expect(after.lines[0]!.reserve).toMatchObject({
      status: 'withdrawn',
      unitsInspected: 2,
      unitsWithdrawn: 3,
      withdrawals: [
        expect.objectContaining({
          quantity: 3,
          withdrawnMinor: 27_900,
          explanation: 'units 3–5 of 5 never received (return expired); 27900 withdrawn',
        }),
      ],
    });
    expect(await reserveOf(world)).toBe(0);
    expect(await creditsOfLine(line.orderLineId)).toEqual({ quantity_credited: 2, amount_credited_minor: 18_600 });
    const posted = await entriesOfMemo(issued.id);
    let subledgers = await expectTiedOut(world, posted[0]!.period);
    expect(subledgers.get('customer_credits')).toMatchObject({ ledgerMinor: -18_600 });

    // Applied afterwards, it clears only what is still the customer's: the two units that came.
    const current = await memo(issued.id);
    const applied = await call(
      f,
      finance,
      'POST',
      `/credit-memos/${issued.id}/apply`,
      undefined,
      ifMatch(current.version),
    );
    expect(applied.statusCode, applied.body).toBe(200);
    subledgers = await expectTiedOut(world, posted[0]!.period);
    expect(subledgers.get('customer_credits')).toMatchObject({ ledgerMinor: 0, subledgerMinor: 0 });
    // Nothing more to take back, however often the step runs.
    await runInTransaction(t.platform, systemContext('test'), (tx) => withdrawUnreceivedCredit(tx, rma.id, 'expired'));
    expect((await memo(issued.id)).lines[0]!.reserve!.withdrawals).toHaveLength(1);
  });

  it('withdrawn before the memo is issued: the issue books the reserve and takes the withdrawal out with it', async () => {
    const { world, line, rma, draft } = await creditedReturn(5);
    await inspectAndDispose(f, await receiveUnits(f, line, rma.id, 2), { grade: 'A' });
    await runInTransaction(t.platform, systemContext('test'), (tx) => withdrawUnreceivedCredit(tx, rma.id, 'expired'));
    const pending = await memo(draft.id);
    expect(pending.lines[0]!.reserve).toMatchObject({
      status: 'not_booked',
      unitsWithdrawn: 3,
      withdrawals: [expect.objectContaining({ isPosted: false })],
    });

    await approveAndIssue(f, finance, pending);
    const posted = await entriesOfMemo(draft.id);
    expect(posted.map((e) => e.event).sort()).toEqual([
      'credit_memo.early_credit_withdrawn',
      'credit_memo.issued',
      'credit_memo.reserve_released',
    ]);
    expect(netByCode(posted)).toEqual({ [CUSTOMER_CREDIT]: -18_600, '2200': 1_600, '4100': 20_000, '4200': -3_000 });
    expect(await reserveOf(world)).toBe(0);
    await expectTiedOut(world, posted[0]!.period);
  });

  it('a recall return authorized at once credits a trusted customer ahead of inspection', async () => {
    const world = await makeSiteWorld(t, { tier: 'platinum' });
    const product = await makeProduct(t.platform, { isLotControlled: true });
    const lot = `LOT-${dialect}-EARLY`;
    await makeOrder(t.platform, {
      customerId: world.customer.id,
      legalEntityId: world.entity.id,
      lines: [
        { productId: product.id, quantityShipped: 4, unitPriceMinor: 10_000, taxMinor: 3_200, lotsShipped: [lot] },
      ],
    });
    const raised = await call(f, f.quality, 'POST', '/recalls', {
      productId: product.id,
      lots: [lot],
      reason: 'Seal failure in this lot',
    });
    expect(raised.statusCode, raised.body).toBe(201);
    const [recalled] = raised.json<RaisedRecall>().rmas;
    expect(recalled).toMatchObject({ status: 'authorized', units: 4 });
    const [draft] = await memosOfReturn(f, finance, recalled!.rmaId);
    expect(draft).toMatchObject({ status: 'draft', priceMinor: 40_000, taxMinor: 3_200 });
    expect(draft!.lines).toEqual([expect.objectContaining({ basis: 'authorization', quantity: 4 })]);
  });

  // Last: the sweep expires every due authorization of this database, the earlier tests' included.
  it('an authorization that expires with nothing shipped takes its issued credit back in the sweep', async () => {
    const { world, line, rma, draft } = await creditedReturn(2);
    const issued = await approveAndIssue(f, finance, draft);
    expect(await reserveOf(world)).toBe(18_600);
    t.clock.advanceDays(31);
    try {
      // Tokens from today have expired a month later.
      const ops = await t.tokenFor('ops_manager', { email: 'ops.unreceived@test.local' });
      const financeLater = await t.tokenFor('finance', { email: 'finance.unreceived@test.local' });
      const run = await call(f, ops, 'POST', '/returns/expire-due', {});
      expect(run.statusCode, run.body).toBe(200);
      expect(run.json<{ expired: string[] }>().expired).toContain(rma.id);

      const voided = await memo(issued.id, financeLater);
      expect(voided).toMatchObject({ status: 'void', voidReason: 'the return was expired before its goods arrived' });
      const posted = await entriesOfMemo(issued.id, financeLater);
      const reversal = posted.find((e) => e.event === 'journal.reversed')!;
      expect(netByCode(posted)).toEqual({});
      expect(await reserveOf(world)).toBe(0);
      expect(await creditsOfLine(line.orderLineId)).toEqual({ quantity_credited: 0, amount_credited_minor: 0 });
      await expectTiedOut(world, reversal.period, financeLater);
    } finally {
      t.clock.advanceDays(-31);
    }
  });
});
