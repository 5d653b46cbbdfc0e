// E-mail notifications end to end, on each database, through a real SMTP server in-process: the
// return's life driven through the API (authorized, received, credited; another rejected), the
// worker's passes called as the leased worker calls them every second, and every message read
// back as a mail client would — recipient, subject, language, body, headers. A 451 is retried, a
// 550 fails for good and says so in the return's notification log; the unsubscribe link turns off
// the optional messages only; staff get one SLA digest per breach of their site's queue.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Notification } from '../../src/contracts/notifications.js';
import {
  checkInspectionSlaBreaches,
  createSmtpMailer,
  NO_SMTP,
  runNotificationPass,
  startNotificationWorker,
  type NotificationSettings,
} from '../../src/notifications/index.js';
import { DIALECTS } from '../support/databases.js';
import { makeCustomer, makeLegalEntity, makeSite } from '../support/factories.js';
import { startSmtpSink, type ReceivedMail, type SmtpSink } from '../support/smtp-sink.js';
import { call, completeInspection, ifMatch, startFlow, type Flow, type SiteWorld } from './support/inspection-flow.js';
import {
  approveAndIssue,
  disposeForCredit,
  memosOfReturn,
  openReturn,
  receiveUnits,
  soldLine,
} from './support/settlement-flow.js';
import { expectProblem } from './support/problems.js';
import { startTestApp, TODAY, type TestApp } from './support/test-app.js';

const PUBLIC_URL = 'https://returns.example.test';
const HOUR = 60 * 60 * 1000;

/** A raw header as sent (unfolded), or undefined. */
function headerOf(mail: ReceivedMail, name: string): string | undefined {
  const value = mail.headers.get(name.toLowerCase());
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function unsubscribeUrlIn(mail: ReceivedMail): string {
  const url = /(https:\/\/returns\.example\.test\/api\/v1\/notifications\/unsubscribe\?token=\S+)/.exec(mail.text)?.[1];
  if (!url) throw new Error(`no unsubscribe link in:\n${mail.text}`);
  return url;
}

describe.each(DIALECTS)('e-mail notifications on %s', (dialect) => {
  let t: TestApp;
  let f: Flow;
  let smtp: SmtpSink;
  let settings: NotificationSettings;
  let manager: string;
  let finance: string;
  let sequence = 0;

  const pass = (nowMs?: number) =>
    runNotificationPass(t.platform.db, t.platform.ids, settings, nowMs === undefined ? {} : { nowMs });

  /** A customer of their own at a site of its own, with an address and a language. */
  async function customerWorld(options: { locale?: string; tier?: 'gold' | 'bronze'; email?: string } = {}) {
    sequence += 1;
    const entity = await makeLegalEntity(t.platform);
    const site = await makeSite(t.platform, entity.id, {
      name: `Dock ${sequence} ${dialect}`,
      addressLine1: `${sequence} Harbour Street`,
      capabilities: ['receiving', 'inspection', 'regulated_goods'],
    });
    const email = options.email ?? `returns-${sequence}@customer.test`;
    const customer = await makeCustomer(t.platform, entity.id, {
      tier: options.tier ?? 'gold',
      email,
      locale: options.locale ?? 'en',
    });
    const world: SiteWorld = { entity, site, customer };
    return { world, email, line: await soldLine(f, world) };
  }

  async function logOf(token: string, rmaId: string) {
    const res = await call(f, token, 'GET', `/returns/${rmaId}/notifications`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: Notification[] }>().items;
  }

  beforeAll(async () => {
    t = await startTestApp(dialect);
    f = await startFlow(t);
    manager = await t.tokenFor('cs_manager');
    finance = await t.tokenFor('finance');
    smtp = await startSmtpSink();
    settings = {
      from: 'Boomerang Returns <returns@boomerang.test>',
      publicUrl: PUBLIC_URL,
      mailer: createSmtpMailer(smtp.url, { timeoutMs: 5_000 }),
    };
    // What the test app's setup wrote (users, configuration) is not about any return.
    await pass();
  });
  afterAll(async () => {
    settings?.mailer?.close();
    await smtp?.close();
    await t?.close();
  });

  it('writes to a German customer as the return is authorized, received and credited, in German', async () => {
    const { world, email, line } = await customerWorld({ locale: 'de-AT' });
    const rma = await openReturn(f, manager, line, { quantity: 2, expectAuthorized: true });
    await pass();

    const [authorized, ...others] = smtp.to(email);
    expect(others).toHaveLength(0);
    expect(authorized!.subject).toBe(`Rücksendung ${rma.rmaNumber} ist genehmigt`);
    expect(headerOf(authorized!, 'content-language')).toBe('de');
    expect(authorized!.text).toContain(`Dock ${sequence} ${dialect}`);
    expect(authorized!.text).toContain(`${sequence} Harbour Street`);
    expect(authorized!.text).toContain(`RMA-Nummer ${rma.rmaNumber}`);
    expect(authorized!.text).toContain(`${PUBLIC_URL}/returns/${rma.id}`);
    expect(authorized!.html).toContain('<html lang="de">');
    // Transactional: no way to turn it off, so no unsubscribe link.
    expect(headerOf(authorized!, 'list-unsubscribe')).toBeUndefined();
    expect(authorized!.text).not.toContain('/unsubscribe');
    expect(headerOf(authorized!, 'from')).toContain('returns@boomerang.test');

    const inspectionId = await receiveUnits(f, line, rma.id, 2);
    await pass();
    const received = smtp.to(email)[1]!;
    expect(received.subject).toBe(`Ware für Rücksendung ${rma.rmaNumber} eingegangen`);
    expect(received.text).toContain('2 Einheiten');
    // Optional: a signed link in the body and as List-Unsubscribe (with RFC 8058 one-click).
    expect(headerOf(received, 'list')).toContain(unsubscribeUrlIn(received).split('?')[0]);
    expect(received.text).toContain('abbestellen');

    await completeInspection(f, inspectionId, { grade: 'A' });
    await disposeForCredit(f, inspectionId);
    const [memo] = await memosOfReturn(f, finance, rma.id);
    const issued = await approveAndIssue(f, finance, memo!);
    await pass();
    const credited = smtp.to(email)[2]!;
    expect(credited.subject).toBe(`Gutschrift ${issued.creditMemoNumber} zur Rücksendung ${rma.rmaNumber}`);
    const amount = (issued.totalMinor / 100).toLocaleString('de-DE', { minimumFractionDigits: 2 });
    expect(credited.text).toContain(`USD ${amount}`);

    // The return's notification log, newest first, for staff and for the customer themself.
    const log = await logOf(f.agent, rma.id);
    expect(log.map((n) => [n.template, n.status, n.to, n.locale])).toEqual([
      ['credit_issued', 'sent', email, 'de'],
      ['goods_received', 'sent', email, 'de'],
      ['return_authorized', 'sent', email, 'de'],
    ]);
    expect(log[2]).toMatchObject({ subject: authorized!.subject, attempts: 1, error: null });
    expect(log[2]!.sentAt).not.toBeNull();
    const customer = await t.tokenFor('customer', { customerId: world.customer.id });
    expect(await logOf(customer, rma.id)).toEqual(log);
    // Another customer's return does not exist for them.
    const stranger = await customerWorld();
    const strangerToken = await t.tokenFor('customer', { customerId: stranger.world.customer.id });
    expectProblem(await call(f, strangerToken, 'GET', `/returns/${rma.id}/notifications`), 404, 'not_found');
    expectProblem(await call(f, f.agent, 'GET', `/returns/rma_nope/notifications`), 404, 'not_found');
    expect((await t.request(null, { method: 'GET', url: `/api/v1/returns/${rma.id}/notifications` })).statusCode).toBe(
      401,
    );

    // Each message once: the events are marked, the notifications sent.
    expect(await pass()).toMatchObject({ fanOut: { notifications: 0 }, delivery: { attempted: 0 } });
    expect(smtp.to(email)).toHaveLength(3);
  });

  it('the leased worker sends by itself, shortly after the commit', async () => {
    const { email, line } = await customerWorld();
    const worker = startNotificationWorker(t.platform.db, t.platform.ids, settings, { pollMs: 50 });
    try {
      const rma = await openReturn(f, manager, line, { quantity: 1, expectAuthorized: true });
      const until = Date.now() + 10_000;
      while (smtp.to(email).length === 0 && Date.now() < until) await new Promise((done) => setTimeout(done, 50));
      expect(smtp.to(email).map((m) => m.subject)).toEqual([`Return ${rma.rmaNumber} is authorized`]);
    } finally {
      await worker.stop();
    }
  });

  it('tells a customer why their return was refused, in English when their language has no templates', async () => {
    const { email, line } = await customerWorld({ tier: 'bronze', locale: 'fr-FR' });
    const created = await call(f, f.agent, 'POST', '/returns', {
      customerId: line.world.customer.id,
      returnType: 'standard',
      lines: [
        { orderLineId: line.orderLineId, quantity: 1, reasonCode: 'ORDERED_IN_ERROR', claimedCondition: 'unopened' },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    const rma = created.json<{ id: string; rmaNumber: string; status: string; version: number }>();
    expect(rma.status).toBe('pending_approval');
    const reason = 'The drill was sold as a clearance item & is not returnable';
    const rejected = await call(
      f,
      manager,
      'POST',
      `/returns/${rma.id}/reject`,
      { comment: reason },
      ifMatch(rma.version),
    );
    expect(rejected.statusCode, rejected.body).toBe(200);
    await pass();
    const mail = smtp.to(email).find((m) => m.subject.includes(rma.rmaNumber))!;
    expect(mail.subject).toBe(`Return ${rma.rmaNumber} was not approved`);
    expect(headerOf(mail, 'content-language')).toBe('en');
    expect(mail.text).toContain(reason);
    expect(mail.html).toContain('clearance item &amp; is not returnable');
    expect((await logOf(f.agent, rma.id)).map((n) => [n.template, n.locale, n.status])).toContainEqual([
      'return_rejected',
      'en',
      'sent',
    ]);
  });

  it('tries again after a temporary refusal (451) and sends the message once', async () => {
    const { email, line } = await customerWorld({ email: `flaky-${dialect}@customer.test` });
    smtp.refuseTemporarily(email, 1);
    const rma = await openReturn(f, manager, line, { quantity: 1, expectAuthorized: true });
    const first = await pass();
    expect(first.delivery).toMatchObject({ retrying: 1 });
    let [entry] = await logOf(f.agent, rma.id);
    expect(entry).toMatchObject({ status: 'pending', attempts: 1, sentAt: null });
    expect(entry!.error).toContain('451');
    expect(smtp.to(email)).toHaveLength(0);

    // Not yet due: nothing happens. Due (the backoff passed): sent.
    expect((await pass()).delivery.attempted).toBe(0);
    expect((await pass(Date.now() + 2 * HOUR)).delivery).toMatchObject({ sent: 1 });
    [entry] = await logOf(f.agent, rma.id);
    expect(entry).toMatchObject({ status: 'sent', attempts: 2, error: null });
    expect(smtp.to(email)).toHaveLength(1);
  });

  it('fails a permanently refused message (550) at once, with the server’s answer in the log', async () => {
    const { email, line } = await customerWorld({ email: `gone-${dialect}@customer.test` });
    smtp.refusePermanently(email);
    const rma = await openReturn(f, manager, line, { quantity: 1, expectAuthorized: true });
    expect((await pass()).delivery).toMatchObject({ failed: 1 });
    const [entry] = await logOf(f.agent, rma.id);
    expect(entry).toMatchObject({ status: 'failed', attempts: 1, template: 'return_authorized' });
    expect(entry!.error).toMatch(/550.*no such mailbox.*refused for good/);
    expect((await pass(Date.now() + 24 * HOUR)).delivery.attempted).toBe(0);
  });

  it('without SMTP configured, logs each message as not sent with the reason — and goes on', async () => {
    const { email, line } = await customerWorld();
    const rma = await openReturn(f, manager, line, { quantity: 1, expectAuthorized: true });
    const result = await runNotificationPass(t.platform.db, t.platform.ids, { ...settings, mailer: null });
    expect(result.delivery.notSent).toBeGreaterThanOrEqual(1);
    const [entry] = await logOf(f.agent, rma.id);
    expect(entry).toMatchObject({ status: 'not_sent', template: 'return_authorized', to: email, attempts: 0 });
    expect(entry!.error).toBe(NO_SMTP);
    expect(smtp.to(email)).toHaveLength(0);
  });

  it('the unsubscribe link turns off "received" e-mails but never the return’s instructions or decisions', async () => {
    const { email, line } = await customerWorld();
    const first = await openReturn(f, manager, line, { quantity: 1, expectAuthorized: true });
    await receiveUnits(f, line, first.id, 1);
    await pass();
    const received = smtp.to(email).find((m) => m.subject.startsWith('We received goods'))!;
    const url = unsubscribeUrlIn(received);
    const path = url.slice(PUBLIC_URL.length);

    // Altered or cut-off tokens are refused (problem+json), without a sign-in either way.
    expectProblem(await t.request(null, { method: 'GET', url: path.slice(0, -3) }), 400, 'validation_failed');
    expectProblem(
      await t.request(null, { method: 'GET', url: '/api/v1/notifications/unsubscribe?token=u1.e30.AAAA' }),
      400,
      'validation_failed',
    );
    expectProblem(await t.request(null, { method: 'GET', url: '/api/v1/notifications/unsubscribe' }), 400);

    const page = await t.request(null, { method: 'GET', url: path });
    expect(page.statusCode, page.body).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('You will no longer receive updates on your returns');
    // One-click (RFC 8058) as a mail client sends it; following it again is harmless.
    const oneClick = await t.request(null, {
      method: 'POST',
      url: path,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.statusCode, oneClick.body).toBe(200);
    expect(oneClick.json()).toEqual({ unsubscribed: true, topic: 'return_progress' });

    const second = await openReturn(f, manager, line, { quantity: 1, expectAuthorized: true });
    await receiveUnits(f, line, second.id, 1);
    await pass();
    const subjects = smtp.to(email).map((m) => m.subject);
    expect(subjects).toContain(`Return ${second.rmaNumber} is authorized`);
    expect(subjects).not.toContain(`We received goods for return ${second.rmaNumber}`);
    const log = await logOf(f.agent, second.id);
    expect(log.map((n) => [n.template, n.status])).toEqual([
      ['goods_received', 'suppressed'],
      ['return_authorized', 'sent'],
    ]);
    expect(log[0]!.error).toContain('unsubscribed');
  });

  it('sends the site’s staff one SLA digest per breach, not one per check', async () => {
    const { line } = await customerWorld();
    const siteName = `Dock ${sequence} ${dialect}`;
    const qualityEmail = 'quality@test.local';
    const digests = () => smtp.to(qualityEmail).filter((m) => m.subject.startsWith(`${siteName}:`));
    // Requests are made at the test's today (sign-in tokens live by the business clock); the check
    // runs days later, past the 48 h target.
    const today = () => t.clock.set(`${TODAY}T10:00:00.000Z`);
    const check = async (daysLater: number) => {
      t.clock.set(`${TODAY}T10:00:00.000Z`);
      t.clock.advanceDays(daysLater);
      const result = await checkInspectionSlaBreaches(t.platform);
      today();
      await pass();
      return result;
    };
    const inspectionOf = async (rmaId: string) =>
      (await call(f, f.quality, 'GET', `/returns/${rmaId}/inspections`)).json<{ items: Array<{ id: string }> }>()
        .items[0]!.id;

    const rma = await openReturn(f, manager, line, { quantity: 2, expectAuthorized: true });
    await receiveUnits(f, line, rma.id, 2);
    await check(0);
    expect(digests()).toHaveLength(0);

    // Past the target: one digest, and no second one while the queue stays in breach.
    await check(3);
    expect(digests()).toHaveLength(1);
    const digest = digests()[0]!;
    expect(digest.subject).toBe(`${siteName}: 1 inspection is past the SLA`);
    expect(digest.text).toContain(`${rma.rmaNumber} · 2 × ${line.product.sku}`);
    expect(digest.text).toContain(`${PUBLIC_URL}/quality/inspections/sla-breaches`);
    expect(headerOf(digest, 'list')).toBeDefined();
    await check(3);
    await check(4);
    expect(digests()).toHaveLength(1);

    // Back within the SLA ends the episode; a new breach is a new digest.
    await completeInspection(f, await inspectionOf(rma.id), { grade: 'A' });
    expect((await check(4)).ended).toBeGreaterThanOrEqual(1);
    const again = await openReturn(f, manager, line, { quantity: 1, expectAuthorized: true });
    await receiveUnits(f, line, again.id, 1);
    await check(0);
    expect(digests()).toHaveLength(1);
    await check(3);
    expect(digests()).toHaveLength(2);
    expect(digests()[1]!.text).toContain(again.rmaNumber);

    // Whoever receives the digest can turn it off; the next breach is then logged, not sent.
    const off = await t.request(null, { method: 'GET', url: unsubscribeUrlIn(digests()[1]!).slice(PUBLIC_URL.length) });
    expect(off.body).toContain('SLA breach digests');
    await completeInspection(f, await inspectionOf(again.id), { grade: 'A' });
    await check(4);
    const third = await openReturn(f, manager, line, { quantity: 1, expectAuthorized: true });
    await receiveUnits(f, line, third.id, 1);
    expect((await check(3)).started).toBeGreaterThanOrEqual(1);
    expect(digests()).toHaveLength(2);
    const suppressed = await t.platform.db
      .selectFrom('notifications')
      .select(['status', 'subject'])
      .where('to_address', '=', qualityEmail)
      .where('template', '=', 'inspection_sla_digest')
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    expect(suppressed.filter((n) => n.subject.startsWith(`${siteName}:`)).map((n) => n.status)).toEqual([
      'sent',
      'sent',
      'suppressed',
    ]);
  });
});
