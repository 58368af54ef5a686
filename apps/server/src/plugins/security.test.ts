import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOGIN_LIMIT } from '../api/auth/login-limit.ts';
import { buildApp } from '../app.ts';
import type { App } from '../app-types.ts';
import type { AppConfig } from '../config.ts';
import { type Harness, startHarness, testConfig } from '../test/harness.ts';

describe('security headers, limits, cookies and metrics', () => {
  let h: Harness;
  const apps: App[] = [];
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await h.close();
  });

  /** Another app on the same database, with other settings. */
  const appWith = async (overrides: Partial<AppConfig>) => {
    const app = await buildApp({ database: h.database, boss: h.boss, config: testConfig(overrides) });
    await app.ready();
    apps.push(app);
    return app;
  };

  it.each(['/healthz', '/api/me', '/api/docs', '/api/nowhere'])(
    'sends the security headers on %s',
    async (url) => {
      const res = await h.app.inject({ method: 'GET', url, headers: h.headers });
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("default-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    },
  );

  const login = (app: App, email: string, remoteAddress: string) =>
    app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress,
      payload: { email, password: 'sai-mat-khau' },
    });

  it('stops password spraying: many accounts from one address get 429 with Retry-After', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < LOGIN_LIMIT.perAddress + 3; i++) {
      statuses.push((await login(h.app, `nguoi-${i}@example.vn`, '203.0.113.7')).statusCode);
    }
    expect(statuses.slice(0, LOGIN_LIMIT.perAddress)).toEqual(Array(LOGIN_LIMIT.perAddress).fill(401));
    expect(statuses.slice(LOGIN_LIMIT.perAddress)).toEqual([429, 429, 429]);
    const locked = await login(h.app, 'ai-do@example.vn', '203.0.113.7');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    // Another address is not affected.
    expect((await login(h.app, 'nguoi-0@example.vn', '203.0.113.8')).statusCode).toBe(401);
  });

  it('limits failures against one account from many addresses', async () => {
    for (let i = 0; i < LOGIN_LIMIT.perAccount; i++) {
      expect((await login(h.app, h.admin.email, `198.51.100.${i + 1}`)).statusCode).toBe(401);
    }
    const locked = await login(h.app, h.admin.email, '198.51.100.200');
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('rate_limited');
  });

  it('limits sign-ups per address', async () => {
    const app = await appWith({ signupLimit: 2 });
    const signup = (i: number, remoteAddress: string) =>
      app.inject({
        method: 'POST',
        url: '/api/auth/signup',
        remoteAddress,
        payload: {
          organizationName: `Công ty ${i}`,
          name: 'Lan',
          email: `dang-ky-${i}-${remoteAddress}@example.vn`,
          password: 'mat-khau-manh',
        },
      });
    expect((await signup(1, '192.0.2.10')).statusCode).toBe(201);
    expect((await signup(2, '192.0.2.10')).statusCode).toBe(201);
    const third = await signup(3, '192.0.2.10');
    expect(third.statusCode).toBe(429);
    expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
    expect((await signup(4, '192.0.2.11')).statusCode).toBe(201);
  });

  it('limits API requests per token with 429 and Retry-After, and leaves other tokens and operations alone', async () => {
    const app = await appWith({ apiRateLimit: 5 });
    const other = await h.addUser({ role: 'member' });
    const me = (headers: { authorization: string }) => app.inject({ method: 'GET', url: '/api/me', headers });
    for (let i = 0; i < 5; i++) expect((await me(h.headers)).statusCode).toBe(200);
    const limited = await me(h.headers);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await me(other.headers)).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  });

  it.each([
    [true, 'https', true],
    [true, 'http', false],
    [false, 'https', false],
  ])(
    'with trust proxy %s and X-Forwarded-Proto %s the session cookie is Secure: %s',
    async (trustProxy, proto, secure) => {
      const app = await appWith({ trustProxy });
      const user = await h.addUser({ role: 'member', password: 'mat-khau-cookie' });
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'x-forwarded-proto': proto, 'x-forwarded-for': '192.0.2.50' },
        payload: { email: user.email, password: 'mat-khau-cookie' },
      });
      expect(res.statusCode).toBe(200);
      expect(/;\s*Secure/i.test(String(res.headers['set-cookie']))).toBe(secure);
    },
  );

  it('serves /metrics only with the metrics token', async () => {
    const metrics = (app: App, authorization?: string) =>
      app.inject({ method: 'GET', url: '/metrics', headers: authorization ? { authorization } : {} });
    expect((await metrics(h.app)).statusCode).toBe(404);
    expect((await metrics(h.app, 'Bearer not-the-metrics-token')).statusCode).toBe(404);
    expect((await metrics(h.app, h.headers.authorization)).statusCode).toBe(404);
    expect((await metrics(h.app, `Bearer ${h.config.metricsToken}`)).statusCode).toBe(200);
    const closed = await appWith({ metricsToken: undefined });
    expect((await metrics(closed, 'Bearer anything-at-all-here')).statusCode).toBe(404);
  });
});
