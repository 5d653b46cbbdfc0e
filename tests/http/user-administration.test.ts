// User administration through the API: admins invite people (who set their own password with a
// one-time link), change roles, deactivate (sessions and the person's API keys end at once),
// reactivate and reset passwords; nobody else may, and the last admin cannot be removed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import { makeWorld } from '../support/factories.js';
import { expectProblem } from './support/problems.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe.each(DIALECTS)('user administration on %s', (dialect) => {
  let t: TestApp;
  let admin: string;
  let customerId: string;
  let siteId: string;

  const api = (token: string | null, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object, headers = {}) =>
    t.request(token, { method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
  const signIn = (email: string, password: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/token', payload: { email, password } });
  let seq = 0;
  async function invite(role = 'cs_agent', extra: object = {}) {
    const email = `person${++seq}@example.com`;
    const response = await api(admin, 'POST', '/users', { email, name: `Person ${seq}`, role, ...extra });
    expect(response.statusCode, response.body).toBe(201);
    return {
      email,
      ...response.json<{ user: { id: string; version: number }; passwordLink: { token: string } }>(),
    };
  }
  async function activePerson(role = 'cs_agent') {
    const invited = await invite(role);
    const password = `correct horse ${seq}`;
    expect(
      (await api(null, 'POST', '/auth/password', { token: invited.passwordLink.token, password })).statusCode,
    ).toBe(204);
    const token = (await signIn(invited.email, password)).json<{ accessToken: string }>().accessToken;
    return { ...invited, password, token };
  }

  beforeAll(async () => {
    t = await startTestApp(dialect);
    admin = await t.tokenFor('admin');
    const world = await makeWorld(t.platform);
    customerId = world.customer.id;
    siteId = world.site.id;
  });
  afterAll(() => t?.close());

  it('invites a person, who sets their own password once with the link and then signs in', async () => {
    const invited = await invite('cs_agent');
    expect(invited.user).toMatchObject({ role: 'cs_agent', isActive: true, hasPassword: false });
    expect(invited.passwordLink).toMatchObject({ purpose: 'invitation' });
    expect((await signIn(invited.email, 'anything at all')).statusCode).toBe(401);

    const tooShort = await api(null, 'POST', '/auth/password', {
      token: invited.passwordLink.token,
      password: 'short',
    });
    expectProblem(tooShort, 400, 'validation_failed');
    const set = await api(null, 'POST', '/auth/password', {
      token: invited.passwordLink.token,
      password: 'a long enough secret',
    });
    expect(set.statusCode).toBe(204);
    expect((await signIn(invited.email, 'a long enough secret')).statusCode).toBe(200);

    const again = await api(null, 'POST', '/auth/password', {
      token: invited.passwordLink.token,
      password: 'someone else’s idea',
    });
    expectProblem(again, 400, 'validation_failed');
    expect(again.json().detail).toMatch(/not valid any more/);
    expect((await signIn(invited.email, 'someone else’s idea')).statusCode).toBe(401);
    const listed = await api(admin, 'GET', `/users?q=${encodeURIComponent(invited.email)}`);
    expect(listed.json().items).toEqual([expect.objectContaining({ id: invited.user.id, hasPassword: true })]);
  });

  it('refuses invitations that do not fit the role, duplicates and bad addresses, changing nothing', async () => {
    const before = (await api(admin, 'GET', '/users')).json().items.length;
    expectProblem(
      await api(admin, 'POST', '/users', { email: 'c1@example.com', name: 'C', role: 'customer' }),
      400,
      'validation_failed',
    );
    expectProblem(
      await api(admin, 'POST', '/users', { email: 'c2@example.com', name: 'C', role: 'warehouse', customerId }),
      400,
      'validation_failed',
    );
    expectProblem(
      await api(admin, 'POST', '/users', {
        email: 'c3@example.com',
        name: 'C',
        role: 'customer',
        customerId: 'cus_nope',
      }),
      400,
      'validation_failed',
    );
    expectProblem(await api(admin, 'POST', '/users', { email: 'not an address', name: 'C', role: 'finance' }), 400);
    const first = await invite('finance');
    expectProblem(
      await api(admin, 'POST', '/users', { email: first.email.toUpperCase(), name: 'Twin', role: 'finance' }),
      409,
      'conflict',
    );
    expect((await api(admin, 'GET', '/users')).json().items.length).toBe(before + 1);
    const portal = await api(admin, 'POST', '/users', {
      email: 'buyer@customer.example',
      name: 'Buyer',
      role: 'customer',
      customerId,
    });
    expect(portal.statusCode).toBe(201);
  });

  it('gives staff a home site that their sign-in carries; customers and unknown sites are refused', async () => {
    const person = await activePerson('warehouse');
    expect((await signIn(person.email, person.password)).json().user.siteId).toBeNull();
    const changed = await api(admin, 'PATCH', `/users/${person.user.id}`, { siteId }, { 'if-match': '"2"' });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ siteId, version: 3 });
    expect((await signIn(person.email, person.password)).json().user.siteId).toBe(siteId);

    const unknown = await api(
      admin,
      'PATCH',
      `/users/${person.user.id}`,
      { siteId: 'site_nope' },
      { 'if-match': '"3"' },
    );
    expectProblem(unknown, 400);
    expect(unknown.json().errors).toEqual([{ path: 'siteId', message: 'unknown site' }]);
    const portal = await api(admin, 'POST', '/users', {
      email: 'portal-with-site@example.com',
      name: 'Portal',
      role: 'customer',
      customerId,
      siteId,
    });
    expectProblem(portal, 400);
    expect(portal.json().errors[0].path).toBe('siteId');
    // Becoming a customer-portal user drops the home site.
    const toCustomer = await api(
      admin,
      'PATCH',
      `/users/${person.user.id}`,
      { role: 'customer', customerId },
      { 'if-match': '"3"' },
    );
    expect(toCustomer.json()).toMatchObject({ role: 'customer', siteId: null });
  });

  it('lets only admins administer users', async () => {
    const manager = await t.tokenFor('cs_manager');
    const portal = await t.tokenFor('customer', { customerId });
    const target = await invite('warehouse');
    for (const token of [manager, portal]) {
      expectProblem(await api(token, 'GET', '/users'), 403, 'forbidden');
      expectProblem(await api(token, 'GET', `/users/${target.user.id}`), 403, 'forbidden');
      expectProblem(await api(token, 'POST', '/users', { email: 'x@example.com', name: 'X', role: 'admin' }), 403);
      expectProblem(await api(token, 'POST', `/users/${target.user.id}/deactivate`), 403, 'forbidden');
      expectProblem(await api(token, 'POST', `/users/${target.user.id}/password-reset`), 403, 'forbidden');
    }
    expectProblem(await api(null, 'GET', '/users'), 401);
  });

  it('changes a role with If-Match, and the person’s next request already has it', async () => {
    const person = await activePerson('cs_agent');
    expect((await api(person.token, 'GET', '/config/approval_rules')).statusCode).toBe(200);
    expectProblem(await api(admin, 'PATCH', `/users/${person.user.id}`, { role: 'cs_manager' }), 428);
    expectProblem(
      await api(admin, 'PATCH', `/users/${person.user.id}`, { role: 'cs_manager' }, { 'if-match': '"99"' }),
      412,
    );
    const current = await api(admin, 'GET', `/users/${person.user.id}`);
    const changed = await api(
      admin,
      'PATCH',
      `/users/${person.user.id}`,
      { role: 'customer', customerId },
      { 'if-match': current.headers.etag as string },
    );
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ role: 'customer', customerId });
    expectProblem(await api(person.token, 'GET', '/config/approval_rules'), 403, 'forbidden');
  });

  it('deactivating ends the person’s sessions and the API keys they made; reactivating lets them sign in again', async () => {
    const person = await activePerson('admin');
    const key = await api(person.token, 'POST', '/api-keys', { name: 'erp sync', role: 'cs_agent' });
    expect(key.statusCode).toBe(201);
    const secret = key.json<{ secret: string }>().secret;
    expect((await api(secret, 'GET', '/returns')).statusCode).toBe(200);

    const deactivated = await api(admin, 'POST', `/users/${person.user.id}/deactivate`);
    expect(deactivated.statusCode).toBe(200);
    expect(deactivated.json()).toMatchObject({ isActive: false });
    expectProblem(await api(person.token, 'GET', '/returns'), 401);
    expectProblem(await api(secret, 'GET', '/returns'), 401);
    expect((await signIn(person.email, person.password)).statusCode).toBe(401);

    expect((await api(admin, 'POST', `/users/${person.user.id}/reactivate`)).statusCode).toBe(200);
    expect((await signIn(person.email, person.password)).statusCode).toBe(200);
    expectProblem(await api(secret, 'GET', '/returns'), 401);
  });

  it('resets a password: the old one and the sessions stop working, the link sets a new one', async () => {
    const person = await activePerson('quality');
    const reset = await api(admin, 'POST', `/users/${person.user.id}/password-reset`);
    expect(reset.statusCode).toBe(200);
    expect(reset.json()).toMatchObject({ user: { hasPassword: false }, passwordLink: { purpose: 'reset' } });
    expectProblem(await api(person.token, 'GET', '/returns'), 401);
    expect((await signIn(person.email, person.password)).statusCode).toBe(401);
    const token = reset.json<{ passwordLink: { token: string } }>().passwordLink.token;
    expect((await api(null, 'POST', '/auth/password', { token, password: 'a brand new secret' })).statusCode).toBe(204);
    expect((await signIn(person.email, 'a brand new secret')).statusCode).toBe(200);
  });

  it('keeps an administrator: no self-deactivation, no demoting or deactivating the last admin', async () => {
    const me = (await api(admin, 'GET', '/users?role=admin&isActive=true')).json().items as Array<{
      id: string;
      email: string;
      version: number;
    }>;
    const self = me.find((u) => u.email === 'admin@test.local')!;
    expectProblem(await api(admin, 'POST', `/users/${self.id}/deactivate`), 422, 'rule_violation');
    expectProblem(
      await api(admin, 'PATCH', `/users/${self.id}`, { role: 'finance' }, { 'if-match': `"${self.version}"` }),
      422,
      'rule_violation',
    );
    const other = me.find((u) => u.id !== self.id);
    if (other) expect((await api(admin, 'POST', `/users/${other.id}/deactivate`)).statusCode).toBe(200);
  });
});
