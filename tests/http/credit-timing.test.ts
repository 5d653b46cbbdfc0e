// Credit timing through the API, on both databases. The settlement policy credits platinum
// customers when their return is authorized and gold ones as their goods are received; everyone
// else after inspection, as before. Credit given ahead of proof is posted into the returns reserve
// when the memo is issued (Dr returns reserve / Cr customer credit); inspection then releases each
// unit's share into sales returns, tax and fee — or, when it contradicts the claim, charges the
// grade's deduction back to the customer's credit — so the reserve of a return nets to zero once
// every unit is inspected, and settlement's openReserveByEntity says what is still held.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreditMemo } from '../../src/contracts/settlement.js';
import { openReserveByEntity } from '../../src/settlement/index.js';
import { DIALECTS } from '../support/databases.js';
import { expectProblem } from './support/problems.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import {
  call,
  ifMatch,
  makeSiteWorld,
  startFlow,
  withCustomer,
  type Flow,
  type SiteWorld,
} from './support/inspection-flow.js';
import { entries, linesOf, netByCode, trialBalanceOf, type Entry } from './support/ledger-flow.js';
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

describe.each(DIALECTS)('credit timing on %s', (dialect) => {
  let t: TestApp;
  let f: Flow;
  let finance: string;
  let manager: string;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    f = await startFlow(t);
    finance = await t.tokenFor('finance');
    manager = await t.tokenFor('cs_manager');
    await publishCreditTiming(f, await t.tokenFor('admin'), { platinum: 'on_authorization', gold: 'on_receipt' });
  });
  afterAll(() => t.close());

  /** A delivered order line of a new product: `shipped` units at 100.00, tax 8.00 a unit. */
  const orderLine = (world: SiteWorld, { shipped = 10 }: { shipped?: number } = {}) =>
    soldLine(f, world, { shipped, tax: 800 * shipped });

  async function memo(id: string): Promise<CreditMemo> {
    const res = await call(f, finance, 'GET', `/credit-memos/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<CreditMemo>();
  }

  const entriesOfMemo = (memoId: string) => entries(f, finance, { sourceType: 'credit_memo', sourceId: memoId });
  const byEvent = (list: Entry[], event: string) => list.filter((e) => e.event === event);
  const reserveOf = async (world: SiteWorld) => (await openReserveByEntity(t.platform.db, world.entity.id)).openMinor;

  async function expectBooksBalanced(world: SiteWorld, period: string) {
    const trial = await trialBalanceOf(f, finance, world.entity.id, period);
    expect(trial.isBalanced).toBe(true);
    expect(trial.totals.debitMinor).toBe(trial.totals.creditMinor);
  }

  const creditsOfLine = (orderLineId: string) =>
    t.platform.db
      .selectFrom('order_line_credits')
      .select(['quantity_invoiced', 'quantity_credited', 'amount_invoiced_minor', 'amount_credited_minor'])
      .where('order_line_id', '=', orderLineId)
      .executeTakeFirstOrThrow();

  it('platinum: credited at authorization, before any goods; issued into the reserve; inspection releases it', async () => {
    const world = await makeSiteWorld(t, { tier: 'platinum' });
    const line = await orderLine(world);
    const rma = await openReturn(f, manager, line, { quantity: 3, expectAuthorized: true });

    // Nothing has arrived, and the credit is there: 3 × 100.00, their tax, less the customer's 15 % fee.
    const [draft] = await memosOfReturn(f, finance, rma.id);
    expect(draft).toMatchObject({
      status: 'draft',
      priceMinor: 30_000,
      taxMinor: 2_400,
      restockingFeeMinor: 4_500,
      deductionMinor: 0,
      totalMinor: 27_900,
    });
    expect(draft!.lines).toEqual([
      expect.objectContaining({
        basis: 'authorization',
        inspectionId: null,
        quantity: 3,
        explanation: "3 × 10000 = 30000; tax 2400; restocking fee 15 % (customer's fault) −4500",
        reserve: {
          status: 'not_booked',
          unitsInspected: 0,
          chargedBackMinor: 0,
          releases: [],
          unitsWithdrawn: 0,
          withdrawals: [],
        },
      }),
    ]);

    const issued = await approveAndIssue(f, finance, draft!);
    const [issueEntry] = await entriesOfMemo(draft!.id);
    // Credit ahead of proof: the customer's credit against the reserve, not sales returns yet.
    expect(linesOf(issueEntry!)).toEqual([
      [RESERVE, 27_900, 0],
      [CUSTOMER_CREDIT, 0, 27_900],
    ]);
    expect(issued.lines[0]!.reserve).toMatchObject({ status: 'held', unitsInspected: 0 });
    expect(await reserveOf(world)).toBe(27_900);

    // The goods arrive: no second credit. Inspection finds them as claimed: the reserve is released.
    const inspectionId = await receiveUnits(f, line, rma.id, 3);
    expect((await memosOfReturn(f, finance, rma.id)).map((m) => m.id)).toEqual([draft!.id]);
    const inspected = await inspectAndDispose(f, inspectionId, { grade: 'A' });
    expect(inspected.claimVerdict).toBe('confirmed');
    const memos = await memosOfReturn(f, finance, rma.id);
    expect(memos).toHaveLength(1);
    expect(memos[0]!.lines).toHaveLength(1);
    expect(memos[0]!.lines[0]!.reserve).toMatchObject({
      status: 'released',
      unitsInspected: 3,
      chargedBackMinor: 0,
      releases: [
        expect.objectContaining({
          inspectionId,
          quantity: 3,
          claimVerdict: 'confirmed',
          releasedMinor: 27_900,
          isPosted: true,
          explanation: 'units 1–3 of 3 inspected; claim borne out; 27900 released from the reserve',
        }),
      ],
    });
    const posted = await entriesOfMemo(draft!.id);
    const [release] = byEvent(posted, 'credit_memo.reserve_released');
    expect(linesOf(release!)).toEqual([
      ['4100', 30_000, 0],
      ['2200', 2_400, 0],
      [RESERVE, 0, 27_900],
      ['4200', 0, 4_500],
    ]);
    // The return's reserve nets to zero; the books balance; nothing is held for the entity.
    expect(netByCode(await entries(f, finance, { rmaId: rma.id }))[RESERVE]).toBeUndefined();
    expect(await reserveOf(world)).toBe(0);
    await expectBooksBalanced(world, issueEntry!.period);
  });

  it('platinum: a return that waits for approval is credited in the transaction that approves it', async () => {
    const world = await makeSiteWorld(t, { tier: 'platinum' });
    // 30 units at 100.00: above the approval rules' value threshold (2,500.00).
    const line = await orderLine(world, { shipped: 30 });
    const created = await call(f, f.agent, 'POST', '/returns', {
      customerId: world.customer.id,
      returnType: 'standard',
      lines: [
        { orderLineId: line.orderLineId, quantity: 30, reasonCode: 'LATE_DELIVERY', claimedCondition: 'unopened' },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    const rma = created.json<{ id: string; status: string; version: number }>();
    expect(rma.status).toBe('pending_approval');
    expect(await memosOfReturn(f, finance, rma.id)).toEqual([]);
    const approved = await call(
      f,
      manager,
      'POST',
      `/returns/${rma.id}/approve`,
      { comment: 'ok' },
      ifMatch(rma.version),
    );
    expect(approved.statusCode, approved.body).toBe(200);
    const [draft] = await memosOfReturn(f, finance, rma.id);
    expect(draft).toMatchObject({ status: 'draft', totalMinor: 324_000, needsFinanceApproval: true });
    expect(draft!.lines).toEqual([expect.objectContaining({ basis: 'authorization', quantity: 30 })]);
  });

  it('gold: credited as goods arrive; a contradicted claim charges the grade’s deduction back', async () => {
    const world = await makeSiteWorld(t, { tier: 'gold' });
    const line = await orderLine(world);
    const rma = await openReturn(f, manager, line, { quantity: 3, expectAuthorized: true });
    expect(await memosOfReturn(f, finance, rma.id)).toEqual([]);

    // Two of three units arrive: they are credited on receipt.
    const first = await receiveUnits(f, line, rma.id, 2);
    const [draft] = await memosOfReturn(f, finance, rma.id);
    expect(draft).toMatchObject({ status: 'draft', totalMinor: 18_600 });
    expect(draft!.lines).toEqual([expect.objectContaining({ basis: 'receipt', inspectionId: null, quantity: 2 })]);

    // Inspected before the memo is issued: proven, but the books take it only with the issue.
    await inspectAndDispose(f, first, { grade: 'A' });
    const proven = await memo(draft!.id);
    expect(proven.version).toBeGreaterThan(draft!.version);
    expect(proven.lines).toHaveLength(1);
    expect(proven.lines[0]!.reserve).toMatchObject({
      status: 'not_booked',
      unitsInspected: 2,
      releases: [expect.objectContaining({ inspectionId: first, isPosted: false, releasedMinor: 18_600 })],
    });
    await approveAndIssue(f, finance, proven);
    const firstPosted = await entriesOfMemo(draft!.id);
    expect(byEvent(firstPosted, 'credit_memo.issued')).toHaveLength(1);
    expect(byEvent(firstPosted, 'credit_memo.reserve_released')).toHaveLength(1);
    expect(netByCode(firstPosted)).toEqual({
      [CUSTOMER_CREDIT]: -18_600,
      '2200': 1_600,
      '4100': 20_000,
      '4200': -3_000,
    });
    expect((await memo(draft!.id)).lines[0]!.reserve).toMatchObject({ status: 'released' });

    // The last unit arrives on a new draft (the first memo is issued), issued before inspection.
    const second = await receiveUnits(f, line, rma.id, 1);
    const later = (await memosOfReturn(f, finance, rma.id)).find((m) => m.id !== draft!.id)!;
    expect(later.lines).toEqual([expect.objectContaining({ basis: 'receipt', quantity: 1, totalMinor: 9_300 })]);
    await approveAndIssue(f, finance, later);
    expect(await reserveOf(world)).toBe(9_300);

    // "Unopened", found at grade C: 40 % of its price charged back, the rest released.
    const inspected = await inspectAndDispose(f, second, { grade: 'C' });
    expect(inspected.claimVerdict).toBe('contradicted');
    const laterPosted = await entriesOfMemo(later.id);
    const [chargeback] = byEvent(laterPosted, 'credit_memo.reserve_released');
    expect(linesOf(chargeback!)).toEqual([
      ['4100', 6_000, 0],
      ['2200', 800, 0],
      [CUSTOMER_CREDIT, 4_000, 0],
      [RESERVE, 0, 9_300],
      ['4200', 0, 1_500],
    ]);
    const line2 = (await memo(later.id)).lines[0]!;
    expect(line2.reserve).toMatchObject({
      status: 'released',
      chargedBackMinor: 4_000,
      releases: [
        expect.objectContaining({
          claimVerdict: 'contradicted',
          grade: 'C',
          chargedBackMinor: 4_000,
          releasedMinor: 5_300,
          explanation:
            'unit 1 of 1 inspected; claim contradicted (found grade C): deduction 40 % −4000 charged back; 5300 released from the reserve',
        }),
      ],
    });
    // The line itself keeps how it was credited; the chargeback is the reserve's.
    expect(line2.explanation).toBe("1 × 10000 = 10000; tax 800; restocking fee 15 % (customer's fault) −1500");
    const audit = await t.platform.db
      .selectFrom('audit_log')
      .select('action')
      .where('stream_id', '=', rma.id)
      .where('action', 'in', ['credit_memo.reserve_released', 'credit_memo.reserve_charged_back'])
      .orderBy('occurred_at')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['credit_memo.reserve_released', 'credit_memo.reserve_charged_back']);

    const all = await entries(f, finance, { rmaId: rma.id });
    expect(netByCode(all)[RESERVE]).toBeUndefined();
    expect(await reserveOf(world)).toBe(0);
    await expectBooksBalanced(world, chargeback!.period);
  });

  it('other tiers are credited after inspection, as before: no reserve', async () => {
    const world = await makeSiteWorld(t, { tier: 'silver' });
    const line = await orderLine(world);
    const rma = await openReturn(f, manager, line, { quantity: 2, expectAuthorized: true });
    const inspectionId = await receiveUnits(f, line, rma.id, 2);
    expect(await memosOfReturn(f, finance, rma.id)).toEqual([]);
    await inspectAndDispose(f, inspectionId, { grade: 'A' });
    const [draft] = await memosOfReturn(f, finance, rma.id);
    expect(draft!.lines).toEqual([
      expect.objectContaining({ basis: 'inspection', inspectionId, quantity: 2, reserve: null }),
    ]);
    await approveAndIssue(f, finance, draft!);
    expect(linesOf((await entriesOfMemo(draft!.id))[0]!)).toEqual([
      ['4100', 20_000, 0],
      ['2200', 1_600, 0],
      [CUSTOMER_CREDIT, 0, 18_600],
      ['4200', 0, 3_000],
    ]);
    expect(await reserveOf(world)).toBe(0);
  });

  it('repeated and partial returns of one line are never credited above the invoice', async () => {
    const world = await makeSiteWorld(t, { tier: 'platinum' });
    const line = await orderLine(world, { shipped: 4 });
    const first = await openReturn(f, manager, line, { quantity: 3, expectAuthorized: true });
    const second = await openReturn(f, manager, line, { quantity: 1, expectAuthorized: true });
    expect((await memosOfReturn(f, finance, first.id))[0]!.lines[0]!.quantity).toBe(3);
    expect((await memosOfReturn(f, finance, second.id))[0]!.lines[0]!.quantity).toBe(1);
    const credits = await creditsOfLine(line.orderLineId);
    expect(credits).toMatchObject({ quantity_invoiced: 4, quantity_credited: 4 });
    expect(credits.amount_credited_minor).toBeLessThanOrEqual(credits.amount_invoiced_minor);

    // The first return's goods arrive in two parts and are inspected: proven, never credited again.
    await inspectAndDispose(f, await receiveUnits(f, line, first.id, 2), { grade: 'A' });
    await inspectAndDispose(f, await receiveUnits(f, line, first.id, 1), { grade: 'A' });
    const [memoOfFirst] = await memosOfReturn(f, finance, first.id);
    expect(memoOfFirst!.lines).toHaveLength(1);
    expect(memoOfFirst!.lines[0]!.reserve).toMatchObject({ status: 'not_booked', unitsInspected: 3 });
    expect(await creditsOfLine(line.orderLineId)).toEqual(credits);
    expectProblem(await call(f, finance, 'POST', `/returns/${first.id}/credit-memos`), 409);

    // Issued after both inspections: the reserve is booked and released at once, netting to zero.
    await approveAndIssue(f, finance, memoOfFirst!);
    const posted = await entriesOfMemo(memoOfFirst!.id);
    expect(byEvent(posted, 'credit_memo.reserve_released')).toHaveLength(2);
    expect(netByCode(posted)[RESERVE]).toBeUndefined();
    expect(await reserveOf(world)).toBe(0);
  });

  it('voiding an early memo reverses its reserve; drafting again credits inspected units by inspection', async () => {
    const world = await makeSiteWorld(t, { tier: 'platinum' });
    const line = await orderLine(world);
    const rma = await openReturn(f, manager, line, { quantity: 2, expectAuthorized: true });
    const issued = await approveAndIssue(f, finance, (await memosOfReturn(f, finance, rma.id))[0]!);
    const inspectionId = await receiveUnits(f, line, rma.id, 1);
    await inspectAndDispose(f, inspectionId, { grade: 'A' });
    expect(await reserveOf(world)).toBe(9_300);

    const current = await memo(issued.id);
    const voided = await call(
      f,
      finance,
      'POST',
      `/credit-memos/${issued.id}/void`,
      { reason: 'keyed against the wrong account' },
      ifMatch(current.version),
    );
    expect(voided.statusCode, voided.body).toBe(200);
    expect(voided.json<CreditMemo>().lines[0]!.reserve).toMatchObject({ status: 'void' });
    const posted = await entriesOfMemo(issued.id);
    expect(posted.filter((e) => e.reversesEntryId !== null)).toHaveLength(2);
    expect(netByCode(posted)).toEqual({});
    expect(await reserveOf(world)).toBe(0);
    expect(await creditsOfLine(line.orderLineId)).toMatchObject({ quantity_credited: 0, amount_credited_minor: 0 });

    // Drafted again: the inspected unit by its inspection, the unit still on its way ahead of it.
    const redrafted = await call(f, finance, 'POST', `/returns/${rma.id}/credit-memos`);
    expect(redrafted.statusCode, redrafted.body).toBe(201);
    const again = redrafted.json<CreditMemo>();
    expect(again.lines.map((l) => [l.basis, l.inspectionId, l.quantity]).sort()).toEqual([
      ['authorization', null, 1],
      ['inspection', inspectionId, 1],
    ]);
    expect(await creditsOfLine(line.orderLineId)).toMatchObject({ quantity_credited: 2 });
    expectProblem(await call(f, finance, 'POST', `/returns/${rma.id}/credit-memos`), 409);

    await approveAndIssue(f, finance, again);
    await inspectAndDispose(f, await receiveUnits(f, line, rma.id, 1), { grade: 'A' });
    expect(netByCode(await entries(f, finance, { rmaId: rma.id }))[RESERVE]).toBeUndefined();
    expect(await reserveOf(world)).toBe(0);
  });

  it('a customer reads its own early memo without the reserve; another customer gets a 404', async () => {
    const world = await makeSiteWorld(t, { tier: 'platinum' });
    const neighbour = await withCustomer(t, world, 'platinum');
    const customer = await t.tokenFor('customer', { customerId: world.customer.id });
    const stranger = await t.tokenFor('customer', { customerId: neighbour.customer.id });
    const rma = await openReturn(f, manager, await orderLine(world), { quantity: 1, expectAuthorized: true });
    const [draft] = await memosOfReturn(f, finance, rma.id);
    expectProblem(await call(f, customer, 'GET', `/credit-memos/${draft!.id}`), 404);
    await approveAndIssue(f, finance, draft!);

    const own = await call(f, customer, 'GET', `/credit-memos/${draft!.id}`);
    expect(own.statusCode, own.body).toBe(200);
    const seen = own.json<{ lines: Array<Record<string, unknown>> }>();
    expect(seen.lines[0]).toMatchObject({ basis: 'authorization', quantity: 1 });
    expect(seen.lines[0]).not.toHaveProperty('reserve');
    expectProblem(await call(f, stranger, 'GET', `/credit-memos/${draft!.id}`), 404);
    const listed = await call(f, stranger, 'GET', `/credit-memos?rmaId=${rma.id}`);
    expect(listed.json<{ items: unknown[] }>().items).toEqual([]);
  });
});
