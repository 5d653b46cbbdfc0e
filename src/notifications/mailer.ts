// Sending one message over SMTP with nodemailer. Without SMTP_URL there is no mailer: messages are
// then recorded as `not_sent` with the reason "no SMTP configured", rather than handed to
// nodemailer's JSON transport — that would log them as sent, and the notification log would tell
// staff a customer was written to when nobody was.
import nodemailer from 'nodemailer';

export interface OutgoingMail {
  /** Our notification id: the Message-ID is made from it, the same on every attempt. */
  id: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  locale: string;
  unsubscribeUrl: string | null;
}

export type SendResult =
  { ok: true; messageId: string } | { ok: false; responseCode: number | undefined; error: string };

export interface Mailer {
  send(mail: OutgoingMail): Promise<SendResult>;
  close(): void;
}

const MAX_ERROR_LENGTH = 500;

/** smtp://user:pass@host:587 (STARTTLS when offered) or smtps://host:465 (TLS from the start). */
export function createSmtpMailer(smtpUrl: string, options: { timeoutMs?: number } = {}): Mailer {
  const url = new URL(smtpUrl);
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:')
    throw new Error(`SMTP_URL must be smtp://… or smtps://…, got ${url.protocol}`);
  const isTls = url.protocol === 'smtps:';
  const timeoutMs = options.timeoutMs ?? 30_000;
  const transport = nodemailer.createTransport({
    host: url.hostname,
    port: Number(url.port || (isTls ? 465 : 587)),
    secure: isTls,
    ...(url.username && {
      auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) },
    }),
    // A server that stops answering costs the worker this long, not forever.
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  });
  return {
    async send(mail) {
      try {
        const info = (await transport.sendMail({
          from: mail.from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          messageId: `<${mail.id}@${domainOf(mail.from)}>`,
          headers: {
            'Content-Language': mail.locale,
            // RFC 3834: an automatic message; out-of-office replies should not answer it.
            'Auto-Submitted': 'auto-generated',
            ...(mail.unsubscribeUrl && {
              'List-Unsubscribe': `<${mail.unsubscribeUrl}>`,
              // RFC 8058: the mail client may unsubscribe with one POST, no page to visit.
              'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
            }),
          },
        })) as { messageId: string };
        return { ok: true, messageId: info.messageId };
      } catch (cause) {
        const error = cause as Error & { responseCode?: number; response?: string };
        return {
          ok: false,
          responseCode: typeof error.responseCode === 'number' ? error.responseCode : undefined,
          error: (error.response ?? error.message ?? String(cause)).slice(0, MAX_ERROR_LENGTH),
        };
      }
    },
    close: () => transport.close(),
  };
}

function domainOf(from: string): string {
  const address = /<([^>]+)>/.exec(from)?.[1] ?? from;
  return address.split('@')[1]?.trim() || 'boomerang.local';
}
