import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../test/harness.ts';

describe('serving the built SPA', () => {
  let h: Harness;
  const webDist = mkdtempSync(join(tmpdir(), 'crmflow-web-'));
  beforeAll(async () => {
    mkdirSync(join(webDist, 'assets'));
    writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>crmflow</title>');
    writeFileSync(join(webDist, 'assets', 'app.js'), 'console.log("crmflow")');
    h = await startHarness({ config: { webDist } });
  });
  afterAll(async () => {
    await h.close();
    rmSync(webDist, { recursive: true, force: true });
  });

  const page = { accept: 'text/html,application/xhtml+xml' };

  it.each([
    ['the root', '/', page, 'text/html', 'crmflow</title>'],
    ['an asset', '/assets/app.js', {}, 'javascript', 'console.log'],
    ['a client-side route', '/workflows/6f1c1a52/edit', page, 'text/html', 'crmflow</title>'],
  ])('serves %s', async (_name, url, headers, type, content) => {
    const res = await h.app.inject({ method: 'GET', url, headers });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain(type);
    expect(res.body).toContain(content);
  });

  it.each([
    ['an unknown API route, even from a browser', '/api/nothing', page],
    ['a missing asset', '/assets/missing.js', {}],
  ])('answers %s with a JSON 404', async (_name, url, headers) => {
    const res = await h.app.inject({ method: 'GET', url, headers });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });
});
