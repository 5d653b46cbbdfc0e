// E-mail notifications: what was sent to whom about a return (its notification log), and the
// unsubscribe link's query. Shared by the server (validation, OpenAPI) and the web app.
import { z } from 'zod';

export const NOTIFICATION_TEMPLATES = [
  'return_authorized',
  'goods_received',
  'credit_issued',
  'return_rejected',
  'inspection_sla_digest',
] as const;
export type NotificationTemplate = (typeof NOTIFICATION_TEMPLATES)[number];

/**
 * What a message is about, for opting out. `transactional` messages are about the customer's own
 * return and what they must do or were granted (instructions, a decision, a credit document): no
 * opt-out, as the law allows for transactional mail. The others are informational and carry an
 * unsubscribe link.
 */
export const NOTIFICATION_TOPICS = ['transactional', 'return_progress', 'sla_digest'] as const;
export type NotificationTopic = (typeof NOTIFICATION_TOPICS)[number];
export const OPTIONAL_TOPICS = ['return_progress', 'sla_digest'] as const satisfies readonly NotificationTopic[];
export type OptionalTopic = (typeof OPTIONAL_TOPICS)[number];

/**
 * pending: to be sent (retried with backoff after a temporary SMTP failure); sent; failed: refused
 * for good or out of tries; suppressed: the recipient opted out of its topic; not_sent: it could not
 * be sent at all (no SMTP configured, or no address) — the reason is its error.
 */
export const NOTIFICATION_STATUSES = ['pending', 'sent', 'failed', 'suppressed', 'not_sent'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

export const NotificationSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  to: z.string(),
  subject: z.string(),
  template: z.enum(NOTIFICATION_TEMPLATES),
  locale: z.string(),
  status: z.enum(NOTIFICATION_STATUSES),
  attempts: z.number().int(),
  error: z.string().nullable(),
});
export type Notification = z.infer<typeof NotificationSchema>;

export const UnsubscribeQuerySchema = z.strictObject({
  token: z.string().min(1).max(2000),
});
