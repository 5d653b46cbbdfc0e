// How the web app and the API are delivered: security headers on every response, the built files
// pre-compressed, content-hashed assets cached for good and pages revalidated, no source maps.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.js';

function builtWebApp(): string {
  const root = mkdtempSync(join(tmpdir(), 'boomerang-web-'));
  mkdirSync(join(root, 'assets'));
  const page = `<!doctype html><html><body><div id="root"></div>${' '.repeat(2000)}</body></html>`;
  const script = `console.log(${JSON.stringify('x'.repeat(4000))});`;
  writeFileSync(join(root, 'index.html'), page);
  writeFileSync(join(root, 'index.html.gz'), gzipSync(page));
  writeFileSync(join(root, 'assets', 'app-3f9a1c.js'), script);
  writeFileSync(join(root, 'assets', 'app-3f9a1c.js.gz'), gzipSync(script));
  return root;
}

describe('web delivery', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('sqlite', { webRoot: builtWebApp() });
  });
  afterAll(() => t?.close());

  it('sends security headers on pages and API responses alike', async () => {
    for (const res of [
      await t.request(null, { method: 'GET', url: '/', headers: { accept: 'text/html' } }),
      await t.request(null, { method: 'GET', url: '/api/v1/returns' }),
    ]) {
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['x-frame-options']).toBe('DENY');
    }
  });

  it('sends built files compressed when the browser accepts it, and caches only hashed assets for good', async () => {
    const asset = await t.request(null, {
      method: 'GET',
      url: '/assets/app-3f9a1c.js',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-encoding']).toBe('gzip');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const page = await t.request(null, { method: 'GET', url: '/', headers: { 'accept-encoding': 'gzip' } });
    expect(page.headers['content-encoding']).toBe('gzip');
    expect(page.headers['cache-control']).toBe('no-cache');
    const clientRoute = await t.request(null, {
      method: 'GET',
      url: '/returns/rma_x',
      headers: { accept: 'text/html' },
    });
    expect(clientRoute.statusCode).toBe(200);
    expect(clientRoute.headers['cache-control']).toBe('no-cache');
    const plain = await t.request(null, { method: 'GET', url: '/assets/app-3f9a1c.js' });
    expect(plain.headers['content-encoding']).toBeUndefined();
  });
});
