// Identity over HTTP: signing in for a bearer token, who am I, signing out, token expiry, and API
// keys for integrations (created by an admin, shown once, scoped by role and customer, revocable).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import { expectProblem } from './support/problems.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { makeWorld } from '../support/factories.js';
import { createUser } from '../../src/identity/index.js';
import { systemContext } from '../../src/platform/actor.js';

describe.each(DIALECTS)('identity over HTTP on %s', (dialect) => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    admin = await t.tokenFor('admin');
  });
  afterAll(async () => t?.close());

  const signIn = (email: unknown, password: unknown) =>
    t.request(null, { method: 'POST', url: '/api/v1/auth/token', payload: { email, password } });
  const me = (credential: string | null) => t.request(credential, { method: 'GET', url: '/api/v1/auth/me' });
  const createKey = (payload: object, token = admin) =>
    t.request(token, { method: 'POST', url: '/api/v1/api-keys', payload });

  it('locks an e-mail for 15 minutes after 5 wrong passwords, known or unknown alike', async () => {
    await createUser(t.platform, systemContext('test'), {
      email: 'locked.out@example.com',
      name: 'Lee',
      role: 'finance',
      customerId: null,
      password: 'the right one',
    });
    for (const email of ['locked.out@example.com', 'nobody.here@example.com']) {
      for (let i = 0; i < 5; i++) expectProblem(await signIn(email, 'guess'), 401, 'unauthenticated');
      const locked = await signIn(email, 'the right one');
      expectProblem(locked, 429, 'rate_limited');
      expect(locked.headers['retry-after']).toBe('900');
    }
    t.clock.advanceDays(16 / (24 * 60));
    try {
      expect((await signIn('locked.out@example.com', 'the right one')).statusCode).toBe(200);
      // A success clears the count: four more failures do not lock again.
      for (let i = 0; i < 4; i++) expectProblem(await signIn('locked.out@example.com', 'guess'), 401);
      expect((await signIn('locked.out@example.com', 'the right one')).statusCode).toBe(200);
    } finally {
      t.clock.advanceDays(-16 / (24 * 60));
    }
  });

  it('locks out the guessing address, not the account: its owner signs in from elsewhere', async () => {
    await createUser(t.platform, systemContext('test'), {
      email: 'target@example.com',
      name: 'Tara',
      role: 'cs_agent',
      customerId: null,
      password: 'her own password',
    });
    const from = (remoteAddress: string, password: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/token',
        remoteAddress,
        payload: { email: 'target@example.com', password },
      });
    for (let i = 0; i < 5; i++) expectProblem(await from('203.0.113.66', 'guess'), 401);
    const attacker = await from('203.0.113.66', 'her own password');
    expectProblem(attacker, 429, 'rate_limited');
    expect(attacker.json().detail).toMatch(
      /^Too many wrong passwords for this account from your network\. Try again in 15 minutes/,
    );
    expect((await from('198.51.100.7', 'her own password')).statusCode).toBe(200);
  });

  it('slows a guesser spread over many addresses with short growing delays, never a lockout', async () => {
    await createUser(t.platform, systemContext('test'), {
      email: 'popular@example.com',
      name: 'Pat',
      role: 'cs_agent',
      customerId: null,
      password: 'pats password',
    });
    const attempt = (n: number, password = 'guess') =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/token',
        remoteAddress: `192.0.2.${n}`,
        payload: { email: 'popular@example.com', password },
      });
    for (let n = 1; n <= 10; n++) expectProblem(await attempt(n), 401);
    expectProblem(await attempt(11), 401); // the 11th failure sets a one-second wait
    const slowed = await attempt(12, 'pats password');
    expectProblem(slowed, 429, 'rate_limited');
    expect(slowed.headers['retry-after']).toBe('1');
    expect(slowed.json().detail).toBe(
      'Many wrong passwords were tried for this account just now. Wait 1 second and try again.',
    );
    t.clock.advanceDays(2 / 86_400);
    try {
      expect((await attempt(12, 'pats password')).statusCode).toBe(200);
    } finally {
      t.clock.advanceDays(-2 / 86_400);
    }
  });

  it('issues a bearer token for the right e-mail and password', async () => {
    await createUser(t.platform, systemContext('test'), {
      email: 'Dana.Agent@Example.com',
      name: 'Dana Agent',
      role: 'cs_agent',
      customerId: null,
      password: 'correct horse',
    });
    const res = await signIn('  dana.agent@EXAMPLE.com ', 'correct horse');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      tokenType: 'Bearer',
      user: { email: 'dana.agent@example.com', name: 'Dana Agent', role: 'cs_agent', customerId: null },
    });
    expect(body.user.id).toMatch(/^usr_/);
    expect(body.accessToken.length).toBeGreaterThanOrEqual(40);
    // Twelve hours from the test's "now".
    expect(body.expiresAt).toBe('2026-11-26T22:00:00.000Z');
    expect(body).not.toHaveProperty('user.passwordHash');
    expect(JSON.stringify(body)).not.toContain('scrypt');

    const who = await me(body.accessToken);
    expect(who.statusCode).toBe(200);
    expect(who.json()).toEqual({
      id: body.user.id,
      name: 'Dana Agent',
      role: 'cs_agent',
      customerId: null,
      kind: 'user',
    });
    // Every sign-in is a separate token; the stored row is a hash, not the token.
    const second = (await signIn('dana.agent@example.com', 'correct horse')).json();
    expect(second.accessToken).not.toBe(body.accessToken);
    const stored = await t.platform.db
      .selectFrom('access_tokens')
      .select('token_hash')
      .where('user_id', '=', body.user.id)
      .execute();
    expect(stored).toHaveLength(2);
    expect(stored.map((s) => s.token_hash)).not.toContain(body.accessToken);
  });

  it('answers a wrong password and an unknown e-mail alike', async () => {
    await createUser(t.platform, systemContext('test'), {
      email: 'sam@example.com',
      name: 'Sam',
      role: 'finance',
      customerId: null,
      password: 'right',
    });
    const wrongPassword = await signIn('sam@example.com', 'wrong');
    const unknownEmail = await signIn('nobody@example.com', 'right');
    const emptyish = await signIn('sam@example.com', ' right');
    for (const res of [wrongPassword, unknownEmail, emptyish]) {
      expectProblem(res, 401, 'unauthenticated');
      expect(res.json()).not.toHaveProperty('accessToken');
    }
    expect(unknownEmail.json().detail).toBe(wrongPassword.json().detail);
    expect(unknownEmail.json().title).toBe(wrongPassword.json().title);
    expect(Object.keys(unknownEmail.json()).sort()).toEqual(Object.keys(wrongPassword.json()).sort());
  });

  it('refuses a malformed sign-in with 400', async () => {
    const cases: unknown[] = [
      { email: 'sam@example.com' },
      { password: 'right' },
      { email: 'a', password: 'x' },
      { email: 'sam@example.com', password: '' },
      { email: 'sam@example.com', password: 'right', remember: true },
      { email: 42, password: 'right' },
      [],
    ];
    for (const payload of cases) {
      const res = await t.request(null, { method: 'POST', url: '/api/v1/auth/token', payload: payload as object });
      expectProblem(res, 400, 'validation_failed');
    }
    expectProblem(await signIn('sam@example.com', 'x'.repeat(201)), 400);
    const notJson = await t.request(null, {
      method: 'POST',
      url: '/api/v1/auth/token',
      payload: 'email=sam&password=right',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(notJson.statusCode).toBeGreaterThanOrEqual(400);
    expect(notJson.statusCode).toBeLessThan(500);
    expectProblem(
      await t.request(null, {
        method: 'POST',
        url: '/api/v1/auth/token',
        payload: '{"email":',
        headers: { 'content-type': 'application/json' },
      }),
      400,
    );
  });

  it('needs a valid bearer credential for /auth/me', async () => {
    expectProblem(await me(null), 401, 'unauthenticated');
    expect((await me(null)).headers['www-authenticate']).toContain('Bearer');
    expectProblem(await me('forged-token'), 401);
    expectProblem(
      await t.request(null, {
        method: 'GET',
        url: '/api/v1/auth/me',
        headers: { authorization: `Basic ${Buffer.from('a:b').toString('base64')}` },
      }),
      401,
    );
    expectProblem(
      await t.request(null, { method: 'GET', url: '/api/v1/auth/me', headers: { authorization: 'Bearer' } }),
      401,
    );
    const ok = await t.request(null, {
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { authorization: `bearer ${admin}` },
    });
    expect(ok.json().role).toBe('admin');
  });

  it('revokes the token on logout, and only that token', async () => {
    await createUser(t.platform, systemContext('test'), {
      email: 'lee@example.com',
      name: 'Lee',
      role: 'warehouse',
      customerId: null,
      password: 'pw',
    });
    const laptop = (await signIn('lee@example.com', 'pw')).json().accessToken as string;
    const scanner = (await signIn('lee@example.com', 'pw')).json().accessToken as string;
    expect((await me(laptop)).statusCode).toBe(200);
    const out = await t.request(laptop, { method: 'POST', url: '/api/v1/auth/logout' });
    expect(out.statusCode).toBe(204);
    expect(out.body).toBe('');
    expectProblem(await me(laptop), 401);
    expectProblem(await t.request(laptop, { method: 'GET', url: '/api/v1/returns' }), 401);
    expectProblem(await t.request(laptop, { method: 'POST', url: '/api/v1/auth/logout' }), 401);
    expect((await me(scanner)).statusCode).toBe(200);
    expectProblem(await t.request(null, { method: 'POST', url: '/api/v1/auth/logout' }), 401);
  });

  it('expires a token twelve hours after sign-in', async () => {
    await createUser(t.platform, systemContext('test'), {
      email: 'night.shift@example.com',
      name: 'Night',
      role: 'cs_agent',
      customerId: null,
      password: 'pw',
    });
    const token = (await signIn('night.shift@example.com', 'pw')).json().accessToken as string;
    const start = t.clock.now().toISOString();
    try {
      t.clock.set(new Date(Date.parse(start) + 11 * 3_600_000 + 59 * 60_000).toISOString());
      expect((await me(token)).statusCode).toBe(200);
      t.clock.set(new Date(Date.parse(start) + 13 * 3_600_000).toISOString());
      expectProblem(await me(token), 401, 'unauthenticated');
      expectProblem(await t.request(token, { method: 'GET', url: '/api/v1/returns' }), 401);
      // Signing in again gives a fresh token.
      const fresh = (await signIn('night.shift@example.com', 'pw')).json();
      expect(fresh.expiresAt).toBe(new Date(Date.parse(start) + 25 * 3_600_000).toISOString());
      expect((await me(fresh.accessToken)).statusCode).toBe(200);
    } finally {
      t.clock.set(start);
    }
  });

  it('creates an API key whose secret is shown once and which acts with its role', async () => {
    const created = await createKey({ name: 'ERP connector', role: 'cs_agent' });
    expect(created.statusCode, created.body).toBe(201);
    const key = created.json();
    expect(key).toMatchObject({
      name: 'ERP connector',
      role: 'cs_agent',
      customerId: null,
      revokedAt: null,
      createdAt: '2026-11-26T10:00:00.000Z',
    });
    expect(key.id).toMatch(/^key_/);
    expect(key.secret).toMatch(/^bmk_[0-9a-f]{12}_[A-Za-z0-9-]+$/);
    expect(key.secret.startsWith(`bmk_${key.prefix}_`)).toBe(true);

    const listed = (await t.request(admin, { method: 'GET', url: '/api/v1/api-keys' })).json();
    const entry = listed.items.find((k: { id: string }) => k.id === key.id);
    expect(entry).toEqual({
      id: key.id,
      name: 'ERP connector',
      role: 'cs_agent',
      customerId: null,
      partnerId: null,
      prefix: key.prefix,
      createdAt: key.createdAt,
      revokedAt: null,
    });
    expect(JSON.stringify(listed)).not.toContain(key.secret.split('_')[2]);
    const stored = await t.platform.db
      .selectFrom('api_keys')
      .selectAll()
      .where('id', '=', key.id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain(key.secret.split('_')[2]);

    const who = await me(key.secret);
    expect(who.json()).toEqual({
      id: key.id,
      name: 'API key ERP connector',
      role: 'cs_agent',
      customerId: null,
      kind: 'api_key',
    });
    expect((await t.request(key.secret, { method: 'GET', url: '/api/v1/returns' })).statusCode).toBe(200);
    expect((await t.request(key.secret, { method: 'GET', url: '/api/v1/customers' })).statusCode).toBe(200);
    const policy = (await t.request(key.secret, { method: 'GET', url: '/api/v1/config/return_policy' })).json();
    const publish = await t.request(key.secret, {
      method: 'PUT',
      url: '/api/v1/config/return_policy',
      payload: { document: policy.document, comment: 'from the ERP' },
      headers: { 'if-match': `"${policy.version}"` },
    });
    expectProblem(publish, 403, 'forbidden');
    expectProblem(await createKey({ name: 'escalate', role: 'admin' }, key.secret), 403);
    // What a key does is audited under the key.
    const w = await makeWorld(t.platform);
    const rma = await t.request(key.secret, {
      method: 'POST',
      url: '/api/v1/returns',
      payload: {
        customerId: w.customer.id,
        lines: [{ orderLineId: w.orderLine.id, quantity: 1, reasonCode: 'DEFECTIVE', claimedCondition: 'unopened' }],
      },
    });
    expect(rma.statusCode, rma.body).toBe(201);
    expect(rma.json().requestedBy).toBe('API key ERP connector');
  });

  it('scopes a customer key to its own account', async () => {
    const mine = await makeWorld(t.platform);
    const theirs = await makeWorld(t.platform);
    const key = (
      await createKey({ name: 'Portal integration', role: 'customer', customerId: mine.customer.id })
    ).json();
    expect(key.customerId).toBe(mine.customer.id);

    expect((await me(key.secret)).json()).toMatchObject({
      role: 'customer',
      customerId: mine.customer.id,
      kind: 'api_key',
    });
    const customers = (await t.request(key.secret, { method: 'GET', url: '/api/v1/customers?pageSize=200' })).json();
    expect(customers.items.map((c: { id: string }) => c.id)).toEqual([mine.customer.id]);
    expectProblem(await t.request(key.secret, { method: 'GET', url: `/api/v1/customers/${theirs.customer.id}` }), 404);
    expectProblem(await t.request(key.secret, { method: 'GET', url: `/api/v1/orders/${theirs.order.id}` }), 404);
    expect((await t.request(key.secret, { method: 'GET', url: `/api/v1/orders/${mine.order.id}` })).statusCode).toBe(
      200,
    );
    const orders = (await t.request(key.secret, { method: 'GET', url: '/api/v1/orders?pageSize=200' })).json();
    expect(orders.items.map((o: { id: string }) => o.id)).toEqual([mine.order.id]);
    expectProblem(await t.request(key.secret, { method: 'GET', url: '/api/v1/suppliers' }), 403);

    const body = (customerId: string, orderLineId: string) => ({
      customerId,
      lines: [{ orderLineId, quantity: 1, reasonCode: 'DEFECTIVE', claimedCondition: 'unopened' }],
    });
    expectProblem(
      await t.request(key.secret, {
        method: 'POST',
        url: '/api/v1/returns',
        payload: body(theirs.customer.id, theirs.orderLine.id),
      }),
      404,
    );
    expect(
      (
        await t.request(key.secret, {
          method: 'POST',
          url: '/api/v1/returns',
          payload: body(mine.customer.id, mine.orderLine.id),
        })
      ).statusCode,
    ).toBe(201);
    await t.request(admin, {
      method: 'POST',
      url: '/api/v1/returns',
      payload: body(theirs.customer.id, theirs.orderLine.id),
    });
    const returns = (await t.request(key.secret, { method: 'GET', url: '/api/v1/returns?pageSize=200' })).json();
    expect(returns.total).toBe(1);
    expect(returns.items.every((r: { customerId: string }) => r.customerId === mine.customer.id)).toBe(true);
  });

  it('revokes a key: it stops working at once', async () => {
    const key = (await createKey({ name: 'Temporary', role: 'warehouse' })).json();
    expect((await t.request(key.secret, { method: 'GET', url: '/api/v1/returns' })).statusCode).toBe(200);
    const revoked = await t.request(admin, { method: 'DELETE', url: `/api/v1/api-keys/${key.id}` });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json()).toMatchObject({ id: key.id, revokedAt: '2026-11-26T10:00:00.000Z' });
    expect(revoked.json()).not.toHaveProperty('secret');
    expectProblem(await t.request(key.secret, { method: 'GET', url: '/api/v1/returns' }), 401, 'unauthenticated');
    expectProblem(await me(key.secret), 401);
    // Revoking again is harmless; an unknown key is 404.
    expect((await t.request(admin, { method: 'DELETE', url: `/api/v1/api-keys/${key.id}` })).json().revokedAt).toBe(
      '2026-11-26T10:00:00.000Z',
    );
    expectProblem(await t.request(admin, { method: 'DELETE', url: '/api/v1/api-keys/key_nope' }), 404);
    const listed = (await t.request(admin, { method: 'GET', url: '/api/v1/api-keys' })).json();
    expect(listed.items.find((k: { id: string }) => k.id === key.id).revokedAt).not.toBeNull();
    const audit = await t.platform.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', key.id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['api_key.created', 'api_key.revoked']);
  });

  it('refuses forged or tampered keys', async () => {
    const key = (await createKey({ name: 'Target', role: 'cs_manager' })).json();
    const [, prefix, secret] = key.secret.split('_') as [string, string, string];
    const flipped = `${secret.slice(0, -1)}${secret.endsWith('A') ? 'B' : 'A'}`;
    for (const forged of [
      `bmk_${prefix}_${flipped}`,
      `bmk_${prefix}_`,
      `bmk_${prefix}`,
      'bmk_',
      `bmk_000000000000_${secret}`,
      `bmk_${prefix}_${secret}_extra`.replace(/_extra$/, 'x'),
      // The whole key or nothing: text after the secret used to be ignored.
      `${key.secret}_extra`,
      `${key.secret}_`,
      `bmk_${prefix}_${secret}_${secret}`,
      `BMK_${prefix}_${secret}`,
    ]) {
      expectProblem(await me(forged), 401);
    }
    expect((await me(key.secret)).statusCode).toBe(200);
  });

  it('keeps segregation of duties with the person behind a key: no approving one’s own return through it', async () => {
    const w = await makeWorld(t.platform, { tier: 'bronze' });
    const requested = await t.request(admin, {
      method: 'POST',
      url: '/api/v1/returns',
      payload: {
        customerId: w.customer.id,
        lines: [
          { orderLineId: w.orderLine.id, quantity: 1, reasonCode: 'ORDERED_IN_ERROR', claimedCondition: 'unopened' },
        ],
      },
    });
    expect(requested.json().status).toBe('pending_approval');
    const managerKey = (await createKey({ name: 'my manager key', role: 'cs_manager' })).json();
    const approve = (credential: string) =>
      t.request(credential, {
        method: 'POST',
        url: `/api/v1/returns/${requested.json().id}/approve`,
        payload: { comment: 'looks fine to me' },
      });
    const own = await approve(managerKey.secret);
    expectProblem(own, 403, 'forbidden');
    expect(own.json().detail).toMatch(/you requested this return/);
    // Another person's key may approve it.
    const otherAdmin = await t.tokenFor('admin', { email: 'second.admin@test.local' });
    const theirKey = (await createKey({ name: 'their manager key', role: 'cs_manager' }, otherAdmin)).json();
    expect((await approve(theirKey.secret)).statusCode).toBe(200);
  });

  it('lets only admins manage keys, and checks the customer of a customer key', async () => {
    const w = await makeWorld(t.platform);
    for (const role of ['cs_agent', 'cs_manager', 'ops_manager', 'finance'] as const) {
      const token = await t.tokenFor(role);
      expectProblem(await createKey({ name: 'mine', role: 'admin' }, token), 403, 'forbidden');
      expectProblem(await t.request(token, { method: 'GET', url: '/api/v1/api-keys' }), 403);
    }
    const customer = await t.tokenFor('customer', { customerId: w.customer.id });
    expectProblem(await createKey({ name: 'mine', role: 'customer', customerId: w.customer.id }, customer), 403);
    const victim = (await createKey({ name: 'Victim', role: 'cs_agent' })).json();
    expectProblem(
      await t.request(await t.tokenFor('cs_manager'), { method: 'DELETE', url: `/api/v1/api-keys/${victim.id}` }),
      403,
    );
    expect((await me(victim.secret)).statusCode).toBe(200);

    const before = Number(
      (
        await t.platform.db
          .selectFrom('api_keys')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    const noCustomer = await createKey({ name: 'Portal', role: 'customer' });
    expectProblem(noCustomer, 400, 'validation_failed');
    expect(noCustomer.json().errors.map((e: { path: string }) => e.path)).toEqual(['customerId']);
    const nullCustomer = await createKey({ name: 'Portal', role: 'customer', customerId: null });
    expectProblem(nullCustomer, 400);
    const unknownCustomer = await createKey({ name: 'Portal', role: 'customer', customerId: 'cus_nope' });
    expectProblem(unknownCustomer, 400);
    expect(unknownCustomer.json().errors.map((e: { path: string }) => e.path)).toEqual(['customerId']);
    for (const payload of [
      { name: '', role: 'cs_agent' },
      { name: 'x', role: 'root' },
      { name: 'x', role: 'cs_agent', expires: 'never' },
      { role: 'cs_agent' },
    ]) {
      expectProblem(await createKey(payload), 400, 'validation_failed');
    }
    const after = Number(
      (
        await t.platform.db
          .selectFrom('api_keys')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(after).toBe(before);
  });

  it('keeps API keys working across the day, unlike session tokens', async () => {
    const key = (await createKey({ name: 'Nightly sync', role: 'cs_agent' })).json();
    const start = t.clock.now().toISOString();
    try {
      t.clock.set(new Date(Date.parse(start) + 13 * 3_600_000).toISOString());
      expect((await me(key.secret)).statusCode).toBe(200);
      expectProblem(await me(admin), 401);
    } finally {
      t.clock.set(start);
    }
    expect((await me(admin)).statusCode).toBe(200);
  });
});
