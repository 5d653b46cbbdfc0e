// Input the edge refuses before anything walks it, as problem+json and never a 5xx: bodies nested
// without bound, JSON under another media type, text the databases would store differently, and
// the framework's own errors (an over-long path parameter).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { expectProblem } from './support/problems.js';
import { makeWorld } from '../support/factories.js';
import Fastify from 'fastify';
import { registerAuthentication, SIGNED_IN } from '../../src/platform/http/request-context.js';

const deepJson = (levels: number) => `{"email":${'['.repeat(levels)}${']'.repeat(levels)}}`;

describe.each(DIALECTS)('edge input on %s', (dialect) => {
  let t: TestApp;
  let agent: string;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    agent = await t.tokenFor('cs_agent');
  });
  afterAll(() => t?.close());

  it('refuses a body nested 50,000 levels deep with a 400, signed in or not', async () => {
    const signIn = await t.request(null, {
      method: 'POST',
      url: '/api/v1/auth/token',
      headers: { 'content-type': 'application/json' },
      payload: deepJson(50_000),
    });
    expectProblem(signIn, 400, 'validation_failed');
    expect(signIn.json().detail).toBe('the JSON body nests deeper than 32 levels');
    const create = await t.request(agent, {
      method: 'POST',
      url: '/api/v1/returns',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'deep-1' },
      payload: deepJson(50_000),
    });
    expectProblem(create, 400, 'validation_failed');
    // Within the bound, the body is parsed and validated as usual.
    expectProblem(
      await t.request(null, {
        method: 'POST',
        url: '/api/v1/auth/token',
        headers: { 'content-type': 'application/json' },
        payload: deepJson(20),
      }),
      400,
      'validation_failed',
    );
  });

  it('answers JSON sent as text/plain with 415', async () => {
    const res = await t.request(null, {
      method: 'POST',
      url: '/api/v1/auth/token',
      headers: { 'content-type': 'text/plain' },
      payload: '{"email":"a@b.c","password":"x"}',
    });
    expectProblem(res, 415, 'unsupported_media_type');
  });

  it('answers an over-long path parameter with a 414 problem', async () => {
    const res = await t.request(agent, { method: 'GET', url: `/api/v1/returns/${'x'.repeat(300)}` });
    expectProblem(res, 414, 'uri_too_long');
  });

  it('refuses unpaired surrogates like NUL, naming the field, and stores nothing', async () => {
    const w = await makeWorld(t.platform);
    const before = (await t.request(agent, { method: 'GET', url: '/api/v1/returns' })).json().total;
    for (const note of ['half a pair \ud83d here', 'NUL \u0000 here']) {
      const res = await t.request(agent, {
        method: 'POST',
        url: '/api/v1/returns',
        payload: {
          customerId: w.customer.id,
          note,
          lines: [
            { orderLineId: w.orderLine.id, quantity: 1, reasonCode: 'ORDERED_IN_ERROR', claimedCondition: 'unopened' },
          ],
        },
      });
      expectProblem(res, 400, 'validation_failed');
      expect(res.json().errors).toEqual([{ path: 'note', message: expect.stringMatching(/is not allowed$/) }]);
    }
    expect((await t.request(agent, { method: 'GET', url: '/api/v1/returns' })).json().total).toBe(before);
  });
});

describe('routes deny by default', () => {
  it('refuses to register an API route that does not declare its access', async () => {
    const app = Fastify();
    registerAuthentication(app, () => Promise.resolve(null));
    expect(() => app.get('/api/v1/forgotten', () => 'secret')).toThrow(/declares no access/);
    expect(() => app.get('/api/v1/declared', { config: SIGNED_IN }, () => 'ok')).not.toThrow();
    await app.close();
  });
});

describe.each(DIALECTS)('authentication follows the matched route on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(() => t?.close());

  it('checks an encoded or absolute-form request target like the plain one, before the handler', async () => {
    for (const url of ['/%61pi/v1/returns', '/api/v1/%72eturns', 'http://localhost/api/v1/returns']) {
      const res = await t.request(null, { method: 'GET', url });
      expectProblem(res, 401, 'unauthenticated');
      expect(res.headers['www-authenticate']).toContain('Bearer');
    }
  });
});
