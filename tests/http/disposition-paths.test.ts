// Every disposition path end to end through POST /inspections/:id/disposition: where the stock
// goes (status and location), the record that follows (work order, vendor return line, hold,
// disposal, liquidation lot line, shipment back), the return's progress — and the refusals:
// overrides without a reason, stale rules, scrap without the right, a partner reporting another's
// work, a second decision on the same units.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import { expectProblem } from './support/problems.js';
import { multipartBody, SAMPLE_IMAGES } from './support/multipart.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import {
  call,
  completeInspection,
  dispose,
  ifMatch,
  makeRepairPartner,
  makeSiteWorld,
  partnerToken,
  receivedReturn,
  startFlow,
  stockOf,
  unitsOf,
  type Flow,
} from './support/inspection-flow.js';

interface Disposition {
  id: string;
  code: string;
  action: string;
  recommendedCode: string;
  ruleId: string | null;
  rulesVersion: number;
  isOverride: boolean;
  overrideReason: string;
  targetStatus: string;
  followUpType: string | null;
  followUpId: string | null;
}

describe.each(DIALECTS)('disposition paths on %s', (dialect) => {
  let t: TestApp;
  let f: Flow;
  let quality2: string;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    f = await startFlow(t);
    quality2 = await t.tokenFor('quality', { email: 'second.quality@test.local' });
    admin = await t.tokenFor('admin');
  });
  afterAll(() => t.close());

  /** Receives, inspects (as given) and asks for the recommendation. */
  async function inspected(
    options: Parameters<typeof receivedReturn>[1],
    record: Parameters<typeof completeInspection>[2],
  ) {
    const r = await receivedReturn(f, options);
    const id = r.inspections[0]!.id;
    await completeInspection(f, id, record);
    return { ...r, id };
  }

  const recommend = async (id: string) => {
    const res = await call(f, f.quality, 'GET', `/inspections/${id}/recommendation`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ recommendation: { code: string; ruleId: string | null; rulesVersion: number } }>().recommendation;
  };

  const decide = (id: string, body: Record<string, unknown>, token = f.quality) =>
    call(f, token, 'POST', `/inspections/${id}/disposition`, body);

  /** Confirms the recommendation (which must be `expected`), with any extra fields. */
  async function confirm(id: string, expected: string, extra: Record<string, unknown> = {}, token = f.quality) {
    const rec = await recommend(id);
    expect(rec.code).toBe(expected);
    const res = await decide(id, { code: rec.code, rulesVersion: rec.rulesVersion, ...extra }, token);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.headers.location).toBe(`/api/v1/dispositions/${res.json().id}`);
    return res.json<Disposition>();
  }

  const undisposed = async (r: { id: string; product: { id: string }; rma: { id: string } }, quantity: number) => {
    expect((await call(f, f.quality, 'GET', `/inspections/${r.id}/disposition`)).statusCode).toBe(404);
    expect(await stockOf(f, r.product.id)).toEqual([
      { status: 'awaiting_inspection', location: 'RETURNS-IN', quantity, serial: null },
    ]);
    expect((await unitsOf(f, r.rma.id)).dispositioned).toEqual({});
  };

  it('RESTOCK: saleable at the put-away location, nothing else opened', async () => {
    const r = await inspected({ quantity: 2 }, { grade: 'A' });
    const d = await confirm(r.id, 'RESTOCK');
    expect(d).toMatchObject({
      action: 'restock',
      targetStatus: 'saleable',
      followUpType: null,
      isOverride: false,
      ruleId: 'as-new',
    });
    expect(await stockOf(f, r.product.id)).toEqual([
      { status: 'saleable', location: 'RESTOCK', quantity: 2, serial: null },
    ]);
    expect(await unitsOf(f, r.rma.id)).toMatchObject({
      awaitingInspection: 0,
      awaitingDisposition: 0,
      dispositioned: { RESTOCK: 2 },
    });
    const again = await decide(r.id, { code: 'RESTOCK', rulesVersion: d.rulesVersion });
    expectProblem(again, 409, 'conflict');
    expect(await stockOf(f, r.product.id)).toEqual([
      { status: 'saleable', location: 'RESTOCK', quantity: 2, serial: null },
    ]);
  });

  it('takes the units awaiting inspection wherever they were put at the site, or refuses and changes nothing', async () => {
    const r = await inspected({ quantity: 4 }, { grade: 'A' });
    const site = r.world.site.id;
    const receiving = (await call(f, f.warehouse, 'GET', `/stock?productId=${r.product.id}`)).json().items[0]
      .locationId as string;
    const bench = await call(f, f.warehouse, 'POST', `/sites/${site}/locations`, {
      code: `bench-${dialect}`,
      name: 'Inspection bench',
      kind: 'inspection',
    });
    expect(bench.statusCode, bench.body).toBe(201);
    const move = (to: { locationId?: string; status: string }, quantity: number) =>
      call(f, f.quality, 'POST', '/stock/moves', {
        productId: r.product.id,
        siteId: site,
        from: { locationId: receiving, status: 'awaiting_inspection' },
        to,
        quantity,
        reason: 'by hand',
        rmaLineId: r.rma.lines[0]!.id,
      });
    expect((await move({ locationId: bench.json().id, status: 'awaiting_inspection' }, 2)).statusCode).toBe(201);
    // One unit set aside by hand: the four the inspection is about are no longer all there.
    expect((await move({ status: 'quarantined' }, 1)).statusCode).toBe(201);
    const before = await stockOf(f, r.product.id);
    const rec = await recommend(r.id);
    const short = await decide(r.id, { code: rec.code, rulesVersion: rec.rulesVersion });
    expectProblem(short, 422, 'rule_violation');
    expect(await stockOf(f, r.product.id)).toEqual(before);
    expect((await call(f, f.quality, 'GET', `/inspections/${r.id}/disposition`)).statusCode).toBe(404);
    expect((await unitsOf(f, r.rma.id)).dispositioned).toEqual({});

    // Back where it can be found: all four are restocked, from both places.
    const quarantine = (await call(f, f.warehouse, 'GET', `/stock?productId=${r.product.id}&status=quarantined`)).json()
      .items[0].locationId as string;
    const back = await call(f, f.quality, 'POST', '/stock/moves', {
      productId: r.product.id,
      siteId: site,
      from: { locationId: quarantine, status: 'quarantined' },
      to: { locationId: receiving, status: 'awaiting_inspection' },
      quantity: 1,
      reason: 'set aside by mistake',
      rmaLineId: r.rma.lines[0]!.id,
    });
    expect(back.statusCode, back.body).toBe(201);
    await confirm(r.id, 'RESTOCK');
    expect(await stockOf(f, r.product.id)).toEqual([
      { status: 'saleable', location: 'RESTOCK', quantity: 4, serial: null },
    ]);
  });

  it('REFURBISH: a refurbishment work order; the bench repairs at grade B and the units are saleable at their graded value', async () => {
    const r = await inspected(
      { quantity: 2 },
      { grade: 'C', defectCodes: ['COSMETIC'], findings: 'scratched housing' },
    );
    const d = await confirm(r.id, 'REFURBISH');
    expect(d).toMatchObject({ action: 'refurbish', targetStatus: 'in_refurbishment', followUpType: 'work_order' });
    expect(await stockOf(f, r.product.id)).toEqual([
      { status: 'in_refurbishment', location: 'REFURB', quantity: 2, serial: null },
    ]);
    const wo = await call(f, f.quality, 'GET', `/work-orders/${d.followUpId}`);
    expect(wo.statusCode, wo.body).toBe(200);
    // Power tools refurbish at 20 % of the unit's 60.00 value: 12.00 each.
    expect(wo.json()).toMatchObject({
      kind: 'refurbish',
      performer: 'internal',
      status: 'open',
      dispositionId: d.id,
      quantity: 2,
      unitValueMinor: 6000,
      estimatedCostMinor: 2400,
      findings: 'scratched housing',
      defectCodes: ['COSMETIC'],
    });
    const version = wo.json().version as number;
    const outcome = (body: object, headers: Record<string, string> = ifMatch(version)) =>
      call(f, f.warehouse, 'POST', `/work-orders/${d.followUpId}/outcome`, body, headers);
    expectProblem(await outcome({ outcome: 'repaired', actualCostMinor: 1500, grade: 'B' }, {}), 428);
    expectProblem(await outcome({ outcome: 'repaired', actualCostMinor: 1500, grade: 'D' }), 400);
    expectProblem(await outcome({ outcome: 'beyond_repair', actualCostMinor: 0, grade: 'B' }), 400);
    const done = await outcome({ outcome: 'repaired', actualCostMinor: 1500, grade: 'B', note: 'new housing' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({
      status: 'completed',
      outcome: 'repaired',
      outcomeGrade: 'B',
      actualCostMinor: 1500,
      gradedValueMinor: 2 * 5100,
    });
    expect(await stockOf(f, r.product.id)).toEqual([
      { status: 'saleable', location: 'RESTOCK', quantity: 2, serial: null },
    ]);
    expectProblem(await outcome({ outcome: 'repaired', actualCostMinor: 1500 }), 412);
    expectProblem(
      await outcome({ outcome: 'beyond_repair', actualCostMinor: 0 }, ifMatch(done.json().version)),
      409,
      'invalid_transition',
    );
    expect((await unitsOf(f, r.rma.id)).dispositioned).toEqual({ REFURBISH: 2 });
  });

  it('REPAIR_INTERNAL: a repair on our bench; beyond repair, the units are scrapped with a disposal record', async () => {
    const r = await inspected(
      { quantity: 3, claimedCondition: 'used', product: { category: 'Networking' } },
      { grade: 'D', defectCodes: ['DEAD_ON_ARRIVAL'] },
    );
    const d = await confirm(r.id, 'REPAIR_INTERNAL');
    expect(await stockOf(f, r.product.id)).toEqual([
      { status: 'in_repair', location: 'REPAIR', quantity: 3, serial: null },
    ]);
    const wo = (await call(f, f.quality, 'GET', `/work-orders/${d.followUpId}`)).json();
    expect(wo).toMatchObject({ kind: 'repair', performer: 'internal', partnerId: null });
    const res = await call(
      f,
      f.quality,
      'POST',
      `/work-orders/${wo.id}/outcome`,
      { outcome: 'beyond_repair', actualCostMinor: 800, note: 'board burnt' },
      ifMatch(wo.version),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ outcome: 'beyond_repair', outcomeGrade: null, gradedValueMinor: 0 });
    expect(await stockOf(f, r.product.id)).toEqual([
      { status: 'scrapped', location: 'SCRAP', quantity: 3, serial: null },
    ]);
    const disposals = await t.platform.db
      .selectFrom('disposals')
      .selectAll()
      .where('source_type', '=', 'work_order')
      .where('source_id', '=', wo.id)
      .execute();
    expect(disposals).toEqual([
      expect.objectContaining({
        method: 'scrap',
        quantity: 3,
        value_written_off_minor: 3 * 6000,
        rma_line_id: r.rma.lines[0]!.id,
        approved_by: 'quality@test.local',
      }),
    ]);
    expect(disposals[0]!.reason).toMatch(/beyond repair.*board burnt/);
  });

  it("REPAIR_EXTERNAL: a partner's work order, reported only by that partner", async () => {
    const r = await inspected({ quantity: 1 }, { grade: 'D', defectCodes: ['MECHANICAL_FAULT'] });
    const mine = await makeRepairPartner(f, r.world.entity.id, `FIX-${dialect.toUpperCase()}`);
    const theirs = await makeRepairPartner(f, r.world.entity.id, `OTHER-${dialect.toUpperCase()}`);
    const rec = await recommend(r.id);
    expect(rec.code).toBe('REPAIR_EXTERNAL');
    const listed = await call(f, f.quality, 'GET', `/inspections/${r.id}/recommendation`);
    expect(listed.json().repairPartners.map((p: { id: string }) => p.id)).toEqual(
      expect.arrayContaining([mine.id, theirs.id]),
    );

    const noPartner = await decide(r.id, { code: 'REPAIR_EXTERNAL', rulesVersion: rec.rulesVersion });
    expectProblem(noPartner, 400, 'validation_failed');
    expect(noPartner.json().errors).toEqual([{ path: 'partnerId', message: 'choose a repair partner' }]);
    const unknown = await decide(r.id, {
      code: 'REPAIR_EXTERNAL',
      rulesVersion: rec.rulesVersion,
      partnerId: 'ptn_nobody',
    });
    expectProblem(unknown, 400, 'validation_failed');
    await undisposed(r, 1);

    const d = await confirm(r.id, 'REPAIR_EXTERNAL', { partnerId: mine.id });
    expect(await stockOf(f, r.product.id)).toEqual([
      { status: 'in_repair', location: 'REPAIR', quantity: 1, serial: null },
    ]);
    const staffView = (await call(f, f.quality, 'GET', `/work-orders/${d.followUpId}`)).json();
    expect(staffView).toMatchObject({ performer: 'partner', partnerId: mine.id, partnerName: mine.name });

    const ours = await partnerToken(f, mine.id);
    const other = await partnerToken(f, theirs.id);
    const page = await call(f, ours, 'GET', '/partner/work-orders');
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json().items.map((w: { id: string }) => w.id)).toEqual([d.followUpId]);
    // The partner's view: the work, not the customer, the return or the unit's value.
    const view = page.json().items[0];
    for (const hidden of ['rmaId', 'rmaNumber', 'siteId', 'unitValueMinor', 'partnerId', 'dispositionId'])
      expect(view).not.toHaveProperty(hidden);
    expect((await call(f, ours, 'GET', `/work-orders/${d.followUpId}`)).statusCode).toBe(403);
    expect((await call(f, f.quality, 'GET', '/partner/work-orders')).statusCode).toBe(403);

    // A partner login tied to no partner (created outside the admin screens) has no work at all.
    const unattached = await t.tokenFor('repair_partner');
    expect((await call(f, unattached, 'GET', '/partner/work-orders')).json()).toMatchObject({ items: [], total: 0 });
    expectProblem(await call(f, unattached, 'GET', `/partner/work-orders/${d.followUpId}`), 404);

    // Another partner sees nothing and changes nothing; our staff may not report the partner's work.
    expect((await call(f, other, 'GET', '/partner/work-orders')).json().items).toEqual([]);
    expectProblem(await call(f, other, 'GET', `/partner/work-orders/${d.followUpId}`), 404, 'not_found');
    const body = { outcome: 'repaired', actualCostMinor: 2500, grade: 'A' };
    expectProblem(
      await call(f, other, 'POST', `/partner/work-orders/${d.followUpId}/outcome`, body, ifMatch(staffView.version)),
      404,
    );
    expectProblem(
      await call(f, f.quality, 'POST', `/work-orders/${d.followUpId}/outcome`, body, ifMatch(staffView.version)),
      422,
      'rule_violation',
    );
    expectProblem(
      await call(
        f,
        f.quality,
        'POST',
        `/partner/work-orders/${d.followUpId}/outcome`,
        body,
        ifMatch(staffView.version),
      ),
      403,
    );
    const unchanged = (await call(f, f.quality, 'GET', `/work-orders/${d.followUpId}`)).json();
    expect(unchanged).toMatchObject({ status: 'open', version: staffView.version, outcome: null });
    expect(await stockOf(f, r.product.id)).toEqual([
      { status: 'in_repair', location: 'REPAIR', quantity: 1, serial: null },
    ]);

    const reported = await call(
      f,
      ours,
      'POST',
      `/partner/work-orders/${d.followUpId}/outcome`,
      body,
      ifMatch(staffView.version),
    );
    expect(reported.statusCode, reported.body).toBe(200);
    expect(reported.json()).toMatchObject({ status: 'completed', outcome: 'repaired', outcomeGrade: 'A' });
    expect(reported.json()).not.toHaveProperty('gradedValueMinor');
    expect(await stockOf(f, r.product.id)).toEqual([
      { status: 'saleable', location: 'RESTOCK', quantity: 1, serial: null },
    ]);
    const after = (await call(f, f.quality, 'GET', `/work-orders/${d.followUpId}`)).json();
    expect(after).toMatchObject({ reportedBy: `Technician of ${mine.id}`, gradedValueMinor: 6000 });
  });

  it("RETURN_TO_VENDOR: a line on the supplier's vendor return with the inspection's evidence; none without a supplier", async () => {
    const supplier = await call(f, admin, 'POST', '/suppliers', {
      code: `SUP-${dialect.toUpperCase()}`,
      name: 'Drill Makers Ltd',
      legalEntityId: (await makeSiteWorld(t)).entity.id,
      currency: 'USD',
    });
    expect(supplier.statusCode, supplier.body).toBe(201);
    const r = await receivedReturn(f, {
      quantity: 2,
      reasonCode: 'DEFECTIVE',
      claimedCondition: 'defective',
      product: { supplierId: supplier.json().id },
    });
    const id = r.inspections[0]!.id;
    const form = multipartBody([{ fileName: 'fault.jpg', contentType: 'image/jpeg', bytes: SAMPLE_IMAGES.jpeg }]);
    const photo = await t.request(f.quality, {
      method: 'POST',
      url: `/api/v1/inspections/${id}/photos`,
      payload: form.payload,
      headers: form.headers,
    });
    expect(photo.statusCode, photo.body).toBe(201);
    await completeInspection(f, id, { grade: 'D', defectCodes: ['ELECTRICAL_FAULT'], findings: 'trips the breaker' });
    const d = await confirm(id, 'RETURN_TO_VENDOR');
    expect(d).toMatchObject({ ruleId: 'defective-supplier-fault', followUpType: 'vendor_return' });
    expect(await stockOf(f, r.product.id)).toEqual([
      { status: 'on_vendor_return', location: 'RTV', quantity: 2, serial: null },
    ]);
    const vendorReturn = await t.platform.db
      .selectFrom('vendor_returns')
      .selectAll()
      .where('id', '=', d.followUpId)
      .executeTakeFirstOrThrow();
    expect(vendorReturn).toMatchObject({ supplier_id: supplier.json().id, site_id: r.world.site.id, status: 'open' });
    const lines = await t.platform.db
      .selectFrom('vendor_return_lines')
      .selectAll()
      .where('vendor_return_id', '=', vendorReturn.id)
      .execute();
    expect(lines).toEqual([
      expect.objectContaining({
        disposition_id: d.id,
        inspection_id: id,
        quantity: 2,
        unit_cost_minor: 6000,
        reason_code: 'DEFECTIVE',
        grade: 'D',
      }),
    ]);
    const [uploaded] = photo.json().items;
    expect(JSON.parse(lines[0]!.evidence)).toEqual({
      defectCodes: ['ELECTRICAL_FAULT'],
      findings: 'trips the breaker',
      noFaultFound: false,
      photos: [{ id: uploaded.id, sha256: uploaded.sha256, url: uploaded.url }],
    });

    // A product without a supplier cannot go back to one, even by override.
    const orphan = await inspected({ quantity: 1 }, { grade: 'D', defectCodes: ['ELECTRICAL_FAULT'] });
    const rec = await recommend(orphan.id);
    const refused = await decide(orphan.id, {
      code: 'RETURN_TO_VENDOR',
      rulesVersion: rec.rulesVersion,
      overrideReason: 'the maker should see this',
    });
    expectProblem(refused, 422, 'rule_violation');
    await undisposed(orphan, 1);
  });

  it('QUARANTINE: regulated goods not as new are held, once quality has signed the inspection off', async () => {
    const world = await makeSiteWorld(t);
    const r = await receivedReturn(f, {
      world,
      quantity: 1,
      product: { regulatedClass: 'rx', category: 'Medical Devices' },
    });
    const id = r.inspections[0]!.id;
    const completed = await completeInspection(f, id, { grade: 'B', defectCodes: ['SEAL_BROKEN'] });
    const approved = await call(
      f,
      quality2,
      'POST',
      `/inspections/${id}/sign-off`,
      { decision: 'approve' },
      ifMatch(completed.version),
    );
    expect(approved.statusCode, approved.body).toBe(200);
    const d = await confirm(id, 'QUARANTINE', { holdReason: 'seal broken: compliance to decide' });
    expect(d).toMatchObject({ ruleId: 'regulated-not-as-new', targetStatus: 'quarantined' });
    expect(await stockOf(f, r.product.id)).toEqual([
      { status: 'quarantined', location: 'QUARANTINE', quantity: 1, serial: null },
    ]);
    const hold = await t.platform.db
      .selectFrom('quarantine_holds')
      .selectAll()
      .where('id', '=', d.followUpId)
      .executeTakeFirstOrThrow();
    expect(hold).toMatchObject({
      disposition_id: d.id,
      status: 'held',
      reason: 'seal broken: compliance to decide',
      quantity: 1,
    });
    expect((await unitsOf(f, r.rma.id)).dispositioned).toEqual({ QUARANTINE: 1 });
  });

  it('SCRAP: only someone who may approve the write-off; a disposal record names them', async () => {
    const r = await inspected({ quantity: 2 }, { grade: 'X', findings: 'melted' });
    const rec = await recommend(r.id);
    expect(rec.code).toBe('SCRAP');
    const refused = await decide(r.id, { code: 'SCRAP', rulesVersion: rec.rulesVersion }, f.warehouse);
    expectProblem(refused, 403, 'forbidden');
    await undisposed(r, 2);
    expect(await t.platform.db.selectFrom('disposals').select('id').where('rma_id', '=', r.rma.id).execute()).toEqual(
      [],
    );

    const d = await confirm(r.id, 'SCRAP', { disposalReason: 'melted, unsafe' });
    expect(await stockOf(f, r.product.id)).toEqual([
      { status: 'scrapped', location: 'SCRAP', quantity: 2, serial: null },
    ]);
    const disposal = await t.platform.db
      .selectFrom('disposals')
      .selectAll()
      .where('id', '=', d.followUpId)
      .executeTakeFirstOrThrow();
    expect(disposal).toMatchObject({
      source_type: 'disposition',
      source_id: d.id,
      method: 'scrap',
      reason: 'melted, unsafe',
      value_written_off_minor: 2 * 6000,
      approved_by: 'quality@test.local',
    });
    expect(disposal.disposal_number).not.toBe('');
  });

  it('SECONDARY_CHANNEL: a line on the site’s open liquidation lot at the grade', async () => {
    const r = await inspected(
      { quantity: 3, product: { category: 'Batteries' } },
      { grade: 'C', defectCodes: ['COSMETIC'] },
    );
    const d = await confirm(r.id, 'SECONDARY_CHANNEL');
    expect(await stockOf(f, r.product.id)).toEqual([
      { status: 'secondary_channel', location: 'B-STOCK', quantity: 3, serial: null },
    ]);
    const lot = await t.platform.db
      .selectFrom('liquidation_lots')
      .selectAll()
      .where('id', '=', d.followUpId)
      .executeTakeFirstOrThrow();
    expect(lot).toMatchObject({ site_id: r.world.site.id, status: 'open' });
    const lines = await t.platform.db
      .selectFrom('liquidation_lot_lines')
      .selectAll()
      .where('liquidation_lot_id', '=', lot.id)
      .execute();
    expect(lines).toEqual([
      expect.objectContaining({ source_type: 'disposition', source_id: d.id, quantity: 3, grade: 'C' }),
    ]);
  });

  it('RETURN_TO_CUSTOMER: a warranty claim not borne out goes back, held at the shipping location', async () => {
    const r = await inspected(
      {
        quantity: 1,
        returnType: 'warranty',
        reasonCode: 'DEFECTIVE',
        claimedCondition: 'defective',
        product: { warrantyMonths: 24 },
      },
      { grade: 'C', defectCodes: ['COSMETIC'], findings: 'works; scratched' },
    );
    const d = await confirm(r.id, 'RETURN_TO_CUSTOMER');
    expect(d).toMatchObject({ ruleId: 'warranty-claim-not-borne-out', targetStatus: 'quarantined' });
    expect(await stockOf(f, r.product.id)).toEqual([
      { status: 'quarantined', location: 'SHIP-BACK', quantity: 1, serial: null },
    ]);
    const shipment = await t.platform.db
      .selectFrom('customer_return_shipments')
      .selectAll()
      .where('id', '=', d.followUpId)
      .executeTakeFirstOrThrow();
    expect(shipment).toMatchObject({
      customer_id: r.world.customer.id,
      status: 'awaiting_shipment',
      source_id: d.id,
      quantity: 1,
    });
  });

  it('an override needs a reason and keeps what the rules recommended; an unknown code is refused', async () => {
    const r = await inspected({ quantity: 2 }, { grade: 'A' });
    const rec = await recommend(r.id);
    expect(rec).toMatchObject({ code: 'RESTOCK', ruleId: 'as-new' });
    const noReason = await decide(r.id, { code: 'SECONDARY_CHANNEL', rulesVersion: rec.rulesVersion });
    expectProblem(noReason, 400, 'validation_failed');
    expect(noReason.json().errors).toEqual([
      { path: 'overrideReason', message: 'required when overriding the recommendation' },
    ]);
    const blank = await decide(r.id, {
      code: 'SECONDARY_CHANNEL',
      rulesVersion: rec.rulesVersion,
      overrideReason: '   ',
    });
    expectProblem(blank, 400, 'validation_failed');
    const unknown = await decide(r.id, {
      code: 'GIVE_AWAY',
      rulesVersion: rec.rulesVersion,
      overrideReason: 'why not',
    });
    expectProblem(unknown, 400, 'validation_failed');
    expect(unknown.json().errors).toEqual([{ path: 'code', message: 'not a disposition code in force' }]);
    await undisposed(r, 2);

    const res = await decide(r.id, {
      code: 'SECONDARY_CHANNEL',
      rulesVersion: rec.rulesVersion,
      overrideReason: 'discontinued model: sell it off',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      code: 'SECONDARY_CHANNEL',
      recommendedCode: 'RESTOCK',
      ruleId: 'as-new',
      rulesVersion: rec.rulesVersion,
      isOverride: true,
      overrideReason: 'discontinued model: sell it off',
    });
    const stored = await call(f, f.agent, 'GET', `/dispositions/${res.json().id}`);
    expect(stored.json()).toEqual(res.json());
    expect(await stockOf(f, r.product.id)).toEqual([
      { status: 'secondary_channel', location: 'B-STOCK', quantity: 2, serial: null },
    ]);
    expect((await unitsOf(f, r.rma.id)).dispositioned).toEqual({ SECONDARY_CHANNEL: 2 });
  });

  it('rules published between the recommendation and the decision: 412, then the decision on the new version', async () => {
    const r = await inspected({ quantity: 1 }, { grade: 'A' });
    const rec = await recommend(r.id);
    const rules = await call(f, admin, 'GET', '/config/disposition_rules');
    expect(rules.statusCode, rules.body).toBe(200);
    expect(rules.json().version).toBe(rec.rulesVersion);
    const published = await call(
      f,
      admin,
      'PUT',
      '/config/disposition_rules',
      { document: rules.json().document, comment: 'republished unchanged (test)' },
      ifMatch(rules.json().version),
    );
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json().version).toBe(rec.rulesVersion + 1);

    const stale = await decide(r.id, { code: rec.code, rulesVersion: rec.rulesVersion });
    expectProblem(stale, 412, 'precondition_failed');
    await undisposed(r, 1);
    const fresh = await recommend(r.id);
    expect(fresh.rulesVersion).toBe(rec.rulesVersion + 1);
    const res = await decide(r.id, { code: fresh.code, rulesVersion: fresh.rulesVersion });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ rulesVersion: fresh.rulesVersion, isOverride: false });
  });

  it('a serialized return: one inspection per serial, each dispositioned on its own', async () => {
    const r = await receivedReturn(f, { serials: ['SN-1', 'SN-2'] });
    expect(r.inspections.map((i) => [i.serial, i.quantity]).sort()).toEqual([
      ['SN-1', 1],
      ['SN-2', 1],
    ]);
    const bySerial = new Map(r.inspections.map((i) => [i.serial, i.id]));
    await completeInspection(f, bySerial.get('SN-1')!, { grade: 'A' });
    await completeInspection(f, bySerial.get('SN-2')!, { grade: 'X' });
    const first = await dispose(f, bySerial.get('SN-1')!);
    expect(first.response.statusCode, first.response.body).toBe(201);
    expect(first.response.json()).toMatchObject({ code: 'RESTOCK', serial: 'SN-1', quantity: 1 });
    expect(await stockOf(f, r.product.id)).toEqual([
      { status: 'awaiting_inspection', location: 'RETURNS-IN', quantity: 1, serial: 'SN-2' },
      { status: 'saleable', location: 'RESTOCK', quantity: 1, serial: 'SN-1' },
    ]);
    expect(await unitsOf(f, r.rma.id)).toMatchObject({ awaitingDisposition: 1, dispositioned: { RESTOCK: 1 } });
    const second = await dispose(f, bySerial.get('SN-2')!);
    expect(second.response.statusCode, second.response.body).toBe(201);
    expect(second.response.json()).toMatchObject({ code: 'SCRAP', serial: 'SN-2' });
    expect(await stockOf(f, r.product.id)).toEqual([
      { status: 'saleable', location: 'RESTOCK', quantity: 1, serial: 'SN-1' },
      { status: 'scrapped', location: 'SCRAP', quantity: 1, serial: 'SN-2' },
    ]);
    expect(await unitsOf(f, r.rma.id)).toMatchObject({
      awaitingDisposition: 0,
      dispositioned: { RESTOCK: 1, SCRAP: 1 },
    });
  });
});
