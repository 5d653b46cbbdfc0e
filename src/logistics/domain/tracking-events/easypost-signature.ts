// EasyPost signs each webhook delivery: X-Hmac-Signature: hmac-sha256-hex=<lowercase hex of
// HMAC-SHA256(raw body bytes, key = the webhook secret normalised to Unicode NFKD, UTF-8)>.
// Checked against the fixture every EasyPost client library tests with
// (../shared/data/webhooks/easypost/webhook-hmac-vector.json).
import { createHmac, timingSafeEqual } from 'node:crypto';

export const EASYPOST_SIGNATURE_HEADER = 'x-hmac-signature';
const PREFIX = 'hmac-sha256-hex=';
const SHA256_HEX = /^[0-9a-f]{64}$/i;

export type EasyPostSignatureCheck =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly reason: 'no_secret_configured' | 'missing_header' | 'malformed_header' | 'mismatch';
    };

/** The header value EasyPost sends for this body and secret. */
export function easyPostSignatureOf(rawBody: string | Buffer, secret: string): string {
  // NFKD: EasyPost's libraries normalise the secret so that "é" typed precomposed (NFC) or
  // decomposed signs alike; the vector shows the NFC key gives a different digest.
  const key = Buffer.from(secret.normalize('NFKD'), 'utf8');
  return PREFIX + createHmac('sha256', key).update(rawBody).digest('hex');
}

/**
 * Whether `headerValue` is EasyPost's signature of exactly these bytes. Pass the raw body as
 * received: a body parsed and serialised again, or with a newline added or removed, no longer
 * verifies (the vector's body-with-trailing-LF variant is there to prove it).
 */
export function verifyEasyPostSignature(
  rawBody: string | Buffer,
  headerValue: string | undefined,
  secret: string,
): EasyPostSignatureCheck {
  // An empty key is a configuration mistake, and anyone could sign with it.
  if (secret.length === 0) return { ok: false, reason: 'no_secret_configured' };
  if (headerValue === undefined || headerValue.trim() === '') return { ok: false, reason: 'missing_header' };
  const value = headerValue.trim();
  const hex = value.slice(PREFIX.length);
  if (!value.startsWith(PREFIX) || !SHA256_HEX.test(hex)) return { ok: false, reason: 'malformed_header' };

  const expected = Buffer.from(easyPostSignatureOf(rawBody, secret).slice(PREFIX.length), 'hex');
  // Both are 32 bytes here (the format was checked), as timingSafeEqual requires; comparing in
  // constant time keeps the digest from being guessed byte by byte from response times.
  return timingSafeEqual(expected, Buffer.from(hex, 'hex')) ? { ok: true } : { ok: false, reason: 'mismatch' };
}
