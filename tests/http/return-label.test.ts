// The return label through the API: the PDF for whoever may read an authorized return (its
// customer, staff), a 404 for another account's return, a 409 before authorization, after
// cancelling, and for goods that arrived without an RMA (already here, nothing to send).
import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approveRma } from '../../src/returns/index.js';
import { loadReturnFacts } from '../../src/workflows/index.js';
import { DIALECTS } from '../support/databases.js';
import { makeWorld } from '../support/factories.js';
import { makeUnauthorizedArrival, manager } from '../support/return-factories.js';
import { expectProblem } from './support/problems.js';
import { startTestApp, TODAY, type TestApp } from './support/test-app.js';

/** The text the label's page draws, as PDFKit writes it (hex strings in TJ arrays), its streams inflated. */
function pageHex(pdf: Buffer): string {
  const source = pdf.toString('latin1');
  return [...source.matchAll(/\/Length (\d+)[^]*?>>\s*stream\r?\n/g)]
    .map((match) => {
      const start = match.index + match[0].length;
      const stream = pdf.subarray(start, start + Number(match[1]));
      try {
        return inflateSync(stream).toString('latin1');
      } catch {
        return '';
      }
    })
    .join('\n')
    .replace(/>\s*-?[\d.]+\s*</g, '');
}
const hexOf = (text: string) => Buffer.from(text, 'latin1').toString('hex');

describe.each(DIALECTS)('return label on %s', (dialect) => {
  let t: TestApp;
  let agent: string;
  const api = (token: string | null, method: 'GET' | 'POST', url: string, payload?: unknown) =>
    t.request(token, {
      method,
      url: `/api/v1${url}`,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

  beforeAll(async () => {
    t = await startTestApp(dialect);
    agent = await t.tokenFor('cs_agent');
  });
  afterAll(() => t.close());

  /** A return of 3 units on one line (authorized at once for a gold account, pending for bronze) and its customer's token. */
  async function requestedReturn(tier: 'gold' | 'bronze' = 'gold') {
    const w = await makeWorld(t.platform, { tier });
    const created = await api(agent, 'POST', '/returns', {
      customerId: w.customer.id,
      returnType: 'standard',
      note: 'wrong voltage',
      lines: [
        { orderLineId: w.orderLine.id, quantity: 3, reasonCode: 'ORDERED_IN_ERROR', claimedCondition: 'unopened' },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    const rma = created.json<{ id: string; rmaNumber: string; status: string; expiresOn: string | null }>();
    const customer = await t.tokenFor('customer', { customerId: w.customer.id });
    return { w, rma, customer };
  }

  it("gives the return's customer and staff the label of an authorized return as a PDF attachment", async () => {
    const { w, rma, customer } = await requestedReturn();
    expect(rma.status).toBe('authorized');
    for (const token of [customer, agent]) {
      const response = await api(token, 'GET', `/returns/${rma.id}/label.pdf`);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      expect(response.headers['content-disposition']).toBe(`attachment; filename="${rma.rmaNumber}-label.pdf"`);
      expect(response.headers['cache-control']).toBe('private, no-store');
      expect(response.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(response.rawPayload.toString('latin1')).toMatch(/\/Type \/Page\b/);
      const page = pageHex(response.rawPayload);
      for (const drawn of [
        rma.rmaNumber,
        w.site.name,
        '1 Dock Rd',
        'Columbus, OH 43004',
        w.customer.name,
        `Account ${w.customer.accountNumber}`,
        'Contents: 1 line, 3 units',
        `Issued ${TODAY}`,
      ])
        expect(page, drawn).toContain(`<${hexOf(drawn)}`);
    }
  });

  it("answers 404 for another account's return and for a return that does not exist", async () => {
    const { rma } = await requestedReturn();
    const other = await requestedReturn();
    expectProblem(await api(other.customer, 'GET', `/returns/${rma.id}/label.pdf`), 404, 'not_found');
    expectProblem(await api(agent, 'GET', '/returns/rma_01NOSUCHRETURN00000000000/label.pdf'), 404, 'not_found');
  });

  it('answers 409 while the return waits for approval and once it is cancelled', async () => {
    const { rma, customer } = await requestedReturn('bronze');
    expect(rma.status).toBe('pending_approval');
    const pending = await api(customer, 'GET', `/returns/${rma.id}/label.pdf`);
    expectProblem(pending, 409, 'conflict');
    expect(pending.json().detail).toMatch(/the label is available once the return is authorized/);

    const authorized = await requestedReturn();
    const cancelled = await api(agent, 'POST', `/returns/${authorized.rma.id}/cancel`, { reason: 'changed mind' });
    expect(cancelled.json().status, cancelled.body).toBe('cancelled');
    const response = await api(authorized.customer, 'GET', `/returns/${authorized.rma.id}/label.pdf`);
    expectProblem(response, 409, 'conflict');
    expect(response.json().detail).toMatch(/the label is available once the return is authorized/);
  });

  it('answers 409 for goods that arrived without an RMA: they are here already, there is nowhere to send them', async () => {
    const { rma } = await makeUnauthorizedArrival(t.platform);
    const accepted =
      rma.status === 'authorized'
        ? rma
        : await approveRma(t.platform, manager, rma.id, 'accepted', undefined, loadReturnFacts);
    expect(accepted.status).toBe('authorized');
    const response = await api(agent, 'GET', `/returns/${rma.id}/label.pdf`);
    expectProblem(response, 409, 'conflict');
    expect(response.json().detail).toMatch(/not routed to a site/);
  });

  it('answers 401 without a token', async () => {
    const { rma } = await requestedReturn();
    expectProblem(await api(null, 'GET', `/returns/${rma.id}/label.pdf`), 401);
  });

  it('is in the OpenAPI document as a PDF download', async () => {
    const openapi = await api(null, 'GET', '/openapi.json');
    const operation = openapi.json().paths['/api/v1/returns/{id}/label.pdf']?.get;
    expect(operation).toBeDefined();
    expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['200', '404', '409']));
    expect(Object.keys(operation.responses['200'].content ?? {})).toContain('application/pdf');
  });
});
