// The signature receivers check: HMAC-SHA256 over "<unix seconds>.<exact body>" with the
// subscription's secret. The timestamp is signed with the body so a captured request cannot be
// replayed later with a fresh timestamp; receivers reject old timestamps (README: Webhooks).
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_VERSION = 'v1';

export function signWebhook(secret: string, timestampSeconds: number, body: string): string {
  const hex = createHmac('sha256', secret).update(`${timestampSeconds}.${body}`).digest('hex');
  return `${SIGNATURE_VERSION}=${hex}`;
}

/** What a receiver does (the README's snippet, as code our tests run): true when genuine and fresh. */
export function isValidWebhookSignature(
  secret: string,
  header: { signature: string; timestamp: string },
  body: string,
  nowSeconds: number,
  toleranceSeconds = 300,
): boolean {
  const timestamp = Number(header.timestamp);
  if (!Number.isInteger(timestamp) || Math.abs(nowSeconds - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(signWebhook(secret, timestamp, body));
  const actual = Buffer.from(header.signature);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
