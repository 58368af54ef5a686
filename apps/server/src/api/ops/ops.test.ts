import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { type Harness, startHarness } from '../../test/harness.ts';

describe('operations and the error taxonomy', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it('answers /healthz and /readyz without signing in', async () => {
    const health = await h.app.inject({ method: 'GET', url: '/healthz' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ status: 'ok' });
    const ready = await h.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready' });
  });

  it('exposes Prometheus metrics with request durations by route pattern', async () => {
    await h.app.inject({ method: 'GET', url: '/api/records/contact', headers: h.headers });
    const res = await h.app.inject({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: `Bearer ${h.config.metricsToken}` },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.body).toMatch(
      /http_request_duration_seconds_count\{method="GET",route="\/api\/records\/:module",status_code="200"\} 1/,
    );
    expect(res.body).toContain('process_cpu_user_seconds_total');
  });

  it.each([
    ['an unknown API route', 'GET', '/api/nowhere', undefined, undefined, 404, 'not_found'],
    ['an unknown page without a built SPA', 'GET', '/workflows/1', undefined, undefined, 404, 'not_found'],
    ['malformed JSON', 'POST', '/api/auth/login', '{"email":', 'application/json', 400, 'invalid_input'],
    [
      'a body that is not JSON',
      'POST',
      '/api/auth/login',
      '<login/>',
      'application/xml',
      415,
      'unsupported_media_type',
    ],
    [
      'JSON of the wrong shape',
      'POST',
      '/api/auth/login',
      '[1,2,3]',
      'application/json',
      400,
      'invalid_input',
    ],
  ] as const)('answers %s with a JSON error', async (_name, method, url, body, type, status, code) => {
    const res = await h.app.inject({
      method,
      url,
      ...(body ? { payload: body, headers: { 'content-type': type ?? 'application/json' } } : {}),
    });
    expect(res.statusCode).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.json().error.code).toBe(code);
  });

  const junk: unknown[] = [
    null,
    0,
    -1,
    1e308,
    '',
    'x'.repeat(5000),
    [],
    [null],
    {},
    { data: null },
    { data: [] },
    { data: 'x' },
  ];
  const targets = [
    ['POST', '/api/records/contact'],
    ['PATCH', '/api/records/contact/6f1c1a52-4b0e-4a8e-9f43-1f0e7f1d2c3b'],
    ['POST', '/api/records/order/import'],
    ['POST', '/api/users'],
    ['POST', '/api/modules/order/fields'],
    ['PATCH', '/api/me'],
  ] as const;

  it('never answers malformed input with a 500', async () => {
    for (const [method, url] of targets) {
      for (const value of junk) {
        for (const payload of [
          value,
          { data: value },
          { records: [value] },
          { data: { name: value, total: value } },
        ]) {
          const res = await h.app.inject({
            method,
            url,
            headers: h.headers,
            payload: JSON.stringify(payload) ?? 'null',
            query: {},
          });
          expect(res.statusCode, `${method} ${url} ${JSON.stringify(payload)?.slice(0, 80)}`).toBeLessThan(
            500,
          );
          expect(res.statusCode).toBeGreaterThanOrEqual(200);
        }
      }
    }
  });

  it('serves only the operational routes in a worker process', async () => {
    const ops = await buildApp({ database: h.database, boss: h.boss, config: h.config, surface: 'ops' });
    expect((await ops.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    expect((await ops.inject({ method: 'GET', url: '/api/me', headers: h.headers })).statusCode).toBe(404);
    await ops.close();
  });
});
