// The whole authorization flow through the HTTP API, on every configured database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { makeCustomer, makeOrder, makeProduct, makeWorld } from '../support/factories.js';
import { expectProblem } from './support/problems.js';
import { RMA_STATUSES } from '../../src/contracts/returns-vocabulary.js';

function rmaBody(
  customerId: string,
  orderLineId: string,
  overrides: Record<string, unknown> = {},
  lineOverrides: Record<string, unknown> = {},
) {
  return {
    customerId,
    returnType: 'standard',
    note: 'customer ordered the wrong voltage',
    lines: [
      { orderLineId, quantity: 2, reasonCode: 'ORDERED_IN_ERROR', claimedCondition: 'unopened', ...lineOverrides },
    ],
    ...overrides,
  };
}

describe.each(DIALECTS)('return authorization over HTTP on %s', (dialect) => {
  let t: TestApp;
  let agent: string;
  let manager: string;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    agent = await t.tokenFor('cs_agent');
    manager = await t.tokenFor('cs_manager');
  });
  afterAll(async () => t?.close());

  const countRmas = async () =>
    Number(
      (
        await t.platform.db
          .selectFrom('rmas')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const committedOn = async (orderLineId: string) =>
    (
      await t.platform.db
        .selectFrom('sales_order_lines')
        .select('quantity_committed')
        .where('id', '=', orderLineId)
        .executeTakeFirstOrThrow()
    ).quantity_committed;

  it('needs authentication everywhere but health, sign-in and the OpenAPI document', async () => {
    expect((await t.request(null, { method: 'GET', url: '/health' })).statusCode).toBe(200);
    const openapi = await t.request(null, { method: 'GET', url: '/api/v1/openapi.json' });
    expect(openapi.statusCode).toBe(200);
    expect(openapi.json().openapi).toBe('3.1.0');
    expect(Object.keys(openapi.json().paths)).toContain('/api/v1/returns');
    const anonymous = await t.request(null, { method: 'GET', url: '/api/v1/returns' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers['content-type']).toContain('application/problem+json');
    expect((await t.request('not-a-token', { method: 'GET', url: '/api/v1/returns' })).statusCode).toBe(401);
    const badLogin = await t.request(null, {
      method: 'POST',
      url: '/api/v1/auth/token',
      payload: { email: 'cs_agent@test.local', password: 'wrong' },
    });
    expect(badLogin.statusCode).toBe(401);
  });

  it('authorizes an eligible low-value return at once and explains why', async () => {
    const w = await makeWorld(t.platform);
    const res = await t.request(agent, {
      method: 'POST',
      url: '/api/v1/returns',
      payload: rmaBody(w.customer.id, w.orderLine.id),
    });
    expect(res.statusCode).toBe(201);
    const rma = res.json();
    expect(rma.status).toBe('authorized');
    expect(rma.rmaNumber).toMatch(/^RMA-\d{7}$/);
    expect(rma.expiresOn).toBe('2026-12-26');
    expect(rma.totalValueMinor).toBe(2 * 10000 + 1600); // price plus pro-rata tax (8000 over 10 units)
    expect(rma.returnPolicyVersion).toBe(1);
    expect(rma.approvalRulesVersion).toBe(1);
    expect(rma.verdict.lines[0].checks.every((c: { passed: boolean }) => c.passed)).toBe(true);
    expect(res.headers.etag).toBe('"1"');
    expect(await committedOn(w.orderLine.id)).toBe(2);

    const fetched = await t.request(agent, { method: 'GET', url: `/api/v1/returns/${rma.id}` });
    expect(fetched.json().lines[0].quantity).toBe(2);
    const timeline = await t.request(agent, { method: 'GET', url: `/api/v1/returns/${rma.id}/timeline` });
    expect(timeline.json().items.map((e: { action: string }) => e.action)).toEqual([
      'rma.requested',
      'rma.authorized',
      'rma.routed',
    ]);
    const outbox = await t.platform.db
      .selectFrom('outbox_events')
      .select('event_type')
      .where('aggregate_id', '=', rma.id)
      .execute();
    expect(outbox.map((e) => e.event_type).sort()).toEqual(['rma.authorized', 'rma.requested', 'rma.routed']);
  });

  it('routes a high-value return to a manager, who approves it with a comment', async () => {
    const w = await makeWorld(t.platform, { unitPriceMinor: 200000 });
    const created = await t.request(agent, {
      method: 'POST',
      url: '/api/v1/returns',
      payload: rmaBody(w.customer.id, w.orderLine.id),
    });
    expect(created.statusCode).toBe(201);
    const rma = created.json();
    expect(rma.status).toBe('pending_approval');
    expect(rma.routingReasons.join(' ')).toMatch(/above the auto-approval limit/);

    const byAgent = await t.request(agent, {
      method: 'POST',
      url: `/api/v1/returns/${rma.id}/approve`,
      payload: { comment: 'ok' },
    });
    expect(byAgent.statusCode).toBe(403);
    const noComment = await t.request(manager, {
      method: 'POST',
      url: `/api/v1/returns/${rma.id}/approve`,
      payload: { comment: '' },
    });
    expect(noComment.statusCode).toBe(400);
    expect(noComment.json().errors[0].path).toBe('comment');
    const stale = await t.request(manager, {
      method: 'POST',
      url: `/api/v1/returns/${rma.id}/approve`,
      payload: { comment: 'fine' },
      headers: { 'if-match': '"7"' },
    });
    expect(stale.statusCode).toBe(412);

    const approved = await t.request(manager, {
      method: 'POST',
      url: `/api/v1/returns/${rma.id}/approve`,
      payload: { comment: 'long-standing customer' },
      headers: { 'if-match': '"1"' },
    });
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({
      status: 'authorized',
      decisionComment: 'long-standing customer',
      version: 2,
    });
    const again = await t.request(manager, {
      method: 'POST',
      url: `/api/v1/returns/${rma.id}/approve`,
      payload: { comment: 'again' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toContain('allowed: cancelled, expired, closed');
    const timeline = (await t.request(agent, { method: 'GET', url: `/api/v1/returns/${rma.id}/timeline` })).json();
    expect(timeline.items.at(-2)).toMatchObject({
      action: 'rma.approved',
      summary: 'Approved — “long-standing customer”',
    });
  });

  it('gives the quantity back when a manager rejects', async () => {
    const w = await makeWorld(t.platform, { tier: 'bronze' });
    const rma = (
      await t.request(agent, {
        method: 'POST',
        url: '/api/v1/returns',
        payload: rmaBody(w.customer.id, w.orderLine.id, {}, { quantity: 4 }),
      })
    ).json();
    expect(rma.status).toBe('pending_approval');
    expect(await committedOn(w.orderLine.id)).toBe(4);
    const rejected = await t.request(manager, {
      method: 'POST',
      url: `/api/v1/returns/${rma.id}/reject`,
      payload: { comment: 'outside contract' },
    });
    expect(rejected.json().status).toBe('rejected');
    expect(await committedOn(w.orderLine.id)).toBe(0);
  });

  it('refuses bad input with problem details and changes nothing', async () => {
    const w = await makeWorld(t.platform);
    const before = await countRmas();
    const cases: Array<[unknown, string]> = [
      [{ ...rmaBody(w.customer.id, w.orderLine.id), lines: [] }, 'lines'],
      [{ ...rmaBody(w.customer.id, w.orderLine.id), colour: 'red' }, '(body)'],
      [rmaBody(w.customer.id, w.orderLine.id, {}, { quantity: 0 }), 'lines.0.quantity'],
      [rmaBody(w.customer.id, w.orderLine.id, {}, { quantity: 1.5 }), 'lines.0.quantity'],
      [rmaBody(w.customer.id, w.orderLine.id, {}, { claimedCondition: 'meh' }), 'lines.0.claimedCondition'],
      [rmaBody(w.customer.id, w.orderLine.id, { returnType: 'gift' }), 'returnType'],
    ];
    for (const [payload, path] of cases) {
      const res = await t.request(agent, { method: 'POST', url: '/api/v1/returns', payload: payload as object });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().code).toBe('validation_failed');
      expect(
        res
          .json()
          .errors.map((e: { path: string }) => e.path)
          .join(','),
      ).toContain(path);
    }
    const malformed = await t.request(agent, {
      method: 'POST',
      url: '/api/v1/returns',
      payload: '{"customerId": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(malformed.statusCode).toBe(400);
    const wrongType = await t.request(agent, {
      method: 'POST',
      url: '/api/v1/returns',
      payload: 'hello',
      headers: { 'content-type': 'text/plain' },
    });
    expect(wrongType.statusCode).toBe(415);
    expect(wrongType.json().code).toBe('unsupported_media_type');
    const unknownLine = await t.request(agent, {
      method: 'POST',
      url: '/api/v1/returns',
      payload: rmaBody(w.customer.id, 'sol_nope'),
    });
    expect(unknownLine.statusCode).toBe(422);
    expect(await countRmas()).toBe(before);
  });

  it('explains every failed check: too many units, window closed, credit hold', async () => {
    const w = await makeWorld(t.platform);
    const tooMany = await t.request(agent, {
      method: 'POST',
      url: '/api/v1/returns',
      payload: rmaBody(w.customer.id, w.orderLine.id, {}, { quantity: 11 }),
    });
    expect(tooMany.statusCode).toBe(422);
    const quantityCheck = tooMany
      .json()
      .verdict.lines[0].checks.find((c: { code: string }) => c.code === 'quantity_returnable');
    expect(quantityCheck.passed).toBe(false);
    expect(quantityCheck.message).toMatch(/11/);
    // The refusal names the field to fix, as every problem does.
    expect(tooMany.json().errors).toEqual([{ path: 'lines.0.quantity', message: quantityCheck.message }]);

    const oldOrder = await makeOrder(t.platform, {
      customerId: w.customer.id,
      legalEntityId: w.entity.id,
      deliveredOn: '2026-06-01',
      lines: [{ productId: w.product.id }],
    });
    const late = await t.request(agent, {
      method: 'POST',
      url: '/api/v1/returns',
      payload: rmaBody(w.customer.id, oldOrder.lines[0]!.id),
    });
    expect(late.statusCode).toBe(422);
    expect(late.json().detail).toMatch(/window/i);
    expect(late.json().errors.map((e: { path: string }) => e.path)).toEqual(['lines.0.orderLineId']);

    const held = await makeCustomer(t.platform, w.entity.id, { isOnCreditHold: true });
    const heldOrder = await makeOrder(t.platform, {
      customerId: held.id,
      legalEntityId: w.entity.id,
      lines: [{ productId: w.product.id }],
    });
    const onHold = await t.request(agent, {
      method: 'POST',
      url: '/api/v1/returns/evaluate',
      payload: rmaBody(held.id, heldOrder.lines[0]!.id),
    });
    expect(onHold.statusCode).toBe(200);
    expect(onHold.json().isEligible).toBe(false);
    expect(
      onHold.json().customerChecks.find((c: { code: string }) => c.code === 'customer_not_on_credit_hold').passed,
    ).toBe(false);
    expect(await committedOn(w.orderLine.id)).toBe(0);
  });

  it("never shows a customer another account's returns", async () => {
    const mine = await makeWorld(t.platform);
    const theirs = await makeWorld(t.platform);
    const theirRma = (
      await t.request(agent, {
        method: 'POST',
        url: '/api/v1/returns',
        payload: rmaBody(theirs.customer.id, theirs.orderLine.id),
      })
    ).json();
    const me = await t.tokenFor('customer', { customerId: mine.customer.id });

    // The overview counts only the customer's own account (none yet); staff count everyone's.
    const myCounts = (await t.request(me, { method: 'GET', url: '/api/v1/returns/counts' })).json();
    expect(Object.values(myCounts.byStatus).every((n) => n === 0)).toBe(true);
    const allCounts = (await t.request(agent, { method: 'GET', url: '/api/v1/returns/counts' })).json();
    expect(allCounts.byStatus.authorized).toBeGreaterThanOrEqual(1);
    expect(Object.keys(allCounts.byStatus).sort()).toEqual([...RMA_STATUSES].sort());

    expect((await t.request(me, { method: 'GET', url: `/api/v1/returns/${theirRma.id}` })).statusCode).toBe(404);
    expect((await t.request(me, { method: 'GET', url: `/api/v1/returns/${theirRma.id}/timeline` })).statusCode).toBe(
      404,
    );
    expect((await t.request(me, { method: 'GET', url: `/api/v1/orders/${theirs.order.id}` })).statusCode).toBe(404);
    expect((await t.request(me, { method: 'GET', url: `/api/v1/customers/${theirs.customer.id}` })).statusCode).toBe(
      404,
    );
    expect(
      (
        await t.request(me, {
          method: 'POST',
          url: `/api/v1/returns/${theirRma.id}/cancel`,
          payload: { reason: 'mine now' },
        })
      ).statusCode,
    ).toBe(404);
    const forThem = await t.request(me, {
      method: 'POST',
      url: '/api/v1/returns',
      payload: rmaBody(theirs.customer.id, theirs.orderLine.id),
    });
    expect(forThem.statusCode).toBe(404);
    const theirLineOnMyAccount = await t.request(me, {
      method: 'POST',
      url: '/api/v1/returns',
      payload: rmaBody(mine.customer.id, theirs.orderLine.id),
    });
    expect(theirLineOnMyAccount.statusCode).toBe(422);

    const own = await t.request(me, {
      method: 'POST',
      url: '/api/v1/returns',
      payload: rmaBody(mine.customer.id, mine.orderLine.id),
    });
    expect(own.statusCode).toBe(201);
    const list = (await t.request(me, { method: 'GET', url: '/api/v1/returns?pageSize=200' })).json();
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items.every((r: { customerId: string }) => r.customerId === mine.customer.id)).toBe(true);
    const filteredToOther = (
      await t.request(me, { method: 'GET', url: `/api/v1/returns?customerId=${theirs.customer.id}` })
    ).json();
    expect(filteredToOther.items.every((r: { customerId: string }) => r.customerId === mine.customer.id)).toBe(true);
    expect((await t.request(me, { method: 'GET', url: '/api/v1/suppliers' })).statusCode).toBe(403);
    expect(
      (
        await t.request(me, {
          method: 'POST',
          url: `/api/v1/returns/${own.json().id}/approve`,
          payload: { comment: 'self' },
        })
      ).statusCode,
    ).toBe(403);
  });

  it('replays an idempotent retry and refuses a reused key with another body', async () => {
    const w = await makeWorld(t.platform);
    const key = `retry-${w.orderLine.id}`;
    const first = await t.request(agent, {
      method: 'POST',
      url: '/api/v1/returns',
      payload: rmaBody(w.customer.id, w.orderLine.id),
      headers: { 'idempotency-key': key },
    });
    const second = await t.request(agent, {
      method: 'POST',
      url: '/api/v1/returns',
      payload: rmaBody(w.customer.id, w.orderLine.id),
      headers: { 'idempotency-key': key },
    });
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.json().id).toBe(first.json().id);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(await committedOn(w.orderLine.id)).toBe(2);
    const other = await t.request(agent, {
      method: 'POST',
      url: '/api/v1/returns',
      payload: rmaBody(w.customer.id, w.orderLine.id, {}, { quantity: 3 }),
      headers: { 'idempotency-key': key },
    });
    expect(other.statusCode).toBe(422);
    expect(other.json().code).toBe('idempotency_key_reused');
    expect(await committedOn(w.orderLine.id)).toBe(2);
  });

  it('authorizes exactly the shipped quantity when many requests race for one line', async () => {
    const w = await makeWorld(t.platform, { quantityShipped: 10 });
    const attempts = await Promise.all(
      Array.from({ length: 12 }, () =>
        t.request(agent, {
          method: 'POST',
          url: '/api/v1/returns',
          payload: rmaBody(w.customer.id, w.orderLine.id, {}, { quantity: 3 }),
        }),
      ),
    );
    const statuses = attempts.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 201)).toHaveLength(3);
    expect(statuses.filter((s) => s === 422)).toHaveLength(9);
    expect(await committedOn(w.orderLine.id)).toBe(9);
  });

  it('expires an authorization nobody shipped against, and frees the quantity', async () => {
    const w = await makeWorld(t.platform);
    const rma = (
      await t.request(agent, {
        method: 'POST',
        url: '/api/v1/returns',
        payload: rmaBody(w.customer.id, w.orderLine.id),
      })
    ).json();
    t.clock.advanceDays(31);
    try {
      // Sign in a month later: tokens from today have expired by then.
      const ops = await t.tokenFor('ops_manager', { email: 'ops.next-month@test.local' });
      const agentNextMonth = await t.tokenFor('cs_agent', { email: 'agent.next-month@test.local' });
      const run = await t.request(ops, { method: 'POST', url: '/api/v1/returns/expire-due', payload: {} });
      expect(run.statusCode, run.body).toBe(200);
      expect(run.json().expired).toContain(rma.id);
      expect((await t.request(agentNextMonth, { method: 'GET', url: `/api/v1/returns/${rma.id}` })).json().status).toBe(
        'expired',
      );
      expect(await committedOn(w.orderLine.id)).toBe(0);
    } finally {
      t.clock.advanceDays(-31);
    }
  });

  it('records goods that arrived without an RMA', async () => {
    const w = await makeWorld(t.platform);
    const warehouse = await t.tokenFor('warehouse');
    const res = await t.request(warehouse, {
      method: 'POST',
      url: '/api/v1/returns/unauthorized',
      payload: {
        customerId: w.customer.id,
        siteId: w.site.id,
        note: 'two drills on a pallet, no paperwork',
        lines: [{ productId: w.product.id, quantity: 2 }],
      },
    });
    expect(res.statusCode).toBe(201);
    const arrived = res.json();
    // The RMA awaits a decision; what arrived is receiving's fact, and the progress shows it.
    expect(arrived).toMatchObject({
      isUnauthorized: true,
      status: 'pending_approval',
      totalValueMinor: 20000,
      progress: { stage: 'awaiting_approval', label: 'Arrived (2 of 2 units), awaiting approval' },
    });
    expect(arrived.lines[0].progress.units).toMatchObject({ total: 2, expected: 0, awaitingInspection: 2 });
    // Goods that are here rule out cancelling: the API does not offer it, and refuses it.
    expect(arrived.allowedTransitions).toEqual(['authorized', 'rejected']);
    const list = (await t.request(agent, { method: 'GET', url: '/api/v1/returns?isUnauthorized=true' })).json();
    expect(list.items.map((r: { id: string }) => r.id)).toContain(arrived.id);
    expect(list.items.find((r: { id: string }) => r.id === arrived.id).progress.stage).toBe('awaiting_approval');

    // Goods that are here cannot simply be cancelled; accepted, they await inspection and never expire.
    const cancel = await t.request(agent, {
      method: 'POST',
      url: `/api/v1/returns/${arrived.id}/cancel`,
      payload: { reason: 'customer changed their mind' },
    });
    expectProblem(cancel, 409);
    expect(cancel.json().detail).toMatch(/goods are on their way or have arrived/);
    const manager = await t.tokenFor('cs_manager');
    const accepted = await t.request(manager, {
      method: 'POST',
      url: `/api/v1/returns/${arrived.id}/approve`,
      payload: { comment: 'customer confirmed by phone' },
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({
      status: 'authorized',
      expiresOn: null,
      progress: { stage: 'awaiting_inspection', label: 'Awaiting inspection' },
      allowedTransitions: ['closed'],
    });
    const timeline = (await t.request(agent, { method: 'GET', url: `/api/v1/returns/${arrived.id}/timeline` })).json();
    expect(timeline.items.map((e: { action: string }) => e.action)).toEqual([
      'rma.unauthorized_recorded',
      'receipt.recorded',
      'inspection.queued',
      'rma.approved',
    ]);
    expect(timeline.items[1].summary).toBe(`Goods received at ${w.site.code}: 2 units`);
  });

  it('records nothing of an arrival at an unknown site', async () => {
    const w = await makeWorld(t.platform);
    const warehouse = await t.tokenFor('warehouse');
    const before = (await t.request(agent, { method: 'GET', url: '/api/v1/returns?isUnauthorized=true' })).json().total;
    const res = await t.request(warehouse, {
      method: 'POST',
      url: '/api/v1/returns/unauthorized',
      payload: {
        customerId: w.customer.id,
        siteId: 'site_nope',
        note: 'a parcel',
        lines: [{ productId: w.product.id, quantity: 1 }],
      },
    });
    expectProblem(res, 400);
    expect(res.json().errors).toEqual([{ path: 'siteId', message: 'unknown site' }]);
    expect((await t.request(agent, { method: 'GET', url: '/api/v1/returns?isUnauthorized=true' })).json().total).toBe(
      before,
    );
  });

  it('checks serial numbers against what was shipped and what is already on a return', async () => {
    const w = await makeWorld(t.platform);
    const scanner = await makeProduct(t.platform, { isSerialized: true, category: 'Networking', warrantyMonths: 24 });
    const order = await makeOrder(t.platform, {
      customerId: w.customer.id,
      legalEntityId: w.entity.id,
      lines: [{ productId: scanner.id, quantityShipped: 2, serialsShipped: ['SN-1', 'SN-2'] }],
    });
    const line = order.lines[0]!;
    const wrongSerial = await t.request(agent, {
      method: 'POST',
      url: '/api/v1/returns',
      payload: rmaBody(w.customer.id, line.id, {}, { quantity: 1, serials: ['SN-9'] }),
    });
    expect(wrongSerial.statusCode).toBe(422);
    const ok = await t.request(agent, {
      method: 'POST',
      url: '/api/v1/returns',
      payload: rmaBody(w.customer.id, line.id, {}, { quantity: 1, serials: ['SN-1'] }),
    });
    expect(ok.statusCode).toBe(201);
    const twice = await t.request(agent, {
      method: 'POST',
      url: '/api/v1/returns',
      payload: rmaBody(w.customer.id, line.id, {}, { quantity: 1, serials: ['SN-1'] }),
    });
    expect(twice.statusCode).toBe(422);
    expect(twice.json().detail).toMatch(/SN-1/);
  });

  it('searches returns by text and status, sorted on the server', async () => {
    const byValue = (await t.request(agent, { method: 'GET', url: '/api/v1/returns?sort=-value&pageSize=200' })).json();
    const values = byValue.items.map((r: { totalValueMinor: number }) => r.totalValueMinor);
    expect(values.length).toBeGreaterThan(5);
    expect(values).toEqual([...values].sort((a: number, b: number) => b - a));
    const first = byValue.items[0];
    const found = (
      await t.request(agent, { method: 'GET', url: `/api/v1/returns?q=${first.rmaNumber.toLowerCase()}` })
    ).json();
    expect(found.items.map((r: { id: string }) => r.id)).toEqual([first.id]);
    const pending = (await t.request(agent, { method: 'GET', url: '/api/v1/returns?status=pending_approval' })).json();
    expect(pending.items.every((r: { status: string }) => r.status === 'pending_approval')).toBe(true);
    const paged = (await t.request(agent, { method: 'GET', url: '/api/v1/returns?pageSize=2&page=2' })).json();
    expect(paged).toMatchObject({ page: 2, pageSize: 2 });
    expect(paged.total).toBe(byValue.total);
    // LIKE wildcards in the search text are matched literally, not as wildcards.
    for (const wildcard of ['%25', '_', '%5C']) {
      const literal = (await t.request(agent, { method: 'GET', url: `/api/v1/returns?q=${wildcard}` })).json();
      expect(literal.total, wildcard).toBe(0);
    }
    const badSort = await t.request(agent, { method: 'GET', url: '/api/v1/returns?sort=password' });
    expect(badSort.statusCode).toBe(400);
    expect(badSort.json().errors[0].path).toBe('querystring.sort');
  });

  it('holds serials that arrived unannounced, so nobody can request them again', async () => {
    const w = await makeWorld(t.platform);
    const router = await makeProduct(t.platform, { isSerialized: true, category: 'Networking' });
    const order = await makeOrder(t.platform, {
      customerId: w.customer.id,
      legalEntityId: w.entity.id,
      lines: [{ productId: router.id, quantityShipped: 2, serialsShipped: ['RT-1', 'RT-2'] }],
    });
    const warehouse = await t.tokenFor('warehouse');
    const arrival = (serials: string[]) => ({
      customerId: w.customer.id,
      siteId: w.site.id,
      note: 'router in a plain box',
      lines: [{ productId: router.id, quantity: 1, orderLineId: order.lines[0]!.id, serials }],
    });
    const foreign = await t.request(warehouse, {
      method: 'POST',
      url: '/api/v1/returns/unauthorized',
      payload: arrival(['RT-9']),
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors[0].path).toBe('lines.0.serials');
    const recorded = await t.request(warehouse, {
      method: 'POST',
      url: '/api/v1/returns/unauthorized',
      payload: arrival(['RT-1']),
    });
    expect(recorded.statusCode, recorded.body).toBe(201);
    const requested = await t.request(agent, {
      method: 'POST',
      url: '/api/v1/returns',
      payload: rmaBody(w.customer.id, order.lines[0]!.id, {}, { quantity: 1, serials: ['RT-1'] }),
    });
    expect(requested.statusCode).toBe(422);
    expect(requested.json().detail).toMatch(/RT-1/);
  });

  it('keeps an intact audit chain and detects tampering', async () => {
    const admin = await t.tokenFor('admin');
    await t.platform.auditSealer!.sealNow();
    const intact = (await t.request(admin, { method: 'GET', url: '/api/v1/audit/verify' })).json();
    expect(intact).toMatchObject({ isIntact: true, firstBreak: null, unsealed: { count: 0 } });
    expect(intact.sealedCount).toBeGreaterThan(10);
    expect(intact.head.seq).toBe(intact.sealedCount);
    const victim = await t.platform.db
      .selectFrom('audit_log')
      .select('chain_seq')
      .where('action', '=', 'rma.approved')
      .executeTakeFirstOrThrow();
    await t.platform.db
      .updateTable('audit_log')
      .set({ after: '{"status":"authorized","comment":"edited"}' })
      .where('chain_seq', '=', victim.chain_seq)
      .execute();
    const broken = (await t.request(admin, { method: 'GET', url: '/api/v1/audit/verify' })).json();
    expect(broken).toMatchObject({ isIntact: false, firstBreak: { seq: victim.chain_seq, reason: 'hash_mismatch' } });
  });
});
