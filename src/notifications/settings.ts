// How this installation sends mail: from whom, the address links in messages point at, and the
// SMTP connection (none: messages are recorded as not sent, with the reason — see mailer.ts).
import type { Mailer } from './mailer.js';

export interface NotificationSettings {
  /** MAIL_FROM, e.g. 'Boomerang Returns <returns@example.com>'. */
  from: string;
  /** BOOMERANG_PUBLIC_URL: where people open the web app (links in messages, unsubscribe). */
  publicUrl: string;
  /** From SMTP_URL; null when none is configured. */
  mailer: Mailer | null;
}

export const returnUrlOf = (settings: Pick<NotificationSettings, 'publicUrl'>, rmaId: string) =>
  `${settings.publicUrl}/returns/${encodeURIComponent(rmaId)}`;
