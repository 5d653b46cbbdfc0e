// Inspection through the API: the queue's order and filters as the clock moves, who may claim and
// change an inspection (and with which version), what completing checks, splitting, the SLA
// breaches list, and who may see any of it.
import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import { expectProblem } from './support/problems.js';
import { multipartBody, pngImage, SAMPLE_IMAGES, type MultipartFilePart } from './support/multipart.js';
import { startTestApp, TODAY, type TestApp } from './support/test-app.js';
import {
  call,
  completeInspection,
  ifMatch,
  makeSiteWorld,
  receivedReturn,
  startFlow,
  withCustomer,
  type Flow,
} from './support/inspection-flow.js';

const START = `${TODAY}T10:00:00.000Z`;
// Sign-in tokens last 12 hours from START (when the test's users sign in): the queue test runs its
// clock from 50 hours before START, so that every read falls within their life.
const T0 = Date.parse(START) - 50 * 3_600_000;
const at = (h: number) => new Date(T0 + h * 3_600_000).toISOString();

interface QueueItem {
  id: string;
  status: string;
  priority: number;
  slaState: string;
  assignedToId: string | null;
  version: number;
  quantity: number;
  valueAtRiskMinor: number;
}
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const jpeg = (fileName = 'front.jpg'): MultipartFilePart => ({
  fileName,
  contentType: 'image/jpeg',
  bytes: SAMPLE_IMAGES.jpeg,
});

interface QueuePage {
  items: QueueItem[];
  total: number;
  breached: number;
  dueSoon: number;
}

describe.each(DIALECTS)('inspection on %s', (dialect) => {
  let t: TestApp;
  let f: Flow;
  let quality2: string;
  let finance: string;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    f = await startFlow(t);
    quality2 = await t.tokenFor('quality', { email: 'second.quality@test.local' });
    finance = await t.tokenFor('finance');
    await t.tokenFor('cs_manager'); // approves regulated returns, whatever the test's clock then
  });
  afterAll(() => t.close());
  afterEach(() => t.clock.set(START));

  const queue = async (siteId: string, query = '', token = f.quality) => {
    const res = await call(f, token, 'GET', `/inspections?siteId=${siteId}${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<QueuePage>();
  };
  const get = async (id: string, token = f.quality) => {
    const res = await call(f, token, 'GET', `/inspections/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<QueueItem & Record<string, unknown>>();
  };
  const claim = async (id: string, token = f.quality) => {
    const res = await call(f, token, 'POST', `/inspections/${id}/claim`, undefined, ifMatch((await get(id)).version));
    expect(res.statusCode, res.body).toBe(200);
    return res.json<QueueItem>();
  };

  it('orders the queue regulated first, then by SLA state, then age, value and tier — and follows the clock', async () => {
    const bronze = await makeSiteWorld(t, { tier: 'bronze' });
    const platinum = await withCustomer(t, bronze, 'platinum');
    // Received first: one cheap unit of a bronze customer.
    t.clock.set(at(0));
    const old = await receivedReturn(f, { world: bronze, quantity: 1 });
    t.clock.set(at(30));
    const valuable = await receivedReturn(f, { world: bronze, quantity: 5 });
    const vip = await receivedReturn(f, { world: platinum, quantity: 1 });
    const regulated = await receivedReturn(f, {
      world: bronze,
      quantity: 1,
      product: { regulatedClass: 'rx', category: 'Medical Devices' },
    });
    const ids = {
      old: old.inspections[0]!.id,
      valuable: valuable.inspections[0]!.id,
      vip: vip.inspections[0]!.id,
      regulated: regulated.inspections[0]!.id,
    };
    const names = new Map(Object.entries(ids).map(([name, id]) => [id, name]));
    const order = (page: QueuePage) => page.items.map((i) => names.get(i.id));

    // 30 hours on, nothing is late: the regulated unit first, then the oldest (62 % of its SLA gone
    // outweighs a platinum customer), then platinum, then value.
    let page = await queue(bronze.site.id);
    expect(order(page)).toEqual(['regulated', 'old', 'vip', 'valuable']);
    expect(page.items.map((i) => i.slaState)).toEqual(['on_time', 'on_time', 'on_time', 'on_time']);
    expect(page.items.map((i) => i.priority)).toEqual([...page.items.map((i) => i.priority)].sort((a, b) => b - a));
    expect(page.items.find((i) => i.id === ids.valuable)!.valueAtRiskMinor).toBe(5 * 10000);
    expect([page.breached, page.dueSoon]).toEqual([0, 0]);
    const regulatedView = await get(ids.regulated);
    expect(regulatedView).toMatchObject({ isRegulated: true, signOffRequired: true });
    // Regulated goods and platinum customers: 24 hours; the rest 48 (the default SLA).
    expect(regulatedView.slaDueAt).toBe(at(54));
    expect((await get(ids.vip)).slaDueAt).toBe(at(54));
    expect((await get(ids.old)).slaDueAt).toBe(at(48));

    // 50 hours on: the old unit is past its SLA; the 24-hour ones are due soon; the other on time.
    t.clock.set(at(50));
    page = await queue(bronze.site.id);
    expect(order(page)).toEqual(['regulated', 'old', 'vip', 'valuable']);
    expect(page.items.map((i) => i.slaState)).toEqual(['due_soon', 'breached', 'due_soon', 'on_time']);
    expect([page.breached, page.dueSoon]).toEqual([1, 2]);
    expect(order(await queue(bronze.site.id, '&sla=breached'))).toEqual(['old']);
    expect(order(await queue(bronze.site.id, '&sla=due_soon'))).toEqual(['regulated', 'vip']);

    // 55 hours on: all but the valuable unit are late; regulated goods stay first, and among the
    // late ones the platinum unit (more of its shorter SLA gone, and the tier) passes the old one.
    t.clock.set(at(55));
    page = await queue(bronze.site.id);
    expect(order(page)).toEqual(['regulated', 'vip', 'old', 'valuable']);
    expect(page.breached).toBe(3);

    // The SLA breaches list: open and overdue, the first due first (the same due time: by id, so
    // that pages neither repeat nor skip a row).
    const sameDue = [ids.vip, ids.regulated].sort().map((id) => names.get(id));
    const breaches = await call(f, f.quality, 'GET', `/inspections/sla-breaches?siteId=${bronze.site.id}`);
    expect(breaches.statusCode, breaches.body).toBe(200);
    expect(breaches.json().items.map((i: QueueItem) => names.get(i.id))).toEqual(['old', ...sameDue]);
    expect(breaches.json().total).toBe(3);
    const secondPage = await call(
      f,
      f.quality,
      'GET',
      `/inspections/sla-breaches?siteId=${bronze.site.id}&pageSize=2&page=2`,
    );
    expect(secondPage.json().items.map((i: QueueItem) => names.get(i.id))).toEqual([sameDue[1]]);

    // Assigned: mine, nobody's.
    await claim(ids.vip);
    expect(order(await queue(bronze.site.id, '&assigned=me'))).toEqual(['vip']);
    expect(order(await queue(bronze.site.id, '&assigned=me', quality2))).toEqual([]);
    expect(order(await queue(bronze.site.id, '&assigned=nobody'))).toEqual(['regulated', 'old', 'valuable']);
    expect(order(await queue(bronze.site.id, '&assigned=me&sla=due_soon'))).toEqual([]);

    // Finished late: off the open queue and the default breaches list, on the list with completed ones.
    await completeInspection(f, ids.old, { grade: 'A' });
    expect(order(await queue(bronze.site.id))).toEqual(['regulated', 'vip', 'valuable']);
    expect((await queue(bronze.site.id)).breached).toBe(2);
    const withCompleted = await call(
      f,
      f.quality,
      'GET',
      `/inspections/sla-breaches?siteId=${bronze.site.id}&includeCompleted=true`,
    );
    expect(withCompleted.json().items.map((i: QueueItem) => names.get(i.id))).toEqual(['old', ...sameDue]);
    const completed = await queue(bronze.site.id, '&status=completed');
    expect(completed.items).toEqual([expect.objectContaining({ id: ids.old, slaState: 'breached' })]);
    const defaultList = await call(f, f.quality, 'GET', `/inspections/sla-breaches?siteId=${bronze.site.id}`);
    expect(defaultList.json().items.map((i: QueueItem) => names.get(i.id))).toEqual(sameDue);
  });

  it("claiming: another inspector's inspection is a 409, a stale version a 412, none a 428", async () => {
    const r = await receivedReturn(f, { quantity: 1 });
    const id = r.inspections[0]!.id;
    const before = await get(id);
    expect(before).toMatchObject({ status: 'pending', assignedToId: null });

    expectProblem(await call(f, f.quality, 'POST', `/inspections/${id}/claim`), 428, 'precondition_required');
    const claimed = await claim(id);
    expect(claimed).toMatchObject({ status: 'in_progress', version: before.version + 1 });
    expect(claimed.assignedToId).not.toBeNull();

    const stale = await call(f, f.warehouse, 'POST', `/inspections/${id}/claim`, undefined, ifMatch(before.version));
    expectProblem(stale, 412, 'precondition_failed');
    const taken = await call(f, quality2, 'POST', `/inspections/${id}/claim`, undefined, ifMatch(claimed.version));
    expectProblem(taken, 409, 'conflict');
    expect(taken.json().detail).toMatch(/being worked on by/);
    const record = await call(
      f,
      quality2,
      'PUT',
      `/inspections/${id}/record`,
      { grade: 'A' },
      ifMatch(claimed.version),
    );
    expectProblem(record, 409, 'conflict');
    const split = await call(
      f,
      quality2,
      'POST',
      `/inspections/${id}/split`,
      { quantity: 1 },
      ifMatch(claimed.version),
    );
    expectProblem(split, 409);
    expect(await get(id)).toMatchObject({ version: claimed.version, assignedToId: claimed.assignedToId });

    // Released back to the queue by its assignee, anyone may take it.
    const released = await call(
      f,
      f.quality,
      'POST',
      `/inspections/${id}/assign`,
      { userId: null },
      ifMatch(claimed.version),
    );
    expect(released.statusCode, released.body).toBe(200);
    expect(released.json()).toMatchObject({ status: 'pending', assignedToId: null });
    await claim(id, quality2);
  });

  it('assigning: quality gives an inspection to an inspector (not to anyone else); the assignee may hand it back', async () => {
    const r = await receivedReturn(f, { quantity: 1 });
    const id = r.inspections[0]!.id;
    await t.tokenFor('customer', { customerId: r.world.customer.id }); // the customer's user exists
    const userId = async (email: string) =>
      (await t.platform.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
    const assign = async (token: string, target: string | null) =>
      call(f, token, 'POST', `/inspections/${id}/assign`, { userId: target }, ifMatch((await get(id)).version));

    const toCustomer = await assign(f.quality, await userId(`customer.${r.world.customer.id}@test.local`));
    expectProblem(toCustomer, 400, 'validation_failed');
    expect(toCustomer.json().errors).toEqual([{ path: 'userId', message: expect.stringMatching(/inspector/) }]);
    expectProblem(await assign(f.quality, 'usr_nobody'), 400);
    expectProblem(await assign(f.warehouse, await userId('warehouse@test.local')), 403, 'forbidden');

    const given = await assign(f.quality, await userId('warehouse@test.local'));
    expect(given.statusCode, given.body).toBe(200);
    expect(given.json()).toMatchObject({ status: 'in_progress', assignedTo: 'warehouse@test.local' });
    // Now the warehouse's: another inspector cannot take it over by claiming.
    expectProblem(
      await call(f, quality2, 'POST', `/inspections/${id}/claim`, undefined, ifMatch(given.json().version)),
      409,
    );
    // The assignee hands it back to the queue; quality may take it off them too.
    const handedBack = await assign(f.warehouse, null);
    expect(handedBack.statusCode, handedBack.body).toBe(200);
    expect(handedBack.json()).toMatchObject({ status: 'pending', assignedToId: null });
    expect((await assign(f.quality, await userId('warehouse@test.local'))).statusCode).toBe(200);
    const takenBack = await assign(quality2, null);
    expect(takenBack.statusCode, takenBack.body).toBe(200);
    expect(takenBack.json()).toMatchObject({ status: 'pending', assignedToId: null });
  });

  it('completing checks the record: a grade, every required checklist item, known defect codes and checklist items', async () => {
    const r = await receivedReturn(f, { quantity: 1 }); // a power tool: the Power Tools checklist
    const id = r.inspections[0]!.id;
    const claimed = await claim(id);
    const checklist = (claimed as unknown as { checklist: Array<{ id: string; kind: string }> }).checklist;
    expect(checklist.map((c) => c.id)).toContain('insulation_resistance');
    const allAnswered = checklist.map((c) =>
      c.kind === 'check' ? { id: c.id, passed: true } : { id: c.id, value: 5 },
    );
    const complete = (body: object) =>
      call(f, f.quality, 'POST', `/inspections/${id}/complete`, body, ifMatch(claimed.version));

    const noGrade = await complete({ checklist: allAnswered });
    expectProblem(noGrade, 400, 'validation_failed');
    expect(noGrade.json().errors).toEqual([expect.objectContaining({ path: 'grade' })]);

    const unanswered = await complete({ checklist: allAnswered.filter((a) => a.id !== 'powers_on'), grade: 'A' });
    expectProblem(unanswered, 400, 'validation_failed');
    expect(unanswered.json().errors).toEqual([
      { path: 'checklist', message: 'Powers on and runs under no load: not answered' },
    ]);

    const unknownDefect = await complete({ checklist: allAnswered, grade: 'B', defectCodes: ['COSMETIC', 'GREMLINS'] });
    expectProblem(unknownDefect, 400, 'validation_failed');
    expect(unknownDefect.json().errors).toEqual([{ path: 'defectCodes.1', message: 'not a defect code in force' }]);

    const unknownItem = await complete({
      checklist: [...allAnswered, { id: 'seal_intact', passed: true }],
      grade: 'A',
    });
    expectProblem(unknownItem, 400, 'validation_failed');
    expect(unknownItem.json().errors).toEqual([
      { path: `checklist.${allAnswered.length}.id`, message: 'not on the checklist' },
    ]);

    const contradiction = await complete({ checklist: allAnswered, grade: 'D', noFaultFound: true });
    expectProblem(contradiction, 400, 'validation_failed');

    // None of it changed the inspection.
    expect(await get(id)).toMatchObject({ status: 'in_progress', version: claimed.version, grade: null });

    // A draft may leave items open; completing with all answered (a reading out of range flagged) works.
    const draft = await call(
      f,
      f.quality,
      'PUT',
      `/inspections/${id}/record`,
      { checklist: [{ id: 'insulation_resistance', value: 0.5 }], grade: 'C', notes: 'scuffed' },
      ifMatch(claimed.version),
    );
    expect(draft.statusCode, draft.body).toBe(200);
    expect(draft.json().checklist.find((c: { id: string }) => c.id === 'insulation_resistance')).toMatchObject({
      value: 0.5,
      outOfRange: true,
    });
    const done = await call(
      f,
      f.quality,
      'POST',
      `/inspections/${id}/complete`,
      { checklist: allAnswered, grade: 'B', defectCodes: ['PACKAGING_DAMAGED'] },
      ifMatch(draft.json().version),
    );
    expect(done.statusCode, done.body).toBe(200);
    // Claimed unopened, graded B: the inspection contradicts the claim and says why.
    expect(done.json()).toMatchObject({
      status: 'completed',
      grade: 'B',
      claimVerdict: 'contradicted',
      claimVerdictReason: 'claimed unopened, but graded B',
    });
    const again = await call(
      f,
      f.quality,
      'POST',
      `/inspections/${id}/complete`,
      { checklist: allAnswered, grade: 'A' },
      ifMatch(done.json().version),
    );
    expectProblem(again, 409, 'invalid_transition');
  });

  it('splitting units off conserves the quantity and value, and the new inspection joins the queue', async () => {
    const r = await receivedReturn(f, { quantity: 5 });
    const id = r.inspections[0]!.id;
    const claimed = await claim(id);
    const tooMany = await call(
      f,
      f.quality,
      'POST',
      `/inspections/${id}/split`,
      { quantity: 5 },
      ifMatch(claimed.version),
    );
    expectProblem(tooMany, 400, 'validation_failed');
    expect(tooMany.json().errors).toEqual([{ path: 'quantity', message: 'between 1 and 4' }]);
    expectProblem(
      await call(f, f.quality, 'POST', `/inspections/${id}/split`, { quantity: 0 }, ifMatch(claimed.version)),
      400,
    );

    const split = await call(
      f,
      f.quality,
      'POST',
      `/inspections/${id}/split`,
      { quantity: 2 },
      ifMatch(claimed.version),
    );
    expect(split.statusCode, split.body).toBe(201);
    const part = split.json();
    expect(split.headers.location).toBe(`/api/v1/inspections/${part.id}`);
    expect(part).toMatchObject({
      quantity: 2,
      status: 'pending',
      splitFromId: id,
      assignedToId: null,
      rmaLineId: r.rma.lines[0]!.id,
    });
    const rest = await get(id);
    expect(rest).toMatchObject({ quantity: 3, status: 'in_progress', version: claimed.version + 1 });
    expect(rest.valueAtRiskMinor + part.valueAtRiskMinor).toBe(5 * 10000);

    const page = await queue(r.world.site.id);
    expect(page.items.map((i) => [i.id, i.quantity]).sort()).toEqual(
      [
        [id, 3],
        [part.id, 2],
      ].sort(),
    );
    const listed = await call(f, f.quality, 'GET', `/returns/${r.rma.id}/inspections`);
    expect(listed.json().items.reduce((n: number, i: QueueItem) => n + i.quantity, 0)).toBe(5);

    // Both parts are inspected on their own; the return counts all five units once each.
    await completeInspection(f, id, { grade: 'A' });
    await completeInspection(f, part.id, { grade: 'C', defectCodes: ['COSMETIC'] }, quality2);
    const rma = await call(f, f.agent, 'GET', `/returns/${r.rma.id}`);
    expect(rma.json().progress.units).toMatchObject({ total: 5, awaitingInspection: 0, awaitingDisposition: 5 });
  });

  it('a customer is refused every inspection call; finance reads but cannot work an inspection', async () => {
    const r = await receivedReturn(f, { quantity: 2 });
    const id = r.inspections[0]!.id;
    const customer = await t.tokenFor('customer', { customerId: r.world.customer.id });
    const version = (await get(id)).version;
    const calls: Array<[method: 'GET' | 'POST' | 'PUT', url: string, body?: object]> = [
      ['GET', `/inspections?siteId=${r.world.site.id}`],
      ['GET', '/inspections/sla-breaches'],
      ['GET', `/inspections/${id}`],
      ['GET', `/returns/${r.rma.id}/inspections`],
      ['GET', `/inspections/${id}/recommendation`],
      ['GET', `/inspections/${id}/disposition`],
      ['POST', `/inspections/${id}/claim`],
      ['POST', `/inspections/${id}/assign`, { userId: null }],
      ['POST', `/inspections/${id}/split`, { quantity: 1 }],
      ['PUT', `/inspections/${id}/record`, { grade: 'A' }],
      ['POST', `/inspections/${id}/complete`, { grade: 'A' }],
      ['POST', `/inspections/${id}/sign-off`, { decision: 'approve' }],
      ['POST', `/inspections/${id}/disposition`, { code: 'RESTOCK', rulesVersion: 1 }],
    ];
    for (const [method, url, body] of calls) {
      const res = await call(f, customer, method, url, body, ifMatch(version));
      expect([method, url, res.statusCode]).toEqual([method, url, 403]);
    }

    expect((await call(f, finance, 'GET', `/inspections?siteId=${r.world.site.id}`)).statusCode).toBe(200);
    expect((await call(f, finance, 'GET', `/inspections/${id}`)).statusCode).toBe(200);
    expect((await call(f, finance, 'GET', '/inspections/sla-breaches')).statusCode).toBe(200);
    for (const [method, url, body] of calls.filter(([m]) => m !== 'GET')) {
      const res = await call(f, finance, method, url, body, ifMatch(version));
      expect([method, url, res.statusCode]).toEqual([method, url, 403]);
    }
    expect(await get(id)).toMatchObject({ status: 'pending', version, assignedToId: null });
  });

  it('regulated goods need a second sign-off by another quality user before any disposition', async () => {
    const world = await makeSiteWorld(t);
    const r = await receivedReturn(f, {
      world,
      quantity: 1,
      product: { regulatedClass: 'rx', category: 'Medical Devices' },
    });
    const id = r.inspections[0]!.id;
    expect(await get(id)).toMatchObject({ isRegulated: true, signOffRequired: true });
    const completed = await completeInspection(f, id, { grade: 'A' });
    expect(completed).toMatchObject({ status: 'awaiting_sign_off' });
    expect(await get(id)).toMatchObject({ completedAt: null, signedOffBy: null });
    // Not inspected yet as far as the return is concerned.
    const rma = await call(f, f.agent, 'GET', `/returns/${r.rma.id}`);
    expect(rma.json().progress.units).toMatchObject({ awaitingInspection: 1, awaitingDisposition: 0 });

    expectProblem(await call(f, f.quality, 'GET', `/inspections/${id}/recommendation`), 409, 'invalid_transition');
    const early = await call(f, f.quality, 'POST', `/inspections/${id}/disposition`, {
      code: 'RESTOCK',
      rulesVersion: 1,
    });
    expectProblem(early, 409, 'invalid_transition');
    // Still waiting: no more changes to the record, no photos.
    expectProblem(
      await call(f, f.quality, 'PUT', `/inspections/${id}/record`, { grade: 'B' }, ifMatch(completed.version)),
      409,
      'invalid_transition',
    );

    const own = await call(
      f,
      f.quality,
      'POST',
      `/inspections/${id}/sign-off`,
      { decision: 'approve' },
      ifMatch(completed.version),
    );
    expectProblem(own, 403, 'forbidden');
    const warehouse = await call(
      f,
      f.warehouse,
      'POST',
      `/inspections/${id}/sign-off`,
      { decision: 'approve' },
      ifMatch(completed.version),
    );
    expectProblem(warehouse, 403);
    const noNote = await call(
      f,
      quality2,
      'POST',
      `/inspections/${id}/sign-off`,
      { decision: 'reject' },
      ifMatch(completed.version),
    );
    expectProblem(noNote, 400, 'validation_failed');
    expect(noNote.json().errors).toEqual([{ path: 'note', message: 'required when rejecting' }]);

    const rejected = await call(
      f,
      quality2,
      'POST',
      `/inspections/${id}/sign-off`,
      { decision: 'reject', note: 'check the seal again' },
      ifMatch(completed.version),
    );
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(rejected.json()).toMatchObject({
      status: 'in_progress',
      signOffNote: 'check the seal again',
      signedOffBy: null,
    });
    expectProblem(
      await call(
        f,
        quality2,
        'POST',
        `/inspections/${id}/sign-off`,
        { decision: 'approve' },
        ifMatch(rejected.json().version),
      ),
      409,
      'invalid_transition',
    );

    const recompleted = await completeInspection(f, id, { grade: 'A', findings: 'seal intact on second look' });
    expect(recompleted.status).toBe('awaiting_sign_off');
    const approved = await call(
      f,
      quality2,
      'POST',
      `/inspections/${id}/sign-off`,
      { decision: 'approve', note: 'agreed' },
      ifMatch(recompleted.version),
    );
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'completed', signedOffBy: 'second.quality@test.local' });
    expect(approved.json().completedAt).not.toBeNull();

    const rec = await call(f, f.quality, 'GET', `/inspections/${id}/recommendation`);
    expect(rec.statusCode, rec.body).toBe(200);
    const disposed = await call(f, f.quality, 'POST', `/inspections/${id}/disposition`, {
      code: rec.json().recommendation.code,
      rulesVersion: rec.json().recommendation.rulesVersion,
    });
    expect(disposed.statusCode, disposed.body).toBe(201);
  });

  it('a regulated unit waiting for its sign-off past the SLA is late alike in the queue and on the breaches list', async () => {
    const world = await makeSiteWorld(t);
    t.clock.set(at(20)); // 30 hours before START: the regulated 24-hour SLA ends 6 hours before it
    const r = await receivedReturn(f, {
      world,
      quantity: 1,
      product: { regulatedClass: 'rx', category: 'Medical Devices' },
    });
    const id = r.inspections[0]!.id;
    t.clock.set(at(21));
    expect(await completeInspection(f, id, { grade: 'A' })).toMatchObject({ status: 'awaiting_sign_off' });
    t.clock.set(START);
    const page = await queue(world.site.id);
    const breaches = await call(f, f.quality, 'GET', `/inspections/sla-breaches?siteId=${world.site.id}`);
    // Not finished until signed off (the return's progress says the same): overdue, in both lists.
    expect(page.items).toEqual([expect.objectContaining({ id, status: 'awaiting_sign_off', slaState: 'breached' })]);
    expect(page.breached).toBe(1);
    expect(breaches.json().items).toEqual([expect.objectContaining({ id, slaState: 'breached' })]);
    expect((await get(id)).slaState).toBe('breached');
  });

  it('photos: JPEG and PNG kept by content hash, served to staff only, refused when not images, too large or too late', async () => {
    const r = await receivedReturn(f, { quantity: 1 });
    const other = await receivedReturn(f, { quantity: 1 });
    const id = r.inspections[0]!.id;
    const upload = (files: MultipartFilePart[], token = f.quality, inspectionId = id) => {
      const body = multipartBody(files);
      return t.request(token, {
        method: 'POST',
        url: `/api/v1/inspections/${inspectionId}/photos`,
        payload: body.payload,
        headers: body.headers,
      });
    };
    const png = pngImage(4, 3);

    const first = await upload([jpeg(), { fileName: 'label.png', contentType: 'image/png', bytes: png }]);
    expect(first.statusCode, first.body).toBe(201);
    const [front, label] = first.json<{
      items: Array<{ id: string; sha256: string; contentType: string; bytes: number; url: string; fileName: string }>;
    }>().items;
    expect(front).toMatchObject({
      sha256: sha256(SAMPLE_IMAGES.jpeg),
      contentType: 'image/jpeg',
      bytes: SAMPLE_IMAGES.jpeg.length,
      fileName: 'front.jpg',
    });
    expect(label).toMatchObject({ sha256: sha256(png), contentType: 'image/png', fileName: 'label.png' });
    expect(front!.url).toBe(`/api/v1/inspections/${id}/photos/${front!.id}`);

    // The same bytes again (by the warehouse, under another name): another photo of the inspection, the same stored content.
    const again = await upload([jpeg('front-again.jpg')], f.warehouse);
    expect(again.statusCode, again.body).toBe(201);
    const [repeat] = again.json().items;
    expect(repeat.sha256).toBe(front!.sha256);
    expect(repeat.id).not.toBe(front!.id);
    const listed = (await get(id)).photos as Array<{ id: string; sha256: string }>;
    expect(listed.map((p) => p.id)).toEqual([front!.id, label!.id, repeat.id]);

    // The bytes back, as uploaded: for staff (finance reads inspections too).
    for (const token of [f.quality, finance]) {
      const bytes = await t.request(token, { method: 'GET', url: front!.url });
      expect(bytes.statusCode).toBe(200);
      expect(bytes.headers['content-type']).toBe('image/jpeg');
      expect(sha256(bytes.rawPayload)).toBe(front!.sha256);
    }
    const pngBack = await t.request(f.quality, { method: 'GET', url: label!.url });
    expect(pngBack.headers['content-type']).toBe('image/png');
    expect(sha256(pngBack.rawPayload)).toBe(label!.sha256);
    const repeatBack = await t.request(f.quality, { method: 'GET', url: repeat.url });
    expect(sha256(repeatBack.rawPayload)).toBe(front!.sha256);

    // Not for the customer, not for anyone under another inspection's URL.
    const customer = await t.tokenFor('customer', { customerId: r.world.customer.id });
    expectProblem(await t.request(customer, { method: 'GET', url: front!.url }), 403);
    expectProblem(await upload([jpeg()], customer), 403);
    expectProblem(await upload([jpeg()], finance), 403);
    const otherId = other.inspections[0]!.id;
    expectProblem(
      await t.request(f.quality, { method: 'GET', url: `/api/v1/inspections/${otherId}/photos/${front!.id}` }),
      404,
      'not_found',
    );
    expectProblem(await upload([jpeg()], f.quality, 'ins_nonexistent'), 404);

    // Refused: a text file named .jpg, a photo over 10 MB, a form without a file.
    const text = await upload([
      { fileName: 'evidence.jpg', contentType: 'image/jpeg', bytes: Buffer.from('not a photo at all\n') },
    ]);
    expectProblem(text, 415, 'unsupported_media_type');
    const huge = Buffer.concat([SAMPLE_IMAGES.jpeg, Buffer.alloc(10 * 1024 * 1024)]);
    expectProblem(
      await upload([{ fileName: 'huge.jpg', contentType: 'image/jpeg', bytes: huge }]),
      413,
      'payload_too_large',
    );
    const empty = multipartBody([], { note: 'forgot the photo' });
    const none = await t.request(f.quality, {
      method: 'POST',
      url: `/api/v1/inspections/${id}/photos`,
      payload: empty.payload,
      headers: empty.headers,
    });
    expectProblem(none, 400, 'validation_failed');
    expect((await get(id)).photos).toHaveLength(3);

    // Once the inspection is completed, its evidence is closed.
    await completeInspection(f, id, { grade: 'A' });
    expectProblem(
      await upload([{ fileName: 'late.png', contentType: 'image/png', bytes: png }]),
      409,
      'invalid_transition',
    );
    expect((await get(id)).photos).toHaveLength(3);
  });
});
