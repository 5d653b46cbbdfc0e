// A real SMTP server in-process (smtp-server, from the nodemailer project) for tests: it takes
// every message and parses it back (mailparser), and can refuse recipients the way real servers
// do — a temporary 451 a given number of times, or a permanent 550.
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';

export interface ReceivedMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: ParsedMail['headers'];
  messageId: string;
}

export interface SmtpSink {
  url: string;
  port: number;
  received: ReceivedMail[];
  to(address: string): ReceivedMail[];
  /** The next `times` deliveries to `address` get "451 try again later". */
  refuseTemporarily(address: string, times: number): void;
  /** Every delivery to `address` gets "550 no such mailbox". */
  refusePermanently(address: string): void;
  close(): Promise<void>;
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const received: ReceivedMail[] = [];
  const temporary = new Map<string, number>();
  const permanent = new Set<string>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const to = address.address.toLowerCase();
      if (permanent.has(to)) {
        callback(Object.assign(new Error('5.1.1 no such mailbox'), { responseCode: 550 }));
        return;
      }
      const left = temporary.get(to) ?? 0;
      if (left > 0) {
        temporary.set(to, left - 1);
        callback(Object.assign(new Error('4.7.1 try again later'), { responseCode: 451 }));
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          for (const rcpt of session.envelope.rcptTo)
            received.push({
              to: rcpt.address.toLowerCase(),
              subject: mail.subject ?? '',
              text: mail.text ?? '',
              html: typeof mail.html === 'string' ? mail.html : '',
              headers: mail.headers,
              messageId: mail.messageId ?? '',
            });
          callback();
        })
        .catch((error: unknown) => callback(error as Error));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    received,
    to: (address) => received.filter((m) => m.to === address.toLowerCase()),
    refuseTemporarily: (address, times) => temporary.set(address.toLowerCase(), times),
    refusePermanently: (address) => permanent.add(address.toLowerCase()),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
