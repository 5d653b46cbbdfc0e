// An admin adds a webhook (its signing secret shown once), a return is raised, and the admin
// watches the delivery in the log: refused by the receiver (500) and dead after its one try, then
// sent again and delivered — signed with the secret the admin was shown.
import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, it } from 'vitest';
import type { CreateRmaBody } from '../../src/contracts/returns.js';
import { isValidWebhookSignature } from '../../src/webhooks/index.js';
import { describeInBrowser, screenshotIfAsked, signIn } from './support/browser.js';
import { ApiClient, findReturnCandidate } from './support/api.js';
import { openMainNav } from './support/journeys.js';
import { inPage, setUpBrowserSuite } from './support/suite.js';

describeInBrowser('webhooks', () => {
  const suite = setUpBrowserSuite();

  it('an admin adds a webhook, sees a dead delivery with its status code, sends it again and it is delivered', async () => {
    const received: Array<{ headers: IncomingHttpHeaders; body: string }> = [];
    let answer = 500;
    const receiver = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
        response.writeHead(answer).end();
      });
    });
    receiver.listen(0, '127.0.0.1');
    await once(receiver, 'listening');
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/boomerang-events`;
    try {
      await inPage(suite, async (page) => {
        const { baseUrl } = suite.server;
        await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
        await signIn(page, 'admin@demo.local');
        await openMainNav(page, 'Admin');
        await page.getByRole('link', { name: /^Webhooks/ }).click();
        await page.getByRole('heading', { level: 1, name: 'Webhooks' }).waitFor();

        await page.getByRole('button', { name: 'Add webhook' }).click();
        const form = page.getByRole('dialog', { name: 'Add webhook' });
        await form.getByLabel('Receiver URL').fill(url);
        await form.getByLabel('Event types').fill('rma.requested');
        await form.getByLabel('Description').fill('ERP test receiver');
        await form.getByLabel('Tries before giving up').fill('1');
        await form.getByRole('button', { name: 'Add webhook' }).click();

        const shown = page.getByRole('dialog', { name: 'Webhook added' });
        await shown.getByText('Store it now: it will not be shown again').waitFor();
        const secret = await shown.getByLabel('Signing secret').inputValue();
        expect(secret).toMatch(/^whsec_\S+$/);
        await shown.getByRole('button', { name: 'Copy signing secret' }).click();
        await shown.getByRole('button', { name: 'Done' }).click();
        const row = page.getByRole('row').filter({ hasText: url });
        await row.getByText('Active', { exact: true }).waitFor();
        expect(await page.content()).not.toContain(secret);

        // A return raised through the API: its rma.requested event goes to the receiver.
        const api = await ApiClient.signIn(baseUrl, 'admin@demo.local');
        const candidate = await findReturnCandidate(api);
        const line = candidate.order.lines[candidate.lineIndex]!;
        const body: CreateRmaBody = {
          customerId: candidate.order.customerId,
          returnType: 'standard',
          lines: [
            { orderLineId: line.id, quantity: 1, reasonCode: candidate.reasonCode, claimedCondition: 'unopened' },
          ],
        };
        await api.post('/returns', body);

        await row.getByRole('link', { name: url }).click();
        await page.getByRole('heading', { level: 1, name: 'Webhook deliveries' }).waitFor();
        const delivery = page.getByRole('row').filter({ hasText: 'rma.requested' });
        await delivery.getByText('Dead', { exact: true }).waitFor({ timeout: 20_000 });
        await delivery.getByText(/^500 · \d+ ms/).waitFor();
        await screenshotIfAsked(page, 'webhook-deliveries');

        answer = 204;
        await delivery.getByRole('button', { name: /^Send again/ }).click();
        await delivery.getByText('Delivered', { exact: true }).waitFor({ timeout: 20_000 });
        await delivery.getByText(/^204 · \d+ ms/).waitFor();

        expect(received).toHaveLength(2);
        const last = received[1]!;
        expect(JSON.parse(last.body)).toMatchObject({ type: 'rma.requested', aggregateType: 'rma' });
        const signature = String(last.headers['boomerang-signature']);
        const timestamp = String(last.headers['boomerang-timestamp']);
        expect(
          isValidWebhookSignature(secret, { signature, timestamp }, last.body, Math.floor(Date.now() / 1000)),
        ).toBe(true);
      });
    } finally {
      receiver.closeAllConnections();
      receiver.close();
    }
  });
});
