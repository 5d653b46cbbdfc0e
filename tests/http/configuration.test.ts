// Versioned configuration over HTTP: reading the version in force, publishing a new one under
// If-Match, refusing invalid documents, and — the point of versioning — decisions recording the
// version that made them.
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import { expectProblem } from './support/problems.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { makeWorld } from '../support/factories.js';

const KINDS = ['return_policy', 'approval_rules', 'reason_codes', 'disposition_codes'] as const;
type Kind = (typeof KINDS)[number];
const errorPaths = (res: LightMyRequestResponse) =>
  (res.json().errors ?? []).map((e: { path: string }) => e.path) as string[];

function rmaBody(customerId: string, orderLineId: string, lineOverrides: Record<string, unknown> = {}) {
  return {
    customerId,
    returnType: 'standard',
    lines: [
      { orderLineId, quantity: 1, reasonCode: 'ORDERED_IN_ERROR', claimedCondition: 'unopened', ...lineOverrides },
    ],
  };
}

describe.each(DIALECTS)('configuration over HTTP on %s', (dialect) => {
  let t: TestApp;
  let admin: string;
  let agent: string;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    admin = await t.tokenFor('admin');
    agent = await t.tokenFor('cs_agent');
  });
  afterAll(async () => t?.close());

  async function current(kind: Kind) {
    const res = await t.request(agent, { method: 'GET', url: `/api/v1/config/${kind}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{
      kind: Kind;
      version: number;
      document: Record<string, unknown> & { codes?: Array<Record<string, unknown>> };
      comment: string;
      createdBy: string;
      createdAt: string;
    }>();
  }
  function publish(
    kind: Kind,
    document: unknown,
    version: number | null,
    comment: unknown = 'test change',
    token = admin,
  ) {
    return t.request(token, {
      method: 'PUT',
      url: `/api/v1/config/${kind}`,
      payload: { document, comment },
      headers: version === null ? {} : { 'if-match': `"${version}"` },
    });
  }
  function publishWithoutComment(kind: Kind, document: unknown, version: number) {
    return t.request(admin, {
      method: 'PUT',
      url: `/api/v1/config/${kind}`,
      payload: { document },
      headers: { 'if-match': `"${version}"` },
    });
  }

  it('serves every kind with its version as the ETag', async () => {
    for (const kind of KINDS) {
      const res = await t.request(agent, { method: 'GET', url: `/api/v1/config/${kind}` });
      expect(res.statusCode, kind).toBe(200);
      expect(res.json()).toMatchObject({ kind, version: 1, comment: 'standard configuration', createdBy: 'Boomerang' });
      expect(res.headers.etag).toBe(`"${res.json().version}"`);
    }
    const policy = await current('return_policy');
    expect(policy.document).toMatchObject({ defaultReturnWindowDays: 30, authorizationValidDays: 30 });
    const rules = await current('approval_rules');
    expect(rules.document).toMatchObject({ valueThresholds: { USD: 250_000 } });
    const reasons = await current('reason_codes');
    expect(reasons.document.codes!.map((c) => c.code)).toContain('ORDERED_IN_ERROR');
    const customer = await t.tokenFor('customer', { customerId: (await makeWorld(t.platform)).customer.id });
    expect((await t.request(customer, { method: 'GET', url: '/api/v1/config/reason_codes' })).statusCode).toBe(200);

    for (const url of [
      '/api/v1/config/tax_rules',
      '/api/v1/config/RETURN_POLICY',
      '/api/v1/config/tax_rules/versions',
    ]) {
      const res = await t.request(agent, { method: 'GET', url });
      expectProblem(res, 400, 'validation_failed');
      expect(errorPaths(res)).toEqual(['params.kind']);
    }
    expectProblem(await t.request(null, { method: 'GET', url: '/api/v1/config/return_policy' }), 401);
  });

  it('publishes only with If-Match: 428 without, 412 when stale', async () => {
    const before = await current('return_policy');
    const changed = { ...before.document, defaultReturnWindowDays: 35 };
    expectProblem(await publish('return_policy', changed, null), 428, 'precondition_required');
    const stale = await publish('return_policy', changed, before.version + 5);
    expectProblem(stale, 412, 'precondition_failed');
    expect(stale.json().detail).toContain(`version ${before.version}`);
    expectProblem(await publish('return_policy', changed, before.version - 1), 412);
    const garbage = await t.request(admin, {
      method: 'PUT',
      url: '/api/v1/config/return_policy',
      payload: { document: changed, comment: 'x' },
      headers: { 'if-match': '*' },
    });
    expectProblem(garbage, 400);
    expect((await current('return_policy')).version).toBe(before.version);
  });

  it('refuses an invalid document with paths under document., and keeps the version in force', async () => {
    const policy = (await current('return_policy')).document;
    const rules = (await current('approval_rules')).document;
    const reasons = (await current('reason_codes')).document;
    const dispositions = (await current('disposition_codes')).document;
    const versionsBefore = await Promise.all(KINDS.map(async (k) => (await current(k)).version));
    const cases: Array<[Kind, unknown, string]> = [
      ['return_policy', { ...policy, defaultReturnWindowDays: -1 }, 'document.defaultReturnWindowDays'],
      ['return_policy', { ...policy, authorizationValidDays: 0 }, 'document.authorizationValidDays'],
      [
        'return_policy',
        { ...policy, windowExemptReturnTypes: ['warranty', 'gift'] },
        'document.windowExemptReturnTypes.1',
      ],
      ['return_policy', { ...policy, windows: [{ tier: 'gold', category: '*', days: -5 }] }, 'document.windows.0.days'],
      [
        'return_policy',
        { ...policy, windows: [{ tier: 'gold', category: '*', days: 5, note: 'x' }] },
        'document.windows.0',
      ],
      ['return_policy', { ...policy, restockingFeeBps: 1500 }, 'document'],
      ['return_policy', rules, 'document'],
      ['return_policy', null, 'document'],
      ['return_policy', undefined, 'document'],
      ['approval_rules', { ...rules, valueThresholds: { usd: 100 } }, 'document.valueThresholds.usd'],
      ['approval_rules', { ...rules, valueThresholds: { USD: 1.5 } }, 'document.valueThresholds.USD'],
      ['approval_rules', { ...rules, defaultValueThresholdMinor: -1 }, 'document.defaultValueThresholdMinor'],
      [
        'approval_rules',
        { ...rules, conditionsRequiringApproval: ['soggy'] },
        'document.conditionsRequiringApproval.0',
      ],
      [
        'reason_codes',
        { codes: [...reasons.codes!, { ...reasons.codes![0], label: 'Again' }] },
        `document.codes.${reasons.codes!.length}.code`,
      ],
      ['reason_codes', { codes: [] }, 'document.codes'],
      ['reason_codes', { codes: [{ code: 'lower case', label: 'x', fault: 'customer' }] }, 'document.codes.0.code'],
      ['reason_codes', { codes: [{ code: 'GOOD', label: 'x', fault: 'aliens' }] }, 'document.codes.0.fault'],
      [
        'disposition_codes',
        { codes: [...dispositions.codes!, dispositions.codes![2]] },
        `document.codes.${dispositions.codes!.length}.code`,
      ],
      [
        'disposition_codes',
        { codes: [{ code: 'MELT', label: 'Melt', stockStatus: 'liquid' }] },
        'document.codes.0.stockStatus',
      ],
    ];
    for (const [kind, document, path] of cases) {
      const res = await publish(kind, document, versionsBefore[KINDS.indexOf(kind)]!);
      expectProblem(res, 400, 'validation_failed');
      const paths = errorPaths(res);
      expect(paths, `${kind} ${JSON.stringify(document)}`).toContain(path);
      expect(
        paths.every((p) => p === 'document' || p.startsWith('document.')),
        paths.join(),
      ).toBe(true);
    }
    const afterVersions = await Promise.all(KINDS.map(async (k) => (await current(k)).version));
    expect(afterVersions).toEqual(versionsBefore);
  });

  it('requires a comment, a known kind and an admin', async () => {
    const { version, document } = await current('disposition_codes');
    const missing = await publishWithoutComment('disposition_codes', document, version);
    expectProblem(missing, 400, 'validation_failed');
    expect(errorPaths(missing)).toEqual(['comment']);
    for (const comment of [null, '', '   ', 'x'.repeat(501), 42]) {
      const res = await publish('disposition_codes', document, version, comment);
      expectProblem(res, 400, 'validation_failed');
      expect(errorPaths(res)).toEqual(['comment']);
    }
    const extra = await t.request(admin, {
      method: 'PUT',
      url: '/api/v1/config/disposition_codes',
      payload: { document, comment: 'x', publishAt: 'tomorrow' },
      headers: { 'if-match': `"${version}"` },
    });
    expectProblem(extra, 400);
    const unknownKind = await t.request(admin, {
      method: 'PUT',
      url: '/api/v1/config/tax_rules',
      payload: { document, comment: 'x' },
      headers: { 'if-match': '"1"' },
    });
    expectProblem(unknownKind, 400);
    expect(errorPaths(unknownKind)).toContain('params.kind');
    for (const role of ['cs_agent', 'cs_manager', 'ops_manager', 'finance'] as const) {
      expectProblem(
        await publish('disposition_codes', document, version, 'mine now', await t.tokenFor(role)),
        403,
        'forbidden',
      );
    }
    const customer = await t.tokenFor('customer', { customerId: (await makeWorld(t.platform)).customer.id });
    expectProblem(await publish('disposition_codes', document, version, 'mine now', customer), 403);
    expect((await current('disposition_codes')).version).toBe(version);
  });

  it('publishes a new version with its comment and author, and keeps the history', async () => {
    const before = await current('disposition_codes');
    const document = {
      codes: [
        ...before.document.codes!,
        { code: 'DONATE', label: 'Donate', description: 'Give to charity', stockStatus: 'scrapped' },
      ],
    };
    const res = await publish('disposition_codes', document, before.version, '  charity programme from Q1  ');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers.etag).toBe(`"${before.version + 1}"`);
    expect(res.json()).toMatchObject({
      kind: 'disposition_codes',
      version: before.version + 1,
      comment: 'charity programme from Q1',
      createdBy: 'admin@test.local',
    });
    // Defaults inside the document are filled in before it is stored.
    expect(res.json().document.codes.at(-1)).toEqual({
      code: 'DONATE',
      label: 'Donate',
      description: 'Give to charity',
      isActive: true,
      stockStatus: 'scrapped',
    });

    const now = await t.request(agent, { method: 'GET', url: '/api/v1/config/disposition_codes' });
    expect(now.headers.etag).toBe(`"${before.version + 1}"`);
    expect(now.json()).toEqual(res.json());
    const versions = (
      await t.request(agent, { method: 'GET', url: '/api/v1/config/disposition_codes/versions' })
    ).json();
    expect(versions.items.map((v: { version: number }) => v.version)).toEqual([before.version + 1, before.version]);
    expect(versions.items[0]).toMatchObject({ comment: 'charity programme from Q1', createdBy: 'admin@test.local' });
    expect(versions.items[1]).toMatchObject({ comment: before.comment, document: before.document });

    // The version just edited is stale now.
    expectProblem(await publish('disposition_codes', document, before.version), 412);
    const audit = await t.platform.db
      .selectFrom('audit_log')
      .select(['action', 'before', 'after'])
      .where('entity_id', '=', 'disposition_codes')
      .orderBy('id')
      .execute();
    expect(audit.at(-1)!.action).toBe('config.published');
    expect(JSON.parse(audit.at(-1)!.after!)).toMatchObject({
      version: before.version + 1,
      comment: 'charity programme from Q1',
    });
  });

  async function racePublishes() {
    const before = await current('return_policy');
    const attempts = await Promise.all(
      [40, 41, 42, 43, 44, 45, 46, 47].map((days) =>
        publish('return_policy', { ...before.document, defaultReturnWindowDays: days }, before.version, `try ${days}`),
      ),
    );
    return {
      before,
      statuses: attempts.map((r) => r.statusCode),
      winner: attempts.find((r) => r.statusCode === 200)?.json(),
    };
  }

  it('lets exactly one of several concurrent publishes of the same version win', async () => {
    const { before, statuses, winner } = await racePublishes();
    expect(
      statuses.filter((s) => s === 200),
      statuses.join(),
    ).toHaveLength(1);
    expect(
      statuses.filter((s) => s >= 400),
      statuses.join(),
    ).toHaveLength(7);
    const after = await current('return_policy');
    expect(after.version).toBe(before.version + 1);
    expect(after.document.defaultReturnWindowDays).toBe(winner.document.defaultReturnWindowDays);
    const versions = (await t.request(agent, { method: 'GET', url: '/api/v1/config/return_policy/versions' })).json();
    expect(versions.items.filter((v: { version: number }) => v.version === before.version + 1)).toHaveLength(1);
    await publish('return_policy', before.document, after.version, 'restore');
  });

  // On PostgreSQL the losers read the same version and collide on the (kind, version) key.
  it('answers the losers of a concurrent publish with 412, never 500', async () => {
    const { before, statuses } = await racePublishes();
    expect(
      statuses.filter((s) => s === 412),
      statuses.join(),
    ).toHaveLength(7);
    await publish('return_policy', before.document, before.version + 1, 'restore');
  });

  it('routes returns by the approval rules in force when each was created, and records that version', async () => {
    const w = await makeWorld(t.platform, { quantityShipped: 10, unitPriceMinor: 500 });
    const rulesBefore = await current('approval_rules');
    const earlier = await t.request(agent, {
      method: 'POST',
      url: '/api/v1/returns',
      payload: rmaBody(w.customer.id, w.orderLine.id),
    });
    expect(earlier.statusCode, earlier.body).toBe(201);
    expect(earlier.json()).toMatchObject({ status: 'authorized', approvalRulesVersion: rulesBefore.version });

    // Lower the USD threshold to $1.00, so every return of more than that needs a manager.
    const stricter = {
      ...rulesBefore.document,
      valueThresholds: { ...(rulesBefore.document.valueThresholds as object), USD: 100 },
    };
    const published = await publish(
      'approval_rules',
      stricter,
      rulesBefore.version,
      'tighten approvals during stock count',
    );
    expect(published.statusCode, published.body).toBe(200);
    const newVersion = rulesBefore.version + 1;
    expect(published.json().version).toBe(newVersion);

    const evaluated = await t.request(agent, {
      method: 'POST',
      url: '/api/v1/returns/evaluate',
      payload: rmaBody(w.customer.id, w.orderLine.id),
    });
    expect(evaluated.json().routing).toMatchObject({ decision: 'needs_approval', approvalRulesVersion: newVersion });
    const later = await t.request(agent, {
      method: 'POST',
      url: '/api/v1/returns',
      payload: rmaBody(w.customer.id, w.orderLine.id),
    });
    expect(later.statusCode, later.body).toBe(201);
    expect(later.json()).toMatchObject({ status: 'pending_approval', approvalRulesVersion: newVersion });
    expect(later.json().routingReasons.join(' ')).toMatch(/above the auto-approval limit of USD 1\.00/);

    // The earlier return still shows the rules that authorized it.
    const reread = (await t.request(agent, { method: 'GET', url: `/api/v1/returns/${earlier.json().id}` })).json();
    expect(reread).toMatchObject({ status: 'authorized', approvalRulesVersion: rulesBefore.version });
    expect(reread.verdict.routing.approvalRulesVersion).toBe(rulesBefore.version);

    // Restore the old thresholds as a further version; returns go straight through again.
    const restored = await publish('approval_rules', rulesBefore.document, newVersion, 'stock count over');
    expect(restored.json().version).toBe(newVersion + 1);
    const third = await t.request(agent, {
      method: 'POST',
      url: '/api/v1/returns',
      payload: rmaBody(w.customer.id, w.orderLine.id),
    });
    expect(third.json()).toMatchObject({ status: 'authorized', approvalRulesVersion: newVersion + 1 });
  });

  it('records the return policy version in force, and applies a changed window at once', async () => {
    const w = await makeWorld(t.platform); // gold customer, delivered 2026-11-16: 10 days ago
    const policy = await current('return_policy');
    const first = await t.request(agent, {
      method: 'POST',
      url: '/api/v1/returns',
      payload: rmaBody(w.customer.id, w.orderLine.id),
    });
    expect(first.json()).toMatchObject({ status: 'authorized', returnPolicyVersion: policy.version });

    const noWindows = { ...policy.document, defaultReturnWindowDays: 5, windows: [] };
    const published = await publish('return_policy', noWindows, policy.version, 'five days for everyone');
    expect(published.statusCode, published.body).toBe(200);
    const refused = await t.request(agent, {
      method: 'POST',
      url: '/api/v1/returns',
      payload: rmaBody(w.customer.id, w.orderLine.id),
    });
    expectProblem(refused, 422, 'not_eligible');
    expect(refused.json().verdict.returnPolicyVersion).toBe(policy.version + 1);
    expect(refused.json().detail).toMatch(/window/i);
    expect(
      (await t.request(agent, { method: 'GET', url: `/api/v1/returns/${first.json().id}` })).json().returnPolicyVersion,
    ).toBe(policy.version);

    const back = await publish('return_policy', policy.document, policy.version + 1, 'restore');
    expect(back.statusCode).toBe(200);
    expect(
      (
        await t.request(agent, {
          method: 'POST',
          url: '/api/v1/returns',
          payload: rmaBody(w.customer.id, w.orderLine.id),
        })
      ).statusCode,
    ).toBe(201);
  });

  it('refuses a rule naming a category, tier or regulated class that does not exist, and suggests the one meant', async () => {
    await makeWorld(t.platform); // a product in "Power Tools"
    const facets = await t.request(agent, { method: 'GET', url: '/api/v1/products/facets' });
    expect(facets.statusCode).toBe(200);
    expect(facets.json().categories).toContain('Power Tools');

    const policy = await current('return_policy');
    const typo = {
      ...policy.document,
      windows: [
        { tier: '*', category: 'Power Tols', days: 10 },
        { tier: 'gld', category: '*', days: 50 },
      ],
    };
    const refused = await publish('return_policy', typo, policy.version);
    expectProblem(refused, 400, 'validation_failed');
    expect(errorPaths(refused)).toEqual(['document.windows.0.category', 'document.windows.1.tier']);
    expect(refused.json().detail).toMatch(/no product category “Power Tols” — did you mean “Power Tools”\?/);
    expect((await current('return_policy')).version).toBe(policy.version);

    const rules = await current('approval_rules');
    const badClass = { ...rules.document, regulatedClassesRequiringApproval: ['no_such_class'] };
    expectProblem(await publish('approval_rules', badClass, rules.version), 400, 'validation_failed');
    const fine = { ...policy.document, windows: [{ tier: 'gold', category: 'Power Tools', days: 40 }] };
    expect((await publish('return_policy', fine, policy.version)).statusCode).toBe(200);
    expect((await publish('return_policy', policy.document, policy.version + 1, 'restore')).statusCode).toBe(200);
  });

  it('makes a deactivated reason code ineligible for new requests', async () => {
    const w = await makeWorld(t.platform);
    const reasons = await current('reason_codes');
    const deactivated = {
      codes: reasons.document.codes!.map((c) => (c.code === 'OVERSTOCK' ? { ...c, isActive: false } : c)),
    };
    const published = await publish('reason_codes', deactivated, reasons.version, 'no more overstock returns');
    expect(published.statusCode, published.body).toBe(200);

    const evaluated = await t.request(agent, {
      method: 'POST',
      url: '/api/v1/returns/evaluate',
      payload: rmaBody(w.customer.id, w.orderLine.id, { reasonCode: 'OVERSTOCK' }),
    });
    expect(evaluated.statusCode).toBe(200);
    expect(evaluated.json().isEligible).toBe(false);
    const refused = await t.request(agent, {
      method: 'POST',
      url: '/api/v1/returns',
      payload: rmaBody(w.customer.id, w.orderLine.id, { reasonCode: 'OVERSTOCK' }),
    });
    expectProblem(refused, 422, 'not_eligible');
    const check = refused.json().verdict.lines[0].checks.find((c: { code: string }) => c.code === 'reason_code_active');
    expect(check).toMatchObject({ passed: false });
    expect(check.message).toContain('OVERSTOCK');
    const committed = await t.platform.db
      .selectFrom('sales_order_lines')
      .select('quantity_committed')
      .where('id', '=', w.orderLine.id)
      .executeTakeFirstOrThrow();
    expect(committed.quantity_committed).toBe(0);

    // Other reasons are unaffected; reactivating brings the code back.
    expect(
      (
        await t.request(agent, {
          method: 'POST',
          url: '/api/v1/returns',
          payload: rmaBody(w.customer.id, w.orderLine.id, { reasonCode: 'DEFECTIVE' }),
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (await publish('reason_codes', reasons.document, reasons.version + 1, 'overstock returns again')).statusCode,
    ).toBe(200);
    expect(
      (
        await t.request(agent, {
          method: 'POST',
          url: '/api/v1/returns',
          payload: rmaBody(w.customer.id, w.orderLine.id, { reasonCode: 'OVERSTOCK' }),
        })
      ).statusCode,
    ).toBe(201);
  });
});
