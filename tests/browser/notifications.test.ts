// A return is authorized; the server (with SMTP_URL pointing at a real SMTP server this test runs)
// mails the customer, and staff see that e-mail on the return's page: when, to whom, its subject,
// template and status.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CreateRmaBody, Rma } from '../../src/contracts/returns.js';
import type { Notification } from '../../src/contracts/notifications.js';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';
import { describeInBrowser, screenshotIfAsked, signIn } from './support/browser.js';
import { ApiClient, findReturnCandidate } from './support/api.js';
import { inPage, setUpBrowserSuite } from './support/suite.js';

describeInBrowser('e-mail notifications', () => {
  let smtp: SmtpSink;
  beforeAll(async () => {
    smtp = await startSmtpSink();
  });
  afterAll(async () => {
    await smtp?.close();
  });
  const suite = setUpBrowserSuite({ env: () => ({ SMTP_URL: smtp.url, MAIL_FROM: 'Returns <returns@demo.test>' }) });

  it('staff see the e-mail the customer was sent when the return was authorized, on the return page', async () => {
    const { baseUrl } = suite.server;
    const agent = await ApiClient.signIn(baseUrl, 'cs_agent@demo.local');
    const candidate = await findReturnCandidate(agent);
    const line = candidate.order.lines[candidate.lineIndex]!;
    const body: CreateRmaBody = {
      customerId: candidate.order.customerId,
      returnType: 'standard',
      lines: [{ orderLineId: line.id, quantity: 1, reasonCode: candidate.reasonCode, claimedCondition: 'unopened' }],
    };
    let rma = await agent.post<Rma>('/returns', body);
    if (rma.status === 'pending_approval') {
      const manager = await ApiClient.signIn(baseUrl, 'cs_manager@demo.local');
      rma = await manager.post<Rma>(`/returns/${rma.id}/approve`, { comment: 'ok' });
    }
    expect(rma.status).toBe('authorized');
    // The worker in the server sends within seconds of the commit.
    const until = Date.now() + 30_000;
    const isSent = async () =>
      (await agent.get<{ items: Notification[] }>(`/returns/${rma.id}/notifications`)).items.some(
        (n) => n.template === 'return_authorized' && n.status === 'sent',
      );
    while (!(await isSent())) {
      if (Date.now() > until)
        throw new Error(
          `the authorization e-mail was not sent within 30 s: ${JSON.stringify(await agent.get(`/returns/${rma.id}/notifications`))}`,
        );
      await new Promise((resolve) => setTimeout(resolve, 250));
    }

    await inPage(suite, async (page) => {
      await signIn(page, 'cs_agent@demo.local');
      await page.goto(`${baseUrl}/returns/${rma.id}`);
      const panel = page.locator('section', { has: page.getByRole('heading', { name: 'E-mails' }) });
      await panel.waitFor();
      const row = panel.getByRole('row').filter({ hasText: 'Return authorized' });
      await row.getByText('Sent', { exact: true }).waitFor();
      const mail = smtp.received.find((m) => m.subject.includes(rma.rmaNumber));
      expect(mail).toBeDefined();
      await row.getByText(mail!.to).waitFor();
      await row.getByText(mail!.subject).waitFor();
      expect(mail!.text).toContain(rma.rmaNumber);
      await screenshotIfAsked(page, 'return-notifications');
    });
  });
});
