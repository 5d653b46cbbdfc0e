// Inspection and disposition end to end through the API: received units queue for inspection, an
// inspector completes one, the rules recommend, the decision executes — stock moves and the
// return's progress follows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { call, completeInspection, dispose, receivedReturn, startFlow, type Flow } from './support/inspection-flow.js';

describe.each(DIALECTS)('inspection and disposition on %s', (dialect) => {
  let t: TestApp;
  let f: Flow;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    f = await startFlow(t);
  });
  afterAll(() => t.close());

  it('a received unit in grade A is restocked: saleable at the put-away location, the return dispositioned', async () => {
    const r = await receivedReturn(f, { quantity: 2 });
    expect(r.inspections).toHaveLength(1);
    const queue = await call(f, f.quality, 'GET', `/inspections?siteId=${r.world.site.id}`);
    expect(queue.statusCode, queue.body).toBe(200);
    expect(queue.json().items.map((i: { id: string }) => i.id)).toContain(r.inspections[0]!.id);
    await completeInspection(f, r.inspections[0]!.id, { grade: 'A' });
    const { recommendation, response } = await dispose(f, r.inspections[0]!.id);
    expect(recommendation.code).toBe('RESTOCK');
    expect(recommendation.explanation).toMatch(/grade is A/);
    expect(response.statusCode, response.body).toBe(201);
    const stock = await call(f, f.warehouse, 'GET', `/stock?productId=${r.product.id}`);
    expect(stock.statusCode, stock.body).toBe(200);
    expect(stock.json().items).toEqual([expect.objectContaining({ status: 'saleable', quantity: 2 })]);
    const rma = await call(f, f.agent, 'GET', `/returns/${r.rma.id}`);
    expect(rma.json().progress.units.dispositioned).toEqual({ RESTOCK: 2 });
    const again = await dispose(f, r.inspections[0]!.id);
    expect(again.response.statusCode).toBe(409);
  });
});
