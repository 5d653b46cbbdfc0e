// "Test this rule" through the API: a draft of the disposition rules applied to a completed
// inspection beside the rules in force, checked as publishing checks it, stored nowhere; staff
// may try it, customers and repair partners may not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DispositionRules } from '../../src/contracts/disposition-rules.js';
import { DIALECTS } from '../support/databases.js';
import { expectProblem } from './support/problems.js';
import {
  call,
  completeInspection,
  makeRepairPartner,
  partnerToken,
  receivedReturn,
  startFlow,
  type Flow,
} from './support/inspection-flow.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const PREVIEW = '/config/disposition_rules/preview';

describe.each(DIALECTS)('disposition rules preview on %s', (dialect) => {
  let t: TestApp;
  let f: Flow;
  let admin: string;
  let rulesInForce: { version: number; document: DispositionRules };
  /** A unit inspected as new: the rules in force restock it. */
  let asNew: { inspectionId: string; customerId: string; legalEntityId: string };

  beforeAll(async () => {
    t = await startTestApp(dialect);
    f = await startFlow(t);
    admin = await t.tokenFor('admin');
    const current = await call(f, admin, 'GET', '/config/disposition_rules');
    expect(current.statusCode, current.body).toBe(200);
    rulesInForce = current.json();
    const received = await receivedReturn(f, { quantity: 1 });
    await completeInspection(f, received.inspections[0]!.id, { grade: 'A' });
    asNew = {
      inspectionId: received.inspections[0]!.id,
      customerId: received.world.customer.id,
      legalEntityId: received.world.entity.id,
    };
  });
  afterAll(() => t.close());

  const withRuleOnTop = (rule: object): DispositionRules =>
    ({ ...rulesInForce.document, rules: [rule, ...rulesInForce.document.rules] }) as DispositionRules;

  const outletAsNew = {
    id: 'as-new-to-outlet',
    name: 'As new, to the outlet this quarter',
    when: [{ fact: 'grade', op: 'eq', value: 'A' }],
    code: 'SECONDARY_CHANNEL',
    explanation: 'The shelves are full: as-new returns go to the outlet',
    isActive: true,
  };

  it('a draft with a new rule on top changes the outcome: the draft and the rules in force side by side, nothing stored', async () => {
    const res = await call(f, admin, 'POST', PREVIEW, {
      document: withRuleOnTop(outletAsNew),
      inspectionId: asNew.inspectionId,
    });
    expect(res.statusCode, res.body).toBe(200);
    const preview = res.json();
    expect(preview.inspectionId).toBe(asNew.inspectionId);
    expect(preview.facts).toMatchObject({ grade: 'A', claimVerdict: expect.any(String) });
    expect(preview.recommendation).toMatchObject({
      code: 'SECONDARY_CHANNEL',
      ruleId: 'as-new-to-outlet',
      rulesVersion: 0,
      action: 'secondary_channel',
      targetStatus: 'secondary_channel',
      conditionsMet: ['grade is A'],
    });
    expect(preview.recommendation.explanation).toMatch(/^The shelves are full/);
    expect(preview.current).toMatchObject({ code: 'RESTOCK', rulesVersion: rulesInForce.version });
    expect(preview.current.ruleId).not.toBe('as-new-to-outlet');
    expect(preview.isChanged).toBe(true);

    // Nothing was published, and the inspector is still told what the rules in force say.
    const after = await call(f, admin, 'GET', '/config/disposition_rules');
    expect(after.json().version).toBe(rulesInForce.version);
    const rec = await call(f, f.quality, 'GET', `/inspections/${asNew.inspectionId}/recommendation`);
    expect(rec.json().recommendation.code).toBe('RESTOCK');
  });

  it('the rules in force as the draft change nothing; an inactive rule on top is passed over', async () => {
    const same = await call(f, admin, 'POST', PREVIEW, {
      document: rulesInForce.document,
      inspectionId: asNew.inspectionId,
    });
    expect(same.statusCode, same.body).toBe(200);
    expect(same.json()).toMatchObject({ isChanged: false, recommendation: { code: 'RESTOCK' } });
    expect(same.json().recommendation.ruleId).toBe(same.json().current.ruleId);

    const inactive = await call(f, admin, 'POST', PREVIEW, {
      document: withRuleOnTop({ ...outletAsNew, isActive: false }),
      inspectionId: asNew.inspectionId,
    });
    expect(inactive.statusCode, inactive.body).toBe(200);
    expect(inactive.json()).toMatchObject({ isChanged: false, recommendation: { code: 'RESTOCK' } });
  });

  it("the draft's cost table estimates the repair costs the draft's rules compare", async () => {
    const document = {
      ...rulesInForce.document,
      costEstimates: [{ category: '*', repairBps: 100, refurbishBps: 200 }],
    };
    const res = await call(f, admin, 'POST', PREVIEW, { document, inspectionId: asNew.inspectionId });
    expect(res.statusCode, res.body).toBe(200);
    const { facts, current } = res.json();
    expect(facts.unitValueMinor).toBeGreaterThan(0);
    expect(facts.repairCostMinor).toBe(Math.round(facts.unitValueMinor / 100));
    expect(facts.refurbishCostMinor).toBe(Math.round(facts.unitValueMinor / 50));
    expect(current.facts.repairCostMinor).not.toBe(facts.repairCostMinor);
  });

  it('quality may try rules too (it changes nothing)', async () => {
    const res = await call(f, f.quality, 'POST', PREVIEW, {
      document: withRuleOnTop(outletAsNew),
      inspectionId: asNew.inspectionId,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().recommendation.code).toBe('SECONDARY_CHANNEL');
  });

  it('an invalid draft is a 400 naming where: a wrong operator, a missing field, a code not in force, a rule that hides the rest', async () => {
    const cases: Array<[object, string]> = [
      [{ ...outletAsNew, when: [{ fact: 'grade', op: 'gt', value: 3 }] }, 'document.rules.0.when.0.op'],
      [{ ...outletAsNew, explanation: undefined }, 'document.rules.0.explanation'],
      [{ ...outletAsNew, code: 'GIVE_AWAY' }, 'document.rules.0.code'],
      [{ ...outletAsNew, when: [{ fact: 'unitValueMinor', op: 'gte' }] }, 'document.rules.0.when.0.value'],
      [{ ...outletAsNew, when: [] }, 'document.rules.0.when'],
    ];
    for (const [rule, path] of cases) {
      const res = await call(f, admin, 'POST', PREVIEW, {
        document: withRuleOnTop(rule),
        inspectionId: asNew.inspectionId,
      });
      expectProblem(res, 400, 'validation_failed');
      expect(
        res.json<{ errors: Array<{ path: string }> }>().errors.map((error) => error.path),
        JSON.stringify(rule),
      ).toContain(path);
    }
    const noDocument = await call(f, admin, 'POST', PREVIEW, { document: 'rules', inspectionId: asNew.inspectionId });
    expectProblem(noDocument, 400, 'validation_failed');
    expect(noDocument.json().errors[0].path).toBe('document');
    const noStar = await call(f, admin, 'POST', PREVIEW, {
      document: {
        ...rulesInForce.document,
        costEstimates: [{ category: 'Networking', repairBps: 1, refurbishBps: 1 }],
      },
      inspectionId: asNew.inspectionId,
    });
    expectProblem(noStar, 400, 'validation_failed');
    expect(noStar.json().errors.map((error: { path: string }) => error.path)).toContain('document.costEstimates');
  });

  it('an unknown inspection is a 404; one not completed yet is a 409', async () => {
    const unknown = await call(f, admin, 'POST', PREVIEW, {
      document: rulesInForce.document,
      inspectionId: 'ins_does_not_exist',
    });
    expectProblem(unknown, 404, 'not_found');
    const pending = await receivedReturn(f, { quantity: 1 });
    const notDone = await call(f, admin, 'POST', PREVIEW, {
      document: rulesInForce.document,
      inspectionId: pending.inspections[0]!.id,
    });
    expectProblem(notDone, 409);
  });

  it("a customer (even the unit's own) and a repair partner may not try rules", async () => {
    const customer = await t.tokenFor('customer', { customerId: asNew.customerId });
    const asCustomer = await call(f, customer, 'POST', PREVIEW, {
      document: withRuleOnTop(outletAsNew),
      inspectionId: asNew.inspectionId,
    });
    expectProblem(asCustomer, 403, 'forbidden');
    expect(asCustomer.body).not.toContain('SECONDARY_CHANNEL');
    const partner = await makeRepairPartner(f, asNew.legalEntityId, 'PTN-PREVIEW');
    const asPartner = await call(f, await partnerToken(f, partner.id), 'POST', PREVIEW, {
      document: rulesInForce.document,
      inspectionId: asNew.inspectionId,
    });
    expectProblem(asPartner, 403, 'forbidden');
    const anonymous = await t.request(null, {
      method: 'POST',
      url: `/api/v1${PREVIEW}`,
      payload: { document: rulesInForce.document, inspectionId: asNew.inspectionId },
    });
    expect(anonymous.statusCode).toBe(401);
  });
});
