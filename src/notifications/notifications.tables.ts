// Notifications' tables: every e-mail made from a committed event (one per event and recipient),
// the opt-outs of optional topics, the key that signs unsubscribe links, and SLA breach episodes.
import type { NotificationStatus, NotificationTemplate, NotificationTopic } from '../contracts/notifications.js';

export interface NotificationsTable {
  id: string;
  event_id: string;
  event_type: string;
  /** 'customer:cus_…' or 'user:usr_…'. */
  recipient_key: string;
  /** The return it is about (null for staff digests). */
  rma_id: string | null;
  template: NotificationTemplate;
  topic: NotificationTopic;
  locale: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string;
  /** Set for optional topics only: the signed link, also sent as List-Unsubscribe. */
  unsubscribe_url: string | null;
  status: NotificationStatus;
  attempts: number;
  /** When the worker next tries (pending only); real time, like leases. */
  next_attempt_at: string | null;
  last_error: string | null;
  message_id: string | null;
  sent_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface NotificationOptOutsTable {
  recipient_key: string;
  topic: NotificationTopic;
  opted_out_at: string;
}

export interface NotificationKeysTable {
  name: string;
  secret: string;
  created_at: string;
}

/** A stretch of time during which a queue had work past its SLA: one digest when it starts. */
export interface SlaBreachEpisodesTable {
  id: string;
  queue: 'inspection';
  scope_id: string;
  started_at: string;
  breached_at_start: number;
  ended_at: string | null;
}

export interface NotificationTables {
  notifications: NotificationsTable;
  notification_opt_outs: NotificationOptOutsTable;
  notification_keys: NotificationKeysTable;
  sla_breach_episodes: SlaBreachEpisodesTable;
}
