import { describe, expect, it } from 'vitest';
import { easyPostSignatureOf, verifyEasyPostSignature } from './easypost-signature.js';
import { hasWebhookSamples, sampleJson, sampleText, warnIfSamplesAbsent } from './webhook-samples.test-fixtures.js';

warnIfSamplesAbsent('EasyPost HMAC signature vector');

interface HmacVector {
  secret: string;
  body_bytes: string;
  expected_header: string;
  negative_variants: { secret_NFC_not_NFKD: string; body_including_trailing_LF: string };
}

describe('EasyPost webhook signature: the header itself', () => {
  const body = '{"id":"evt_1"}';
  const secret = 'sécret';
  const signed = easyPostSignatureOf(body, secret);

  it('refuses a missing or empty header', () => {
    expect(verifyEasyPostSignature(body, undefined, secret)).toEqual({ ok: false, reason: 'missing_header' });
    expect(verifyEasyPostSignature(body, '  ', secret)).toEqual({ ok: false, reason: 'missing_header' });
  });

  it('refuses a header that is not hmac-sha256-hex= and 64 hex digits', () => {
    const hex = signed.slice('hmac-sha256-hex='.length);
    for (const malformed of [
      hex,
      `hmac-sha1-hex=${hex}`,
      `hmac-sha256-hex=${hex.slice(1)}`,
      `hmac-sha256-hex=${hex}00`,
    ]) {
      expect(verifyEasyPostSignature(body, malformed, secret), malformed).toEqual({
        ok: false,
        reason: 'malformed_header',
      });
    }
    expect(verifyEasyPostSignature(body, `hmac-sha256-hex=${'z'.repeat(64)}`, secret).ok).toBe(false);
  });

  it('refuses to verify with an empty secret, which anyone could sign with', () => {
    expect(verifyEasyPostSignature(body, easyPostSignatureOf(body, ''), '')).toEqual({
      ok: false,
      reason: 'no_secret_configured',
    });
  });

  it('tolerates the spaces a proxy may leave around the value', () => {
    expect(verifyEasyPostSignature(body, ` ${signed} `, secret)).toEqual({ ok: true });
  });
});

describe.skipIf(!hasWebhookSamples)('EasyPost webhook signature: the shared vector', () => {
  const vector = (hasWebhookSamples ? sampleJson('easypost/webhook-hmac-vector.json') : {}) as HmacVector;
  const file = hasWebhookSamples ? sampleText('easypost/event-body.json') : '';
  // As the vector says: event-body.json with its single trailing LF removed is what was signed.
  const signedBody = file.replace(/\n$/, '');

  it('signs event-body.json without its final newline, as many bytes as the vector says', () => {
    expect(file.endsWith('\n') && !file.endsWith('\n\n')).toBe(true);
    const stated = Number(/\((\d+) bytes\)/.exec(vector.body_bytes)?.[1]);
    expect(Buffer.byteLength(signedBody, 'utf8')).toBe(stated);
  });

  it('verifies the expected header, with the body as text or as bytes', () => {
    expect(verifyEasyPostSignature(signedBody, vector.expected_header, vector.secret)).toEqual({ ok: true });
    expect(verifyEasyPostSignature(Buffer.from(signedBody), vector.expected_header, vector.secret)).toEqual({
      ok: true,
    });
    expect(easyPostSignatureOf(signedBody, vector.secret)).toBe(vector.expected_header);
  });

  it('is the signature every EasyPost client library tests with', () => {
    const fixtures = sampleJson('easypost/client-library-fixtures.json') as {
      webhooks: { secret: string; hmac_signature: string };
    };
    expect(fixtures.webhooks.hmac_signature).toBe(vector.expected_header);
    expect(verifyEasyPostSignature(signedBody, fixtures.webhooks.hmac_signature, fixtures.webhooks.secret)).toEqual({
      ok: true,
    });
  });

  it('normalises the secret to NFKD, however the "é" was typed', () => {
    expect(vector.secret).toBe(vector.secret.normalize('NFC'));
    expect(verifyEasyPostSignature(signedBody, vector.expected_header, vector.secret.normalize('NFD')).ok).toBe(true);
    // The digest of the un-normalised (NFC) key is a different signature, and is refused.
    expect(verifyEasyPostSignature(signedBody, vector.negative_variants.secret_NFC_not_NFKD, vector.secret)).toEqual({
      ok: false,
      reason: 'mismatch',
    });
  });

  it('signs exactly the bytes received: the body with its newline is another signature', () => {
    expect(verifyEasyPostSignature(file, vector.expected_header, vector.secret)).toEqual({
      ok: false,
      reason: 'mismatch',
    });
    expect(verifyEasyPostSignature(file, vector.negative_variants.body_including_trailing_LF, vector.secret)).toEqual({
      ok: true,
    });
  });

  it('fails when the body is tampered with or the secret is wrong', () => {
    const tampered = signedBody.replace('"status":"in_transit"', '"status":"delivered"');
    expect(tampered).not.toBe(signedBody);
    expect(verifyEasyPostSignature(tampered, vector.expected_header, vector.secret)).toEqual({
      ok: false,
      reason: 'mismatch',
    });
    expect(verifyEasyPostSignature(signedBody, vector.expected_header, 'secret')).toEqual({
      ok: false,
      reason: 'mismatch',
    });
    const flipped = vector.expected_header.replace(/.$/, (last) => (last === '0' ? '1' : '0'));
    expect(verifyEasyPostSignature(signedBody, flipped, vector.secret)).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('accepts the digest in upper-case hex too (the same bytes)', () => {
    const upper = vector.expected_header.replace(/=(.*)$/, (_, hex: string) => `=${hex.toUpperCase()}`);
    expect(verifyEasyPostSignature(signedBody, upper, vector.secret)).toEqual({ ok: true });
  });
});
