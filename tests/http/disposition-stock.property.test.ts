// Properties of inspection and disposition through the API, on both databases, each run on a
// return of its own:
// 1. Every received unit ends in exactly one status: whatever was received (units or serials),
//    split, graded and decided (any code, forced by override), the stock of the return's units
//    adds up to what was received, each unit sits where its disposition sent it (or still awaits
//    inspection), and the return's progress counts the same.
// 2. No disposition runs twice on the same units: the same decision fired at once, and again,
//    gives exactly one 201 and 409s, and the stock moved once — while another part of the same
//    line, decided in the same burst, is not held up.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import {
  call,
  completeInspection,
  ifMatch,
  makeRepairPartner,
  receivedReturn,
  startFlow,
  stockOf,
  unitsOf,
  type Flow,
} from './support/inspection-flow.js';

/** Where each default disposition code sends the units: stock status and the site's default location. */
const TARGETS: Record<string, { status: string; location: string }> = {
  RESTOCK: { status: 'saleable', location: 'RESTOCK' },
  REFURBISH: { status: 'in_refurbishment', location: 'REFURB' },
  REPAIR_INTERNAL: { status: 'in_repair', location: 'REPAIR' },
  REPAIR_EXTERNAL: { status: 'in_repair', location: 'REPAIR' },
  RETURN_TO_VENDOR: { status: 'on_vendor_return', location: 'RTV' },
  QUARANTINE: { status: 'quarantined', location: 'QUARANTINE' },
  SCRAP: { status: 'scrapped', location: 'SCRAP' },
  HAZARDOUS_DISPOSAL: { status: 'scrapped', location: 'SCRAP' },
  SECONDARY_CHANNEL: { status: 'secondary_channel', location: 'B-STOCK' },
  RETURN_TO_CUSTOMER: { status: 'quarantined', location: 'SHIP-BACK' },
};
const CODES = Object.keys(TARGETS);
const AWAITING = { status: 'awaiting_inspection', location: 'RETURNS-IN' };

type Fate = 'left' | 'inspected' | { code: string };
const fateArbitrary: fc.Arbitrary<Fate> = fc.oneof(
  { weight: 1, arbitrary: fc.constant<Fate>('left') },
  { weight: 1, arbitrary: fc.constant<Fate>('inspected') },
  { weight: 4, arbitrary: fc.constantFrom(...CODES).map<Fate>((code) => ({ code })) },
);

interface Unit {
  id: string;
  quantity: number;
  serial: string | null;
}

describe.each(DIALECTS)('disposition properties on %s', (dialect) => {
  let t: TestApp;
  let f: Flow;
  let supplierId: string;
  let partnerId: string;
  let run = 0;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    f = await startFlow(t);
    const admin = await t.tokenFor('admin');
    const entity = await call(f, admin, 'POST', '/legal-entities', {
      code: 'LE-PROPS',
      name: 'Props',
      functionalCurrency: 'USD',
      country: 'US',
    });
    expect(entity.statusCode, entity.body).toBe(201);
    const supplier = await call(f, admin, 'POST', '/suppliers', {
      code: 'SUP-PROPS',
      name: 'Every Product Ltd',
      legalEntityId: entity.json().id,
      currency: 'USD',
    });
    expect(supplier.statusCode, supplier.body).toBe(201);
    supplierId = supplier.json().id;
    partnerId = (await makeRepairPartner(f, entity.json().id, 'FIX-PROPS')).id;
  });
  afterAll(() => t.close());

  /** A fresh return of units or serials, received whole, with a supplier to return to. */
  async function received(serialCount: number, quantity: number) {
    run += 1;
    const serials = Array.from({ length: serialCount }, (_, i) => `P${run}-SN-${i + 1}`);
    return receivedReturn(f, {
      ...(serialCount > 0 ? { serials } : { quantity }),
      product: { supplierId },
    });
  }

  /** Splits `sizes` units off the unserialized inspection, one split at a time; returns every part. */
  async function split(units: Unit[], sizes: number[]): Promise<Unit[]> {
    const parts = [...units];
    const whole = parts.find((u) => u.serial === null);
    for (const size of sizes) {
      if (!whole || whole.quantity <= 1) break;
      const quantity = 1 + (size % (whole.quantity - 1));
      const current = await call(f, f.quality, 'GET', `/inspections/${whole.id}`);
      const res = await call(
        f,
        f.quality,
        'POST',
        `/inspections/${whole.id}/split`,
        { quantity },
        ifMatch(current.json().version),
      );
      expect(res.statusCode, res.body).toBe(201);
      parts.push({ id: res.json().id, quantity, serial: null });
      whole.quantity -= quantity;
    }
    return parts;
  }

  /** The decision for `code`, forced by override whatever the rules recommend. */
  async function decision(inspectionId: string, code: string) {
    const rec = await call(f, f.quality, 'GET', `/inspections/${inspectionId}/recommendation`);
    expect(rec.statusCode, rec.body).toBe(200);
    return {
      code,
      rulesVersion: rec.json().recommendation.rulesVersion as number,
      overrideReason: 'chosen by the property test',
      ...(code === 'REPAIR_EXTERNAL' ? { partnerId } : {}),
    };
  }

  const tally = (entries: Array<{ status: string; location: string; quantity: number; serial: string | null }>) => {
    const counts = new Map<string, number>();
    for (const e of entries) {
      const key = `${e.status} @ ${e.location} ${e.serial ?? ''}`;
      counts.set(key, (counts.get(key) ?? 0) + e.quantity);
    }
    return Object.fromEntries([...counts].filter(([, n]) => n > 0).sort(([a], [b]) => a.localeCompare(b)));
  };

  it('every received unit ends in exactly one status, the one its disposition names', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          serialCount: fc.integer({ min: 0, max: 3 }),
          quantity: fc.integer({ min: 1, max: 6 }),
          splits: fc.array(fc.nat(10), { maxLength: 3 }),
          grades: fc.array(fc.constantFrom('A', 'B', 'C', 'D', 'X'), { minLength: 6, maxLength: 6 }),
          fates: fc.array(fateArbitrary, { minLength: 6, maxLength: 6 }),
        }),
        async (plan) => {
          const r = await received(plan.serialCount, plan.quantity);
          const receivedUnits = plan.serialCount > 0 ? plan.serialCount : plan.quantity;
          const units = await split(r.inspections, plan.splits);
          expect(units.reduce((n, u) => n + u.quantity, 0)).toBe(receivedUnits);

          const expected: Array<{ status: string; location: string; quantity: number; serial: string | null }> = [];
          const progress = {
            awaitingInspection: 0,
            awaitingDisposition: 0,
            dispositioned: {} as Record<string, number>,
          };
          for (const [i, unit] of units.entries()) {
            const fate = plan.fates[i % plan.fates.length]!;
            if (fate !== 'left') await completeInspection(f, unit.id, { grade: plan.grades[i % plan.grades.length]! });
            if (typeof fate === 'object') {
              const res = await call(f, f.quality, 'POST', `/inspections/${unit.id}/disposition`, {
                ...(await decision(unit.id, fate.code)),
              });
              expect(res.statusCode, res.body).toBe(201);
              expect(res.json()).toMatchObject({
                code: fate.code,
                quantity: unit.quantity,
                targetStatus: TARGETS[fate.code]!.status,
              });
              progress.dispositioned[fate.code] = (progress.dispositioned[fate.code] ?? 0) + unit.quantity;
            } else if (fate === 'inspected') progress.awaitingDisposition += unit.quantity;
            else progress.awaitingInspection += unit.quantity;
            const place = typeof fate === 'object' ? TARGETS[fate.code]! : AWAITING;
            expect(unit.quantity).toBeGreaterThan(0);
            expected.push({ ...place, quantity: unit.quantity, serial: unit.serial });
          }

          const stock = await stockOf(f, r.product.id);
          expect(stock.reduce((n, b) => n + b.quantity, 0)).toBe(receivedUnits);
          expect(tally(stock)).toEqual(tally(expected));
          expect(await unitsOf(f, r.rma.id)).toMatchObject({ total: receivedUnits, ...progress });
        },
      ),
      { numRuns: 15 },
    );
  }, 300_000);

  it('no disposition runs twice on the same units, however many decisions arrive at once', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          quantity: fc.integer({ min: 1, max: 4 }),
          withSibling: fc.boolean(),
          codes: fc.array(fc.constantFrom(...CODES), { minLength: 2, maxLength: 3 }),
          siblingCode: fc.constantFrom(...CODES),
        }),
        async (plan) => {
          const r = await received(0, plan.quantity + (plan.withSibling ? 1 : 0));
          // With a sibling: one unit split off the line into an inspection of its own.
          const units = await split(r.inspections, plan.withSibling ? [0] : []);
          const target = units[0]!;
          expect(target.quantity).toBe(plan.quantity);
          const sibling = units.find((u) => u.id !== target.id);
          for (const u of units) await completeInspection(f, u.id, { grade: 'B' });

          const bodies = await Promise.all(plan.codes.map((code) => decision(target.id, code)));
          const siblingBody = sibling ? await decision(sibling.id, plan.siblingCode) : null;
          const burst = await Promise.all([
            ...bodies.map((body) => call(f, f.quality, 'POST', `/inspections/${target.id}/disposition`, body)),
            ...(sibling && siblingBody
              ? [call(f, f.quality, 'POST', `/inspections/${sibling.id}/disposition`, siblingBody)]
              : []),
          ]);
          const mine = burst.slice(0, bodies.length);
          expect(mine.map((res) => res.statusCode).sort()).toEqual([201, ...bodies.slice(1).map(() => 409)]);
          const winner = mine.find((res) => res.statusCode === 201)!.json<{ code: string }>();
          if (sibling) expect(burst.at(-1)!.statusCode, burst.at(-1)!.body).toBe(201);

          // And once more, after the fact.
          const late = await call(f, f.quality, 'POST', `/inspections/${target.id}/disposition`, bodies[0]);
          expect(late.statusCode, late.body).toBe(409);

          const expected = [{ ...TARGETS[winner.code]!, quantity: plan.quantity, serial: null }];
          if (sibling) expected.push({ ...TARGETS[plan.siblingCode]!, quantity: 1, serial: null });
          expect(tally(await stockOf(f, r.product.id))).toEqual(tally(expected));
          const dispositions = await call(f, f.quality, 'GET', `/returns/${r.rma.id}/dispositions`);
          expect(dispositions.json().items).toHaveLength(sibling ? 2 : 1);
          const moves = await call(f, f.warehouse, 'GET', `/stock/movements?productId=${r.product.id}&pageSize=200`);
          expect(moves.statusCode, moves.body).toBe(200);
          const fromAwaiting = moves
            .json<{ items: Array<{ from: { status: string } | null; quantity: number }> }>()
            .items.filter((m) => m.from?.status === 'awaiting_inspection');
          expect(fromAwaiting.reduce((n, m) => n + m.quantity, 0)).toBe(plan.quantity + (sibling ? 1 : 0));
        },
      ),
      { numRuns: 15 },
    );
  }, 300_000);
});
