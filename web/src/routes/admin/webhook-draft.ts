// The create-subscription form: its fields as typed, checked before sending, and as the API's body.
import type { CreateWebhookSubscriptionBody } from '../../api/webhooks.js';
import type { FormErrors } from '../../api/api-error.js';

export interface WebhookDraft {
  url: string;
  /** As typed: exact event types, or *, separated by commas or spaces. */
  eventTypes: string;
  description: string;
  maxAttempts: string;
}
export type WebhookField = 'url' | 'eventTypes' | 'description' | 'maxAttempts';
export type WebhookErrors = FormErrors<WebhookField>;
export const WEBHOOK_FIELDS: readonly WebhookField[] = ['url', 'eventTypes', 'description', 'maxAttempts'];

export const EMPTY_WEBHOOK_DRAFT: WebhookDraft = { url: '', eventTypes: '*', description: '', maxAttempts: '8' };

export const eventTypesOf = (text: string): string[] =>
  text
    .split(/[\s,]+/)
    .map((type) => type.trim())
    .filter(Boolean);

export function validateWebhookDraft(draft: WebhookDraft): WebhookErrors {
  const errors: WebhookErrors = {};
  if (!/^https?:\/\/\S+$/.test(draft.url.trim())) errors.url = 'Enter the receiver’s http(s) URL.';
  if (eventTypesOf(draft.eventTypes).length === 0) errors.eventTypes = 'Name at least one event type, or *.';
  const tries = Number(draft.maxAttempts);
  if (!Number.isInteger(tries) || tries < 1 || tries > 20) errors.maxAttempts = 'A whole number from 1 to 20.';
  return errors;
}

export function buildWebhookBody(draft: WebhookDraft): CreateWebhookSubscriptionBody {
  return {
    url: draft.url.trim(),
    eventTypes: eventTypesOf(draft.eventTypes),
    description: draft.description.trim(),
    maxAttempts: Number(draft.maxAttempts),
  };
}
