import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../test/harness.ts';

describe('serving the installable app', () => {
  let h: Harness;
  const webDist = mkdtempSync(join(tmpdir(), 'crmflow-pwa-'));
  beforeAll(async () => {
    writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>crmflow</title>');
    writeFileSync(join(webDist, 'manifest.webmanifest'), '{"name":"crmflow"}');
    writeFileSync(join(webDist, 'sw.js'), 'self.addEventListener("push", () => {})');
    writeFileSync(join(webDist, 'icon-192.png'), Buffer.from('89504e470d0a1a0a', 'hex'));
    h = await startHarness({ config: { webDist } });
  });
  afterAll(async () => {
    await h.close();
    rmSync(webDist, { recursive: true, force: true });
  });

  it.each([
    ['/manifest.webmanifest', 'application/manifest+json', 'no-cache'],
    ['/sw.js', 'javascript', 'no-cache'],
    ['/icon-192.png', 'image/png', undefined],
  ])('serves %s as %s', async (url, type, cacheControl) => {
    const res = await h.app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain(type);
    if (cacheControl) expect(res.headers['cache-control']).toBe(cacheControl);
  });
});
