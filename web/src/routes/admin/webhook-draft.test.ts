import { describe, expect, it } from 'vitest';
import { CreateWebhookSubscriptionBodySchema } from '../../../../src/contracts/webhooks.js';
import { buildWebhookBody, EMPTY_WEBHOOK_DRAFT, eventTypesOf, validateWebhookDraft } from './webhook-draft.js';

describe('webhook draft', () => {
  it('reads event types separated by commas or spaces', () => {
    expect(eventTypesOf(' rma.authorized, credit_memo.issued  receipt.recorded,,')).toEqual([
      'rma.authorized',
      'credit_memo.issued',
      'receipt.recorded',
    ]);
  });
  it('asks for a URL, at least one event type and a sensible number of tries', () => {
    expect(validateWebhookDraft(EMPTY_WEBHOOK_DRAFT)).toEqual({ url: 'Enter the receiver’s http(s) URL.' });
    expect(
      validateWebhookDraft({ ...EMPTY_WEBHOOK_DRAFT, url: 'https://x.test', eventTypes: ' , ', maxAttempts: '0' }),
    ).toEqual({
      eventTypes: 'Name at least one event type, or *.',
      maxAttempts: 'A whole number from 1 to 20.',
    });
  });
  it('builds the body the server accepts', () => {
    const body = buildWebhookBody({
      url: ' https://erp.test/hook ',
      eventTypes: 'rma.authorized',
      description: ' ERP ',
      maxAttempts: '5',
    });
    expect(body).toEqual({
      url: 'https://erp.test/hook',
      eventTypes: ['rma.authorized'],
      description: 'ERP',
      maxAttempts: 5,
    });
    expect(CreateWebhookSubscriptionBodySchema.safeParse(body).success).toBe(true);
  });
});
