// Partial returns of one order line, at random, through the API on both databases: several returns
// take parts of the shipped quantity, received in one or two goes; inspection confirms the claim or
// contradicts it; each round's units are dispositioned at the same time (Promise.all) while the
// memos of the round before are issued or void, and later rounds credit the units a void freed.
// Afterwards, per order line: units on memos that are not void never exceed what was shipped, nor
// their credit the price and tax invoiced; order_line_credits holds exactly what those memos hold;
// no inspection is on two live memos, and every unit whose memo stands is credited once.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreditMemo } from '../../src/contracts/settlement.js';
import { DIALECTS } from '../support/databases.js';
import { makeProduct } from '../support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { call, completeInspection, ifMatch, makeSiteWorld, startFlow, type Flow } from './support/inspection-flow.js';
import { disposeForCredit, openReturn, soldLine } from './support/settlement-flow.js';

const ROUNDS = 3;
type Fate = 'draft' | 'issued' | 'void_draft' | 'void_issued';

interface PlannedReturn {
  /** Units received in each receipt (each receipt opens one inspection). */
  receipts: number[];
  /** The grade found per receipt: A confirms "unopened", B and C contradict it. */
  grades: Array<'A' | 'B' | 'C'>;
  customerFault: boolean;
  round: number;
  fate: Fate;
}

interface Plan {
  shipped: number;
  price: number;
  tax: number;
  returns: PlannedReturn[];
}

const arbReturn: fc.Arbitrary<PlannedReturn> = fc.record({
  receipts: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 2 }),
  grades: fc.array(fc.constantFrom('A' as const, 'B' as const, 'C' as const), { minLength: 2, maxLength: 2 }),
  customerFault: fc.boolean(),
  round: fc.integer({ min: 0, max: ROUNDS - 1 }),
  fate: fc.constantFrom<Fate>('draft', 'issued', 'void_draft', 'void_issued'),
});

/** The returns cut to what was shipped: together they never ask for more units than the line has. */
const arbPlan: fc.Arbitrary<Plan> = fc
  .record({
    shipped: fc.integer({ min: 2, max: 8 }),
    price: fc.integer({ min: 1, max: 40_000 }),
    // Taxes smaller than the units make the rounding of shares matter most; large ones are the usual case.
    tax: fc.oneof(
      { arbitrary: fc.integer({ min: 0, max: 7 }), weight: 3 },
      { arbitrary: fc.integer({ min: 0, max: 30_000 }), weight: 1 },
    ),
    returns: fc.array(arbReturn, { minLength: 1, maxLength: 5 }),
  })
  .map((plan) => {
    let left = plan.shipped;
    const returns: PlannedReturn[] = [];
    for (const planned of plan.returns) {
      const receipts: number[] = [];
      for (const units of planned.receipts) {
        const taken = Math.min(units, left);
        if (taken > 0) receipts.push(taken);
        left -= taken;
      }
      if (receipts.length > 0) returns.push({ ...planned, receipts });
    }
    return { ...plan, returns };
  });

describe.each(DIALECTS)('credit memos of partial returns, as a property, on %s', (dialect) => {
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

  /** Takes the return's memo where the plan says: left a draft, issued, or void (as a draft or once issued). */
  async function settle(rmaId: string, fate: Fate) {
    const listed = await call(f, finance, 'GET', `/credit-memos?rmaId=${rmaId}`);
    expect(listed.statusCode, listed.body).toBe(200);
    const memos = listed.json<{ items: CreditMemo[] }>().items;
    expect(memos.map((m) => m.status)).toEqual(['draft']);
    let memo = memos[0]!;
    const step = async (action: string, body?: object) => {
      const res = await call(f, finance, 'POST', `/credit-memos/${memo.id}/${action}`, body, ifMatch(memo.version));
      expect(res.statusCode, res.body).toBe(200);
      memo = res.json<CreditMemo>();
    };
    if (fate === 'issued' || fate === 'void_issued') {
      await step('approve');
      await step('issue');
    }
    if (fate === 'void_draft' || fate === 'void_issued') await step('void', { reason: 'credited in error' });
  }

  it('never credits more than invoiced; order_line_credits equals the live memos; each inspection credited once', async () => {
    await fc.assert(
      fc.asyncProperty(arbPlan, async (plan) => {
        const world = await makeSiteWorld(t);
        const line = await soldLine(f, world, {
          product: await makeProduct(t.platform),
          shipped: plan.shipped,
          price: plan.price,
          tax: plan.tax,
        });
        const { orderLineId, product } = line;

        // Every return requested, received and inspected first; dispositions then go round by round.
        const opened: Array<PlannedReturn & { rmaId: string; inspectionIds: string[] }> = [];
        for (const planned of plan.returns) {
          const quantity = planned.receipts.reduce((sum, units) => sum + units, 0);
          const rma = await openReturn(f, manager, line, {
            quantity,
            reasonCode: planned.customerFault ? 'ORDERED_IN_ERROR' : 'LATE_DELIVERY',
          });
          const inspectionIds: string[] = [];
          for (const [index, units] of planned.receipts.entries()) {
            const receipt = await call(f, f.warehouse, 'POST', `/returns/${rma.id}/receipts`, {
              siteId: world.site.id,
              items: [{ productId: product.id, quantity: units }],
            });
            expect(receipt.statusCode, receipt.body).toBe(201);
            const listed = await call(f, f.quality, 'GET', `/returns/${rma.id}/inspections`);
            const fresh = listed
              .json<{ items: Array<{ id: string }> }>()
              .items.map((i) => i.id)
              .filter((id) => !inspectionIds.includes(id));
            expect(fresh).toHaveLength(1);
            inspectionIds.push(fresh[0]!);
            await completeInspection(f, fresh[0]!, { grade: planned.grades[index]! });
          }
          opened.push({ ...planned, rmaId: rma.id, inspectionIds });
        }

        // Round r's units are dispositioned together, while round r − 1's memos are issued or void.
        let settling: Promise<unknown> = Promise.resolve();
        for (let round = 0; round < ROUNDS; round += 1) {
          const inRound = opened.filter((r) => r.round === round);
          await Promise.all([
            settling,
            ...inRound.flatMap((r) => r.inspectionIds.map((id) => disposeForCredit(f, id))),
          ]);
          settling = Promise.all(inRound.map((r) => settle(r.rmaId, r.fate)));
        }
        await settling;

        // What the memos hold, line by line.
        const lines = await t.platform.db
          .selectFrom('credit_memo_lines as l')
          .innerJoin('credit_memos as m', 'm.id', 'l.credit_memo_id')
          .select(['l.inspection_id', 'l.quantity', 'l.tax_minor', 'l.total_minor', 'm.status', 'm.rma_id'])
          .where('l.order_line_id', '=', orderLineId)
          .execute();
        const live = lines.filter((l) => l.status !== 'void');
        const sum = (rows: typeof lines, pick: (row: (typeof lines)[number]) => number) =>
          rows.reduce((total, row) => total + pick(row), 0);
        const liveUnits = sum(live, (l) => l.quantity);
        const liveTax = sum(live, (l) => l.tax_minor);
        const liveTotal = sum(live, (l) => l.total_minor);

        expect(liveUnits).toBeLessThanOrEqual(plan.shipped);
        expect(liveTotal).toBeLessThanOrEqual(plan.price * plan.shipped + plan.tax);
        expect(liveTax).toBeLessThanOrEqual(plan.tax);
        const credits = await t.platform.db
          .selectFrom('order_line_credits')
          .selectAll()
          .where('order_line_id', '=', orderLineId)
          .executeTakeFirst();
        expect({ units: credits?.quantity_credited ?? 0, amount: credits?.amount_credited_minor ?? 0 }).toEqual({
          units: liveUnits,
          amount: liveTotal,
        });

        // No inspection on two live memos; every inspection of a return whose memo stands, on one.
        const liveInspections = live.map((l) => l.inspection_id);
        expect(new Set(liveInspections).size).toBe(liveInspections.length);
        const standing = opened.filter((r) => !r.fate.startsWith('void'));
        expect([...liveInspections].sort()).toEqual(standing.flatMap((r) => r.inspectionIds).sort());
        expect(liveUnits).toBe(sum2(standing.map((r) => r.receipts)));
        // Every inspection was dispositioned, so each is on exactly one memo (live or void).
        expect(lines.map((l) => (l.inspection_id ?? '').split(':void:')[0]).sort()).toEqual(
          opened.flatMap((r) => r.inspectionIds).sort(),
        );
        // Without a void, the credited units hold exactly their cumulative share of the tax.
        if (standing.length === opened.length) expect(liveTax).toBe(Math.round((plan.tax * liveUnits) / plan.shipped));

        // Each memo's header is the sum of its lines.
        const memos = await t.platform.db
          .selectFrom('credit_memos')
          .select(['id', 'status', 'total_minor', 'tax_minor'])
          .where(
            'rma_id',
            'in',
            opened.map((r) => r.rmaId),
          )
          .execute();
        for (const memo of memos) {
          const own = await t.platform.db
            .selectFrom('credit_memo_lines')
            .select(['total_minor', 'tax_minor'])
            .where('credit_memo_id', '=', memo.id)
            .execute();
          expect(memo.total_minor, memo.id).toBe(own.reduce((s, l) => s + l.total_minor, 0));
          expect(memo.tax_minor, memo.id).toBe(own.reduce((s, l) => s + l.tax_minor, 0));
        }
        expect(memos.filter((m) => m.status !== 'void')).toHaveLength(standing.length);
      }),
      { numRuns: dialect === 'postgres' ? 25 : 40 },
    );
  }, 120_000);
});

const sum2 = (parts: number[][]) => parts.flat().reduce((total, units) => total + units, 0);
