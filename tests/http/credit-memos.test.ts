// Credit memos through the API, on both databases: a disposition puts the inspected units on the
// return's draft (one per return), computed from the original sale under the settlement policy —
// a restocking fee when the customer is at fault, a deduction when inspection contradicts the
// claim, nothing for warranty returns. The draft is approved (finance alone above the limit),
// issued with a gap-free number per legal entity and posted to the ledger in the entity's
// currency, applied, or void (its entry reversed, its units freed). Customers read their own
// issued memos and their PDF, nothing else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreditMemo } from '../../src/contracts/settlement.js';
import { DIALECTS } from '../support/databases.js';
import { makeOrder, makeProduct } from '../support/factories.js';
import { expectProblem } from './support/problems.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import {
  call,
  completeInspection,
  ifMatch,
  makeSiteWorld,
  startFlow,
  withCustomer,
  type Flow,
} from './support/inspection-flow.js';
import { entries, insertRate, linesOf, makeEntityWorld, netByCode } from './support/ledger-flow.js';
import {
  approveAndIssue,
  inspectAndDispose,
  memosOfReturn,
  openReturn,
  receiveUnits,
  soldLine,
  type Findings,
  type SoldLine,
} from './support/settlement-flow.js';

const RATE_DATE = '2026-11-25';

describe.each(DIALECTS)('credit memos on %s', (dialect) => {
  let t: TestApp;
  let f: Flow;
  let finance: string;
  let manager: string;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    f = await startFlow(t);
    finance = await t.tokenFor('finance');
    manager = await t.tokenFor('cs_manager');
  });
  afterAll(() => t.close());

  /** A return of `quantity` units received in one go, inspected and dispositioned. */
  async function creditedReturn(
    line: SoldLine,
    options: { quantity: number; reasonCode?: string; claimedCondition?: string; returnType?: string },
    findings: Findings = { grade: 'A' },
  ) {
    const rma = await openReturn(f, manager, line, options);
    const inspectionId = await receiveUnits(f, line, rma.id, options.quantity, { listingOk: true });
    const inspected = await inspectAndDispose(f, inspectionId, findings);
    return { rma, inspectionId, inspected };
  }

  async function theMemoOf(rmaId: string): Promise<CreditMemo> {
    const memos = await memosOfReturn(f, finance, rmaId);
    expect(memos).toHaveLength(1);
    return memos[0]!;
  }

  const act = (token: string, memo: { id: string }, action: string, headers: Record<string, string>, body?: object) =>
    call(f, token, 'POST', `/credit-memos/${memo.id}/${action}`, body, headers);

  const creditsOfLine = (orderLineId: string) =>
    t.platform.db
      .selectFrom('order_line_credits')
      .select(['quantity_invoiced', 'quantity_credited', 'amount_invoiced_minor', 'amount_credited_minor'])
      .where('order_line_id', '=', orderLineId)
      .executeTakeFirst();

  it('a disposition drafts the return’s memo; a second inspection’s units land on the same draft', async () => {
    const line = await soldLine(f, await makeSiteWorld(t));
    const rma = await openReturn(f, manager, line, { quantity: 3 });
    const first = await receiveUnits(f, line, rma.id, 2, { listingOk: true });
    expect(await memosOfReturn(f, finance, rma.id)).toEqual([]);
    await inspectAndDispose(f, first);

    const draft = await theMemoOf(rma.id);
    expect(draft).toMatchObject({
      creditMemoNumber: null,
      rmaId: rma.id,
      rmaNumber: rma.rmaNumber,
      customerId: line.world.customer.id,
      legalEntityId: line.world.entity.id,
      currency: 'USD',
      status: 'draft',
      // 2 × 100.00, 2/10 of the tax, less the customer's 15 % restocking fee (ordered in error).
      priceMinor: 20_000,
      taxMinor: 1_600,
      restockingFeeMinor: 3_000,
      deductionMinor: 0,
      totalMinor: 18_600,
      needsFinanceApproval: false,
      version: 1,
      approvedBy: null,
      issueEntryId: null,
    });
    expect(draft.lines).toEqual([
      expect.objectContaining({
        inspectionId: first,
        orderLineId: line.orderLineId,
        productSku: line.product.sku,
        quantity: 2,
        unitPriceMinor: 10_000,
        totalMinor: 18_600,
        explanation: "2 × 10000 = 20000; tax 1600; restocking fee 15 % (customer's fault) −3000",
      }),
    ]);
    const read = await call(f, finance, 'GET', `/credit-memos/${draft.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.headers.etag).toBe('"1"');

    const second = await receiveUnits(f, line, rma.id, 1, { listingOk: true });
    await inspectAndDispose(f, second);
    const grown = await theMemoOf(rma.id);
    expect(grown).toMatchObject({
      id: draft.id,
      status: 'draft',
      version: 2,
      priceMinor: 30_000,
      taxMinor: 2_400,
      restockingFeeMinor: 4_500,
      totalMinor: 27_900,
    });
    expect(grown.lines.map((l) => [l.inspectionId, l.quantity, l.taxMinor])).toEqual(
      expect.arrayContaining([
        [first, 2, 1_600],
        [second, 1, 800],
      ]),
    );
    // The stale version of the draft can no longer be approved: the approver saw one line.
    expectProblem(await act(manager, draft, 'approve', ifMatch(draft.version)), 412);
    expect(await creditsOfLine(line.orderLineId)).toEqual({
      quantity_invoiced: 10,
      quantity_credited: 3,
      amount_invoiced_minor: 108_000,
      amount_credited_minor: 27_900,
    });
  });

  it('no restocking fee for a defect; a deduction by the grade found when the claim is contradicted', async () => {
    const world = await makeSiteWorld(t);
    const defect = await creditedReturn(
      await soldLine(f, world),
      { quantity: 2, reasonCode: 'DEFECTIVE', claimedCondition: 'defective' },
      { grade: 'D', defectCodes: ['ELECTRICAL_FAULT'] },
    );
    expect(defect.inspected.claimVerdict).toBe('confirmed');
    expect(await theMemoOf(defect.rma.id)).toMatchObject({
      priceMinor: 20_000,
      taxMinor: 1_600,
      restockingFeeMinor: 0,
      deductionMinor: 0,
      totalMinor: 21_600,
    });

    // "Defective", but no fault found on the bench at grade B: 15 % deducted, no fee (the supplier's reason).
    const noFault = await creditedReturn(
      await soldLine(f, world),
      { quantity: 2, reasonCode: 'DEFECTIVE', claimedCondition: 'defective' },
      { grade: 'B', noFaultFound: true },
    );
    expect(noFault.inspected.claimVerdict).toBe('contradicted');
    const noFaultMemo = await theMemoOf(noFault.rma.id);
    expect(noFaultMemo).toMatchObject({ restockingFeeMinor: 0, deductionMinor: 3_000, totalMinor: 18_600 });
    expect(noFaultMemo.lines[0]!.explanation).toBe(
      '2 × 10000 = 20000; tax 1600; deduction 15 % (claim contradicted, found grade B) −3000',
    );

    // "Unopened", ordered in error, found at grade C: the customer's fee and a 40 % deduction.
    const used = await creditedReturn(await soldLine(f, world), { quantity: 2 }, { grade: 'C' });
    expect(used.inspected.claimVerdict).toBe('contradicted');
    expect(await theMemoOf(used.rma.id)).toMatchObject({
      restockingFeeMinor: 3_000,
      deductionMinor: 8_000,
      totalMinor: 10_600,
    });

    // Found at grade X: a 100 % deduction, capped at what the fee left — the tax alone is given back.
    const wrecked = await creditedReturn(await soldLine(f, world), { quantity: 2 }, { grade: 'X' });
    expect(await theMemoOf(wrecked.rma.id)).toMatchObject({
      priceMinor: 20_000,
      restockingFeeMinor: 3_000,
      deductionMinor: 17_000,
      totalMinor: 1_600,
    });
  });

  it('warranty returns get no credit memo, and the audit says why', async () => {
    const { rma, inspectionId } = await creditedReturn(
      await soldLine(f, await makeSiteWorld(t), { warrantyMonths: 24 }),
      { quantity: 1, returnType: 'warranty', reasonCode: 'WARRANTY_FAILURE', claimedCondition: 'defective' },
      { grade: 'D', defectCodes: ['ELECTRICAL_FAULT'] },
    );
    expect(await memosOfReturn(f, finance, rma.id)).toEqual([]);
    const audit = await t.platform.db
      .selectFrom('audit_log')
      .select(['entity_id', 'after'])
      .where('stream_id', '=', rma.id)
      .where('action', '=', 'credit_memo.not_drafted')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.entity_id).toBe(inspectionId);
    expect(JSON.parse(audit[0]!.after!)).toEqual({
      inspectionId,
      reason: expect.stringMatching(/^warranty returns are not credited in money under settlement policy v\d+$/),
    });
  });

  it('approve, issue and apply take If-Match and the right state; numbers are gap-free per legal entity', async () => {
    const world = await makeSiteWorld(t);
    const other = await makeSiteWorld(t);
    const a = await theMemoOf((await creditedReturn(await soldLine(f, world), { quantity: 1 })).rma.id);
    const b = await theMemoOf((await creditedReturn(await soldLine(f, world), { quantity: 2 })).rma.id);
    const c = await theMemoOf((await creditedReturn(await soldLine(f, other), { quantity: 1 })).rma.id);

    expectProblem(await act(manager, a, 'approve', {}), 428);
    expectProblem(await act(manager, a, 'approve', ifMatch(a.version + 5)), 412);
    expectProblem(await act(f.warehouse, a, 'approve', ifMatch(a.version)), 403);
    expectProblem(await act(f.agent, a, 'approve', ifMatch(a.version)), 403);
    expectProblem(await act(finance, a, 'issue', ifMatch(a.version)), 409);
    expectProblem(await act(finance, a, 'apply', ifMatch(a.version)), 409);
    expectProblem(await act(finance, a, 'issue', {}), 428);

    const approved = await act(manager, a, 'approve', ifMatch(a.version));
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.headers.etag).toBe(`"${a.version + 1}"`);
    const approvedMemo = approved.json<CreditMemo>();
    expect(approvedMemo).toMatchObject({
      status: 'approved',
      approvedBy: 'cs_manager@test.local',
      creditMemoNumber: null,
      version: a.version + 1,
    });
    expectProblem(await act(manager, a, 'approve', ifMatch(approvedMemo.version)), 409);
    expectProblem(await act(manager, a, 'issue', ifMatch(approvedMemo.version)), 403);
    expectProblem(await act(finance, a, 'issue', ifMatch(a.version)), 412);

    const issued = await act(finance, a, 'issue', ifMatch(approvedMemo.version));
    expect(issued.statusCode, issued.body).toBe(200);
    const issuedMemo = issued.json<CreditMemo>();
    expect(issuedMemo).toMatchObject({
      status: 'issued',
      creditMemoNumber: 'CM-0000001',
      issuedBy: 'finance@test.local',
      issueEntryId: expect.any(String),
    });
    expect(issuedMemo.issuedAt).not.toBeNull();
    expectProblem(await act(finance, a, 'issue', ifMatch(issuedMemo.version)), 409);

    expect((await approveAndIssue(f, finance, b)).creditMemoNumber).toBe('CM-0000002');
    // Another legal entity counts its own.
    expect((await approveAndIssue(f, finance, c, manager)).creditMemoNumber).toBe('CM-0000001');

    expectProblem(await act(finance, a, 'apply', ifMatch(approvedMemo.version)), 412);
    expectProblem(await act(manager, a, 'apply', ifMatch(issuedMemo.version)), 403);
    const applied = await act(finance, a, 'apply', ifMatch(issuedMemo.version));
    expect(applied.statusCode, applied.body).toBe(200);
    const appliedMemo = applied.json<CreditMemo>();
    expect(appliedMemo).toMatchObject({ status: 'applied', creditMemoNumber: 'CM-0000001' });
    expect(appliedMemo.appliedAt).not.toBeNull();
    expectProblem(await act(finance, a, 'apply', ifMatch(appliedMemo.version)), 409);
    expectProblem(await act(finance, a, 'void', ifMatch(appliedMemo.version), { reason: 'too late' }), 409);

    const listed = async (query: string) => {
      const res = await call(f, finance, 'GET', `/credit-memos?${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ items: CreditMemo[] }>().items.map((m) => m.creditMemoNumber);
    };
    expect(await listed(`legalEntityId=${world.entity.id}&status=issued`)).toEqual(['CM-0000002']);
    expect(await listed(`legalEntityId=${world.entity.id}&status=applied`)).toEqual(['CM-0000001']);
    expect(await listed(`legalEntityId=${other.entity.id}`)).toEqual(['CM-0000001']);
    expect(await listed(`customerId=${world.customer.id}`)).toHaveLength(2);
    expectProblem(await call(f, finance, 'GET', '/credit-memos?status=lost'), 400);
  });

  it('issuing posts one balanced entry for the return: sales returns and tax against credit and fee income', async () => {
    const line = await soldLine(f, await makeSiteWorld(t));
    // Ordered in error, claimed unopened, found at grade C: fee 30.00 and deduction 80.00 on 200.00.
    const { rma } = await creditedReturn(line, { quantity: 2 }, { grade: 'C' });
    const memo = await approveAndIssue(f, finance, await theMemoOf(rma.id));
    expect(memo).toMatchObject({
      priceMinor: 20_000,
      taxMinor: 1_600,
      restockingFeeMinor: 3_000,
      deductionMinor: 8_000,
    });

    const posted = await entries(f, finance, { sourceType: 'credit_memo', sourceId: memo.id });
    expect(posted).toHaveLength(1);
    const entry = posted[0]!;
    expect(entry).toMatchObject({
      id: memo.issueEntryId,
      legalEntityId: line.world.entity.id,
      currency: 'USD',
      event: 'credit_memo.issued',
      rmaId: rma.id,
      rmaNumber: rma.rmaNumber,
      reversesEntryId: null,
      totalMinor: 13_600,
    });
    expect(entry.description).toContain(memo.creditMemoNumber!);
    expect(linesOf(entry)).toEqual([
      ['4100', 12_000, 0],
      ['2200', 1_600, 0],
      ['1200', 0, 10_600],
      ['4200', 0, 3_000],
    ]);
    // Linked to the return: its entries include the issue.
    expect((await entries(f, finance, { rmaId: rma.id })).map((e) => e.id)).toContain(entry.id);
  });

  it('a memo in another currency is posted at the day’s rate, the rounding left to exchange differences', async () => {
    await insertRate(t, { date: RATE_DATE, quote: 'USD', rate: '1.0843' });
    const world = await makeSiteWorld(t);

    // EUR sale at a USD entity, straight at EUR/USD 1.0843: 389.97 + 24.00 − 58.50 = 355.47 EUR.
    const eur = await soldLine(f, world, { price: 12_999, currency: 'EUR' });
    const eurMemo = await theMemoOf((await creditedReturn(eur, { quantity: 3 })).rma.id);
    expect(eurMemo).toMatchObject({
      currency: 'EUR',
      priceMinor: 38_997,
      taxMinor: 2_400,
      restockingFeeMinor: 5_850,
      totalMinor: 35_547,
    });
    const eurIssued = await approveAndIssue(f, finance, eurMemo);
    expect(eurIssued.creditMemoNumber).toBe('CM-0000001');
    const [eurEntry] = await entries(f, finance, { sourceType: 'credit_memo', sourceId: eurMemo.id });
    expect(eurEntry).toMatchObject({ currency: 'USD', totalMinor: 44_887 });
    // 38997 × 1.0843 = 42284.4471; 2400 × 1.0843 = 2602.32; 35547 × 1.0843 = 38543.6121; 5850 × 1.0843 = 6343.155.
    expect(linesOf(eurEntry!)).toEqual([
      ['4100', 42_284, 0],
      ['2200', 2_602, 0],
      ['7900', 1, 0],
      ['1200', 0, 38_544],
      ['4200', 0, 6_343],
    ]);

    // GBP sale at the same entity: no GBP rate yet, so nothing is issued and no number is used up.
    const gbp = await soldLine(f, world, { price: 24_950, currency: 'GBP' });
    const gbpMemo = await theMemoOf((await creditedReturn(gbp, { quantity: 3 })).rma.id);
    const gbpApproved = await act(finance, gbpMemo, 'approve', ifMatch(gbpMemo.version));
    expect(gbpApproved.statusCode, gbpApproved.body).toBe(200);
    const version = gbpApproved.json<CreditMemo>().version;
    expectProblem(await act(finance, gbpMemo, 'issue', ifMatch(version)), 422, 'rule_violation');
    expect(await theMemoOf(gbpMemo.rmaId)).toMatchObject({ status: 'approved', creditMemoNumber: null, version });
    // Across the euro: GBP → USD = 1.0843 / 0.8712 = 1.244605142332.
    await insertRate(t, { date: RATE_DATE, quote: 'GBP', rate: '0.8712' });
    const gbpIssued = await act(finance, gbpMemo, 'issue', ifMatch(version));
    expect(gbpIssued.statusCode, gbpIssued.body).toBe(200);
    expect(gbpIssued.json<CreditMemo>()).toMatchObject({
      creditMemoNumber: 'CM-0000002',
      priceMinor: 74_850,
      taxMinor: 2_400,
      restockingFeeMinor: 11_228,
      totalMinor: 66_022,
    });
    const [gbpEntry] = await entries(f, finance, { sourceType: 'credit_memo', sourceId: gbpMemo.id });
    expect(linesOf(gbpEntry!)).toEqual([
      ['4100', 93_159, 0],
      ['2200', 2_987, 0],
      ['1200', 0, 82_171],
      ['4200', 0, 13_974],
      ['7900', 0, 1],
    ]);

    // The other way round: a USD sale at a EUR entity, at the inverse of EUR/USD (0.922253988749).
    const euro = await makeEntityWorld(t, 'EUR');
    const usd = await soldLine(f, euro, { price: 15_999 });
    const usdMemo = await theMemoOf((await creditedReturn(usd, { quantity: 3 })).rma.id);
    expect(usdMemo).toMatchObject({ currency: 'USD', totalMinor: 43_197 });
    expect((await approveAndIssue(f, finance, usdMemo)).creditMemoNumber).toBe('CM-0000001');
    const [usdEntry] = await entries(f, finance, { sourceType: 'credit_memo', sourceId: usdMemo.id });
    expect(usdEntry).toMatchObject({ currency: 'EUR', legalEntityId: euro.entity.id });
    expect(linesOf(usdEntry!)).toEqual([
      ['4100', 44_265, 0],
      ['2200', 2_213, 0],
      ['7900', 1, 0],
      ['1200', 0, 39_839],
      ['4200', 0, 6_640],
    ]);
  });

  it('voiding an issued memo reverses its entry and frees its units; later units take the tax that is left', async () => {
    // Three units, tax 1.00 on the line: shares 0.33, 0.34, 0.33.
    const line = await soldLine(f, await makeSiteWorld(t), { shipped: 3, tax: 100 });
    const late = { reasonCode: 'LATE_DELIVERY' };
    const first = await theMemoOf((await creditedReturn(line, { quantity: 1, ...late })).rma.id);
    expect(first).toMatchObject({ taxMinor: 33, totalMinor: 10_033 });
    const issued = await approveAndIssue(f, finance, first);
    const second = await theMemoOf((await creditedReturn(line, { quantity: 1, ...late })).rma.id);
    expect(second).toMatchObject({ taxMinor: 34, totalMinor: 10_034 });
    expect(await creditsOfLine(line.orderLineId)).toMatchObject({
      quantity_credited: 2,
      amount_credited_minor: 20_067,
    });

    const voiding = (token: string, headers: Record<string, string>, body: object) =>
      act(token, issued, 'void', headers, body);
    expectProblem(await voiding(finance, ifMatch(issued.version), {}), 400);
    expectProblem(await voiding(finance, ifMatch(issued.version), { reason: 'no' }), 400);
    expectProblem(await voiding(finance, {}, { reason: 'keyed against the wrong return' }), 428);
    expectProblem(
      await voiding(finance, ifMatch(issued.version - 1), { reason: 'keyed against the wrong return' }),
      412,
    );
    expectProblem(await voiding(manager, ifMatch(issued.version), { reason: 'keyed against the wrong return' }), 403);
    const voided = await voiding(finance, ifMatch(issued.version), { reason: 'keyed against the wrong return' });
    expect(voided.statusCode, voided.body).toBe(200);
    const voidMemo = voided.json<CreditMemo>();
    expect(voidMemo).toMatchObject({
      status: 'void',
      creditMemoNumber: 'CM-0000001',
      voidReason: 'keyed against the wrong return',
      issueEntryId: issued.issueEntryId,
    });
    expect(voidMemo.voidedAt).not.toBeNull();
    // The void memo keeps its lines as they were.
    expect(voidMemo.lines.map((l) => l.inspectionId)).toEqual(first.lines.map((l) => l.inspectionId));
    expectProblem(await voiding(finance, ifMatch(voidMemo.version), { reason: 'once more' }), 409);

    const posted = await entries(f, finance, { sourceType: 'credit_memo', sourceId: first.id });
    expect(posted).toHaveLength(2);
    const reversal = posted.find((e) => e.reversesEntryId === issued.issueEntryId);
    expect(reversal).toBeDefined();
    expect(reversal!.description).toContain('keyed against the wrong return');
    // Each line of the issue, its sides swapped.
    expect(linesOf(reversal!)).toEqual([
      ['4100', 0, 10_000],
      ['2200', 0, 33],
      ['1200', 10_033, 0],
    ]);
    expect(netByCode(posted)).toEqual({});

    // The units are free again; the next unit is credited, with the tax the line has left for it.
    expect(await creditsOfLine(line.orderLineId)).toMatchObject({
      quantity_credited: 1,
      amount_credited_minor: 10_034,
    });
    const third = await theMemoOf((await creditedReturn(line, { quantity: 1, ...late })).rma.id);
    expect(third).toMatchObject({ status: 'draft', taxMinor: 33, totalMinor: 10_033 });
    expect(await creditsOfLine(line.orderLineId)).toMatchObject({
      quantity_credited: 2,
      amount_credited_minor: 20_067,
    });

    // A draft is void without an entry.
    const draftVoid = await act(finance, third, 'void', ifMatch(third.version), { reason: 'credited by hand' });
    expect(draftVoid.statusCode, draftVoid.body).toBe(200);
    expect(await entries(f, finance, { sourceType: 'credit_memo', sourceId: third.id })).toEqual([]);
    expect(await creditsOfLine(line.orderLineId)).toMatchObject({
      quantity_credited: 1,
      amount_credited_minor: 10_034,
    });

    // Finance drafts the void memo's units again: a new draft, computed afresh, and only once.
    const redraft = (token: string) => call(f, token, 'POST', `/returns/${first.rmaId}/credit-memos`);
    expectProblem(await redraft(manager), 403);
    const redrafted = await redraft(finance);
    expect(redrafted.statusCode, redrafted.body).toBe(201);
    expect(redrafted.json<CreditMemo>()).toMatchObject({
      status: 'draft',
      rmaId: first.rmaId,
      lines: [expect.objectContaining({ inspectionId: first.lines[0]!.inspectionId, quantity: 1, taxMinor: 33 })],
    });
    expect(redrafted.json<CreditMemo>().id).not.toBe(first.id);
    expectProblem(await redraft(finance), 409);
    expect(await creditsOfLine(line.orderLineId)).toMatchObject({ quantity_credited: 2 });
  });

  it('a void racing the disposition of the return’s other line never leaves credited units on a void memo', async () => {
    const world = await makeSiteWorld(t);
    // How long the void waits before it starts: it moves towards the moment the disposition adds
    // its line (later while the void wins, earlier once it loses), where the two overlap most.
    let delay = 0;
    for (let round = 0; round < 16; round += 1) {
      const [p1, p2] = [await makeProduct(t.platform), await makeProduct(t.platform)];
      const order = await makeOrder(t.platform, {
        customerId: world.customer.id,
        legalEntityId: world.entity.id,
        lines: [
          { productId: p1.id, quantityShipped: 5 },
          { productId: p2.id, quantityShipped: 5 },
        ],
      });
      const created = await call(f, f.agent, 'POST', '/returns', {
        customerId: world.customer.id,
        returnType: 'standard',
        lines: order.lines.map((l) => ({
          orderLineId: l.id,
          quantity: 1,
          reasonCode: 'LATE_DELIVERY',
          claimedCondition: 'unopened',
        })),
      });
      expect(created.statusCode, created.body).toBe(201);
      const rmaId = created.json<{ id: string }>().id;
      const receipt = await call(f, f.warehouse, 'POST', `/returns/${rmaId}/receipts`, {
        siteId: world.site.id,
        items: [
          { productId: p1.id, quantity: 1 },
          { productId: p2.id, quantity: 1 },
        ],
      });
      expect(receipt.statusCode, receipt.body).toBe(201);
      const inspections = (await call(f, f.quality, 'GET', `/returns/${rmaId}/inspections`)).json<{
        items: Array<{ id: string; productId: string }>;
      }>().items;
      const [first, second] = [p1, p2].map((p) => inspections.find((i) => i.productId === p.id)!.id);
      await completeInspection(f, second!, { grade: 'A' });
      await inspectAndDispose(f, first!);
      const draft = await theMemoOf(rmaId);
      const rec = await call(f, f.quality, 'GET', `/inspections/${second!}/recommendation`);
      const { recommendation } = rec.json<{ recommendation: { code: string; rulesVersion: number } }>();
      const [disposed, voided] = await Promise.all([
        call(f, f.quality, 'POST', `/inspections/${second!}/disposition`, {
          code: recommendation.code,
          rulesVersion: recommendation.rulesVersion,
        }),
        new Promise((resolve) => setTimeout(resolve, delay)).then(() =>
          act(finance, draft, 'void', ifMatch(draft.version), { reason: 'raced on purpose' }),
        ),
      ]);
      expect(disposed.statusCode, disposed.body).toBe(201);
      // The void either came first (the second unit opens a new draft) or lost to the new line (412).
      expect([200, 412], voided.body).toContain(voided.statusCode);
      delay = Math.max(0, delay + (voided.statusCode === 200 ? 2 : -1));
      for (const orderLine of order.lines) {
        const memos = await memosOfReturn(f, finance, rmaId);
        const onLiveMemos = memos
          .filter((m) => m.status !== 'void')
          .flatMap((m) => m.lines)
          .filter((l) => l.orderLineId === orderLine.id)
          .reduce((sum, l) => sum + l.quantity, 0);
        expect((await creditsOfLine(orderLine.id))?.quantity_credited ?? 0, orderLine.id).toBe(onLiveMemos);
      }
    }
  });

  it('above the policy’s limit finance alone approves; below it a CS manager may', async () => {
    const world = await makeSiteWorld(t);
    // Ten units late: 1,000.00 + 80.00 tax, no fee — above the 1,000.00 limit.
    const big = await theMemoOf(
      (await creditedReturn(await soldLine(f, world), { quantity: 10, reasonCode: 'LATE_DELIVERY' })).rma.id,
    );
    expect(big).toMatchObject({ totalMinor: 108_000, needsFinanceApproval: true });
    expectProblem(await act(manager, big, 'approve', ifMatch(big.version)), 403, 'forbidden');
    expectProblem(await act(f.warehouse, big, 'approve', ifMatch(big.version)), 403);
    const byFinance = await act(finance, big, 'approve', ifMatch(big.version));
    expect(byFinance.statusCode, byFinance.body).toBe(200);
    expect(byFinance.json<CreditMemo>()).toMatchObject({ status: 'approved', approvedBy: 'finance@test.local' });

    // Nine units: 900.00 + 72.00, within the limit.
    const small = await theMemoOf(
      (await creditedReturn(await soldLine(f, world), { quantity: 9, reasonCode: 'LATE_DELIVERY' })).rma.id,
    );
    expect(small).toMatchObject({ totalMinor: 97_200, needsFinanceApproval: false });
    expectProblem(await act(f.warehouse, small, 'approve', ifMatch(small.version)), 403);
    const byManager = await act(manager, small, 'approve', ifMatch(small.version));
    expect(byManager.statusCode, byManager.body).toBe(200);
    expect(byManager.json<CreditMemo>()).toMatchObject({ status: 'approved', approvedBy: 'cs_manager@test.local' });
  });

  it('a customer reads its own issued memos and their PDF; drafts and other accounts’ memos are 404', async () => {
    const world = await makeSiteWorld(t);
    const neighbour = await withCustomer(t, world, 'gold');
    const customer = await t.tokenFor('customer', { customerId: world.customer.id });
    const stranger = await t.tokenFor('customer', { customerId: neighbour.customer.id });
    const draft = await theMemoOf((await creditedReturn(await soldLine(f, world), { quantity: 2 })).rma.id);

    expectProblem(await call(f, customer, 'GET', `/credit-memos/${draft.id}`), 404);
    expectProblem(await call(f, customer, 'GET', `/credit-memos/${draft.id}/document.pdf`), 404);
    expect(await memosOfReturn(f, customer, draft.rmaId)).toEqual([]);
    expectProblem(await act(customer, draft, 'approve', ifMatch(draft.version)), 403);
    // Staff read the draft's document.
    const staffPdf = await call(f, f.agent, 'GET', `/credit-memos/${draft.id}/document.pdf`);
    expect(staffPdf.statusCode).toBe(200);

    const issued = await approveAndIssue(f, finance, draft);
    const own = await call(f, customer, 'GET', `/credit-memos/${draft.id}`);
    expect(own.statusCode, own.body).toBe(200);
    const seen = own.json<Record<string, unknown>>();
    expect(seen).toMatchObject({
      id: draft.id,
      creditMemoNumber: issued.creditMemoNumber,
      status: 'issued',
      totalMinor: 18_600,
      customerId: world.customer.id,
    });
    for (const hidden of ['approvedBy', 'issuedBy', 'issueEntryId', 'needsFinanceApproval', 'policyVersion'])
      expect(seen, hidden).not.toHaveProperty(hidden);
    const listed = await call(f, customer, 'GET', '/credit-memos');
    expect(listed.statusCode).toBe(200);
    const items = listed.json<{ items: Array<Record<string, unknown>> }>().items;
    expect(items.map((m) => m.id)).toEqual([draft.id]);
    expect(items[0]).not.toHaveProperty('issueEntryId');

    const pdf = await call(f, customer, 'GET', `/credit-memos/${draft.id}/document.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toContain(`${issued.creditMemoNumber}.pdf`);
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    expectProblem(await call(f, stranger, 'GET', `/credit-memos/${draft.id}`), 404);
    expectProblem(await call(f, stranger, 'GET', `/credit-memos/${draft.id}/document.pdf`), 404);
    const strangers = await call(f, stranger, 'GET', `/credit-memos?customerId=${world.customer.id}`);
    expect(strangers.statusCode).toBe(200);
    expect(strangers.json<{ items: unknown[] }>().items).toEqual([]);
  });
});
