// The KPI API through HTTP on both databases: a return driven through its whole life on a known
// clock (requested, received on day 3, restocked on day 5, credited on day 7, closed on day 8) and
// a defective one whose supplier claim is accepted and paid — their figures exact, by period and
// by dimension, from the rollups and from the facts; the returns behind a figure; CSV; who may
// read them; bad input; and the check that recomputes everything from the raw records.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KpiTable } from '../../src/contracts/kpi.js';
import { DIALECTS } from '../support/databases.js';
import { expectProblem } from './support/problems.js';
import { startTestApp, TODAY, type TestApp } from './support/test-app.js';
import type { Role } from '../../src/contracts/common.js';
import { call, ifMatch, makeSiteWorld, type Flow, type SiteWorld } from './support/inspection-flow.js';
import {
  approveAndIssue,
  inspectAndDispose,
  memosOfReturn,
  openReturn,
  receiveUnits,
  soldLine,
} from './support/settlement-flow.js';
import { supplierWithClaim } from './support/partner-world.js';

const DAY = 86_400_000;
const at = (days: number) => new Date(Date.parse(`${TODAY}T10:00:00.000Z`) + days * DAY).toISOString();
const PERIOD = TODAY.slice(0, 7);

describe.each(DIALECTS)('KPIs through the API on %s', (dialect) => {
  let t: TestApp;
  let f: Flow;
  let ops: string;
  let finance: string;
  let manager: string;
  let world: SiteWorld;
  let settled: { id: string; rmaNumber: string };
  let claimed: { rmaId: string; productId: string };
  let unitValue: number;
  let claimRecovery: number;

  const get = (token: string, url: string) => call(f, token, 'GET', url);
  const table = async (query: string, token = ops) => {
    const res = await get(token, `/kpis?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<KpiTable>();
  };

  /** Moves the clock to day `days`, and signs everyone in again (tokens expire as days pass). */
  async function moveTo(days: number) {
    t.clock.set(at(days));
    const signIn = (role: Role) => t.tokenFor(role, { email: `${role}.day${days}@test.local` });
    f = { t, agent: await signIn('cs_agent'), warehouse: await signIn('warehouse'), quality: await signIn('quality') };
    ops = await signIn('ops_manager');
    finance = await signIn('finance');
    manager = await signIn('cs_manager');
  }

  beforeAll(async () => {
    t = await startTestApp(dialect);
    await moveTo(0);
    world = await makeSiteWorld(t);

    // A return settled on day 8: 2 units received on day 3, restocked on day 5, credited on day 7.
    await moveTo(0);
    const line = await soldLine(f, world);
    const rma = await openReturn(f, manager, line, { quantity: 2, expectAuthorized: true });
    await moveTo(3);
    const inspectionId = await receiveUnits(f, line, rma.id, 2, { listingOk: true });
    await moveTo(5);
    await inspectAndDispose(f, inspectionId, { grade: 'A' });
    await moveTo(7);
    const [draft] = await memosOfReturn(f, finance, rma.id);
    await approveAndIssue(f, finance, draft!);
    await moveTo(8);
    const before = await get(f.agent, `/returns/${rma.id}`);
    const closed = await call(
      f,
      f.agent,
      'POST',
      `/returns/${rma.id}/close`,
      { note: 'credited' },
      ifMatch(before.json<{ version: number }>().version),
    );
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed' });
    settled = rma;
    const valuation = await t.platform.db
      .selectFrom('return_line_valuations')
      .select('unit_value_minor')
      .where(
        'rma_line_id',
        '=',
        (await get(f.agent, `/returns/${rma.id}`)).json<{ lines: Array<{ id: string }> }>().lines[0]!.id,
      )
      .executeTakeFirstOrThrow();
    unitValue = valuation.unit_value_minor;

    // A unit dead on arrival, sent back to its supplier; the claim accepted in full and paid on day 20.
    const claim = await supplierWithClaim(f, world);
    const read = await get(finance, `/supplier-claims/${claim.recordId}`);
    const decided = await call(
      f,
      finance,
      'POST',
      `/supplier-claims/${claim.recordId}/decision`,
      { decision: 'accept' },
      ifMatch(read.json<{ version: number }>().version),
    );
    expect(decided.statusCode, decided.body).toBe(200);
    await moveTo(20);
    const accepted = decided.json<{ version: number; acceptedMinor: number }>();
    const paid = await call(
      f,
      finance,
      'POST',
      `/supplier-claims/${claim.recordId}/payment`,
      { reference: 'CN-1', amountMinor: accepted.acceptedMinor },
      ifMatch(accepted.version),
    );
    expect(paid.statusCode, paid.body).toBe(200);
    const claimRma = await get(f.agent, `/returns/${claim.rmaId}`);
    const claimLine = claimRma.json<{ lines: Array<{ id: string; productId: string }> }>().lines[0]!;
    const claimValue = await t.platform.db
      .selectFrom('return_line_valuations')
      .select('unit_value_minor')
      .where('rma_line_id', '=', claimLine.id)
      .executeTakeFirstOrThrow();
    claimRecovery = claimValue.unit_value_minor; // one unit, accepted in full
    claimed = { rmaId: claim.rmaId, productId: claimLine.productId };
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('the period’s figures are exact: cycle time, days to disposition, recovery, reimbursement', async () => {
    // The settled return was requested in November (day 0), the claimed one in December (day 8).
    const { rows, totals } = await table(`by=period&legalEntityId=${world.entity.id}&from=2026-11&to=2026-12`);
    expect(rows.map((r) => [r.key, r.currency, r.measures.returns])).toEqual([
      ['2026-11', 'USD', 1],
      ['2026-12', 'USD', 1],
    ]);
    expect(totals).toHaveLength(1);
    const [november] = rows;
    expect(november!.values.return_cycle_days).toBe(8);
    // Two units waited from day 3 to day 5.
    expect(november!.values.days_to_disposition).toBe(2);
    const row = totals[0]!;
    expect(row.measures).toMatchObject({
      returns: 2,
      settledReturns: 1,
      unauthorizedReturns: 0,
      repeatReturns: 1, // the second return's customer had the first within 90 days
      receivedUnits: 3,
      dispositionedUnits: 3,
      returnedValueMinor: 2 * unitValue + claimRecovery,
      recoveredValueMinor: 2 * unitValue + claimRecovery,
      paidClaims: 1,
      openExceptions: 0,
    });
    expect(row.values.return_cycle_days).toBe(8);
    expect(row.values.recovery_rate).toBe(1);
    expect(row.values.unauthorized_rate).toBe(0);
    expect(row.values.repeat_return_rate).toBe(0.5);
    // Submitted on day 8 (the vendor return shipped), paid on day 20.
    expect(row.values.supplier_reimbursement_days).toBe(12);
    expect(rows.reduce((n, r) => n + r.measures.receivedUnits, 0)).toBe(row.measures.receivedUnits);
  });

  it('cuts by every dimension; one filter answers from the rollups, several from the facts, the same', async () => {
    for (const by of [
      'legal_entity',
      'site',
      'customer',
      'product',
      'category',
      'supplier',
      'reason',
      'channel',
      'return_type',
    ]) {
      const cut = await table(`by=${by}&legalEntityId=${world.entity.id}`);
      expect(cut.by).toBe(by);
      const returns = cut.rows.reduce((n, r) => n + r.measures.returns, 0);
      // A return counts once per value it has; these two have one product each.
      expect(returns, by).toBe(2);
    }
    // Across years: 2025-12, the year 2026 from its year rows, and 2027-01 — the same figures.
    const months = await table(`by=customer&legalEntityId=${world.entity.id}&from=2026-11&to=2026-12`);
    const years = await table(`by=customer&legalEntityId=${world.entity.id}&from=2025-12&to=2027-01`);
    expect(years.rows.map((r) => r.measures)).toEqual(months.rows.map((r) => r.measures));
    expect(years.rows[0]!.measures.returns).toBe(2);
    const byCustomer = await table(`by=customer&legalEntityId=${world.entity.id}`);
    expect(byCustomer.rows[0]!.label).toContain('·');
    const oneProduct = await table(`by=period&productId=${claimed.productId}`);
    expect(oneProduct.rows[0]!.measures).toMatchObject({ returns: 1, paidClaims: 1, settledReturns: 0 });
    const twoFilters = await table(`by=period&productId=${claimed.productId}&customerId=${world.customer.id}`);
    expect(twoFilters.rows[0]!.measures).toEqual(oneProduct.rows[0]!.measures);
  });

  it('drills down to the returns behind a figure, and exports both as CSV', async () => {
    const res = await get(ops, `/kpis/returns?legalEntityId=${world.entity.id}&kpi=return_cycle_days`);
    expect(res.statusCode, res.body).toBe(200);
    const behind = res.json<{ items: Array<{ rmaNumber: string; cycleDays: number }>; total: number }>();
    expect(behind.total).toBe(1);
    expect(behind.items[0]).toMatchObject({ rmaNumber: settled.rmaNumber, cycleDays: 8 });
    const all = await get(ops, `/kpis/returns?legalEntityId=${world.entity.id}&pageSize=1&page=2`);
    expect(all.json()).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(all.json<{ items: unknown[] }>().items).toHaveLength(1);

    const csv = await get(ops, `/kpis.csv?by=period&legalEntityId=${world.entity.id}`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const [header, first] = csv.body.trim().split('\r\n');
    expect(header).toContain('return_cycle_days');
    expect(first!.startsWith(`${PERIOD},${PERIOD},USD,8,`)).toBe(true);
    const returnsCsv = await get(ops, `/kpis/returns.csv?legalEntityId=${world.entity.id}`);
    expect(returnsCsv.body.trim().split('\r\n')).toHaveLength(3);
  });

  it('only staff who answer for results read them', async () => {
    expectProblem(await get(f.agent, '/kpis'), 403);
    expectProblem(await get(f.warehouse, '/kpis/returns'), 403);
    const customer = await t.tokenFor('customer', { customerId: world.customer.id });
    expectProblem(await get(customer, '/kpis'), 403);
    expectProblem(await get(customer, '/kpis.csv'), 403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/kpis' })).statusCode).toBe(401);
    for (const token of [ops, finance, manager]) expect((await get(token, '/kpis/definitions')).statusCode).toBe(200);
    // The check reads every return: operations managers and admins only.
    expectProblem(await call(f, finance, 'POST', '/kpis/check'), 403);
  });

  it('bad input is a problem naming the field, never a 500', async () => {
    for (const query of ['by=weather', 'from=2026-13', 'to=26-01', 'limit=0', 'colour=red', 'kpi=happiness']) {
      const res = await get(ops, `/kpis${query.startsWith('kpi=') ? '/returns' : ''}?${query}`);
      expectProblem(res, 400, 'validation_failed');
    }
    expectProblem(await get(ops, '/kpis/returns?pageSize=1000'), 400);
  });

  it('a return cannot be closed while its goods are still being worked, and nothing changes', async () => {
    const line = await soldLine(f, world);
    const rma = await openReturn(f, manager, line, { quantity: 1, expectAuthorized: true });
    const none = await call(f, f.agent, 'POST', `/returns/${rma.id}/close`, {}, ifMatch(rma.version));
    expectProblem(none, 409, 'invalid_transition');
    expect(none.json<{ detail: string }>().detail).toContain('cancel it instead');
    await receiveUnits(f, line, rma.id, 1, { listingOk: true });
    const current = await get(f.agent, `/returns/${rma.id}`);
    const waiting = await call(
      f,
      f.agent,
      'POST',
      `/returns/${rma.id}/close`,
      {},
      ifMatch(current.json<{ version: number }>().version),
    );
    expectProblem(waiting, 409, 'invalid_transition');
    expect(waiting.json<{ detail: string }>().detail).toContain('1 awaiting inspection');
    expect((await get(f.agent, `/returns/${rma.id}`)).json()).toMatchObject({ status: 'authorized' });
    expectProblem(await call(f, f.warehouse, 'POST', `/returns/${rma.id}/close`, {}), 403);
  });

  it('serves the headline KPIs of this month’s returns as gauges on /metrics', async () => {
    // The clock stands on day 20, in December: the claimed return and the one the close test
    // opened are this month's, both repeats of the customer's November return.
    const metrics = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.statusCode).toBe(200);
    const sample = (name: string) =>
      new RegExp(`^${name}\\{legal_entity="${world.entity.id}"\\} (\\S+)$`, 'm').exec(metrics.body)?.[1];
    expect(sample('boomerang_kpi_returns_this_month')).toBe('2');
    expect(sample('boomerang_kpi_repeat_return_rate')).toBe('1');
    // The claimed unit recovered in full; the other, received and still awaiting inspection, not yet.
    const recovery = Number(sample('boomerang_kpi_recovery_rate'));
    expect(recovery).toBeGreaterThan(0);
    expect(recovery).toBeLessThan(1);
    expect(metrics.body).toContain('# TYPE boomerang_kpi_inspections_overdue gauge');
  });

  it('recomputing every figure from the raw records finds no difference', async () => {
    const res = await call(f, ops, 'POST', '/kpis/check');
    expect(res.statusCode, res.body).toBe(200);
    const result = res.json<{
      ok: boolean;
      checkedReturns: number;
      factDifferences: unknown[];
      rollupDifferences: unknown[];
    }>();
    expect(result.factDifferences).toEqual([]);
    expect(result.rollupDifferences).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.checkedReturns).toBeGreaterThanOrEqual(3);
    // A stored figure edited behind the projection's back is found, by field.
    await t.platform.db
      .updateTable('kpi_return_facts')
      .set({ received_units: 99 })
      .where('rma_id', '=', settled.id)
      .execute();
    const broken = (await call(f, ops, 'POST', '/kpis/check')).json<{
      ok: boolean;
      factDifferences: Array<{ field: string }>;
    }>();
    expect(broken.ok).toBe(false);
    expect(broken.factDifferences).toEqual([
      expect.objectContaining({ rmaId: settled.id, field: 'received_units', stored: 99, recomputed: 2 }),
    ]);
    // Put back: every suite's teardown runs the check too.
    await t.platform.db
      .updateTable('kpi_return_facts')
      .set({ received_units: 2 })
      .where('rma_id', '=', settled.id)
      .execute();
  });
});
