// The token in an unsubscribe link: who and which topic, signed with HMAC-SHA256 under the key kept
// in the database (so every server process makes and checks the same links). It does not expire:
// an unsubscribe link must keep working as long as the mail it came in may be read.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { OPTIONAL_TOPICS, type OptionalTopic } from '../../contracts/notifications.js';

export interface UnsubscribeClaim {
  recipientKey: string;
  topic: OptionalTopic;
}

const VERSION = 'u1';

const mac = (secret: string, body: string) => createHmac('sha256', secret).update(`${VERSION}.${body}`).digest();

export function signUnsubscribeToken(secret: string, claim: UnsubscribeClaim): string {
  const body = Buffer.from(JSON.stringify({ r: claim.recipientKey, t: claim.topic }), 'utf8').toString('base64url');
  return `${VERSION}.${body}.${mac(secret, body).toString('base64url')}`;
}

/** The claim of a genuine token; null for anything altered, truncated or signed with another key. */
export function readUnsubscribeToken(secret: string, token: string): UnsubscribeClaim | null {
  const [version, body, signature, ...rest] = token.split('.');
  if (version !== VERSION || !body || !signature || rest.length > 0) return null;
  const expected = mac(secret, body);
  const actual = Buffer.from(signature, 'base64url');
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return null;
  try {
    const parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as { r?: unknown; t?: unknown };
    if (typeof parsed.r !== 'string' || !(OPTIONAL_TOPICS as readonly unknown[]).includes(parsed.t)) return null;
    return { recipientKey: parsed.r, topic: parsed.t as OptionalTopic };
  } catch {
    return null;
  }
}
