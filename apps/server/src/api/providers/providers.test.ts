import { providers } from '@crmflow/db';
import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness, type TestUser } from '../../test/harness.ts';

const PASSWORD = 'mật-khẩu-bí-mật-SMTP';
const API_SECRET = 'gateway-secret-do-not-leak';

describe('providers API', () => {
  let h: Harness;
  let member: TestUser;
  let manager: TestUser;
  /** Every body the API answered with, to look for secrets in afterwards. */
  const seen: string[] = [];
  const call = async (args: {
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
    url: string;
    payload?: object;
    headers?: { authorization: string };
  }): Promise<LightMyRequestResponse> => {
    const res = await h.app.inject({ headers: h.headers, ...args });
    seen.push(res.body);
    return res;
  };

  beforeAll(async () => {
    h = await startHarness();
    member = await h.addUser({ role: 'member' });
    manager = await h.addUser({ role: 'manager' });
  });
  afterAll(() => h.close());

  const smtpProvider = {
    kind: 'email',
    adapter: 'smtp',
    name: 'Máy chủ thư công ty',
    config: { host: 'smtp.example.vn', port: 587, user: 'crm', fromAddress: 'cskh@example.vn' },
    secrets: { password: PASSWORD },
  };

  it('creates a provider with sealed secrets, shown only as "there are some"', async () => {
    const res = await call({ method: 'POST', url: '/api/providers', payload: smtpProvider });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      kind: 'email',
      adapter: 'smtp',
      name: 'Máy chủ thư công ty',
      config: { host: 'smtp.example.vn', port: 587, secure: false, fromAddress: 'cskh@example.vn' },
      hasSecrets: true,
      isDefault: true,
    });
    const [row] = await h.database.db.select().from(providers).where(eq(providers.id, res.json().id));
    expect(row?.secrets).toMatch(/^v1:/);
    expect(row?.secrets).not.toContain(PASSWORD);
    expect(JSON.stringify(row?.config)).not.toContain(PASSWORD);
  });

  it('lets members list providers for pickers, filtered by kind', async () => {
    await call({
      method: 'POST',
      url: '/api/providers',
      payload: { kind: 'sms', adapter: 'capture', name: 'SMS thử nghiệm' },
    });
    const res = await call({ method: 'GET', url: '/api/providers?kind=sms', headers: member.headers });
    expect(res.statusCode).toBe(200);
    expect(
      res.json().items.map((p: { name: string; hasSecrets: boolean }) => [p.name, p.hasSecrets]),
    ).toEqual([['SMS thử nghiệm', false]]);
  });

  it.each([
    ['an adapter the kind does not have', { ...smtpProvider, adapter: 'carrier-pigeon' }, 'adapter'],
    [
      'a config missing its sender',
      { ...smtpProvider, config: { host: 'smtp.example.vn' } },
      'config.fromAddress',
    ],
    [
      'gateway secrets without the API secret',
      {
        kind: 'sms',
        adapter: 'http',
        name: 'eSMS',
        config: { baseUrl: 'https://api.esms.example', brandname: 'CRMFLOW' },
        secrets: { apiKey: 'k' },
      },
      'secrets.apiSecret',
    ],
    [
      'a webhook signing secret that is too short',
      { kind: 'webhook', adapter: 'http', name: 'ERP', secrets: { secret: 'short' } },
      'secrets.secret',
    ],
  ])('refuses %s with 400 naming the field', async (_name, payload, field) => {
    const res = await call({ method: 'POST', url: '/api/providers', payload });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid_input');
    expect(res.json().error.details.map((d: { field: string }) => d.field)).toContain(field);
  });

  it('keeps one default per kind', async () => {
    const first = (await call({ method: 'GET', url: '/api/providers?kind=email' })).json().items[0];
    const second = await call({
      method: 'POST',
      url: '/api/providers',
      payload: { kind: 'email', adapter: 'capture', name: 'Ghi lại email', isDefault: true },
    });
    expect(second.json().isDefault).toBe(true);
    const third = await call({
      method: 'POST',
      url: '/api/providers',
      payload: { kind: 'email', adapter: 'capture', name: 'Email phụ' },
    });
    expect(third.json().isDefault).toBe(false);
    const defaults = async () =>
      (await call({ method: 'GET', url: '/api/providers?kind=email' }))
        .json()
        .items.filter((p: { isDefault: boolean }) => p.isDefault)
        .map((p: { id: string }) => p.id);
    expect(await defaults()).toEqual([second.json().id]);
    await call({ method: 'PATCH', url: `/api/providers/${first.id}`, payload: { isDefault: true } });
    expect(await defaults()).toEqual([first.id]);
    // The SMS default is untouched by email's.
    const sms = (await call({ method: 'GET', url: '/api/providers?kind=sms' })).json().items;
    expect(sms.filter((p: { isDefault: boolean }) => p.isDefault)).toHaveLength(1);
  });

  it('enforces roles: members and managers read, only admins write or test', async () => {
    const [provider] = (await call({ method: 'GET', url: '/api/providers?kind=sms' })).json().items;
    for (const user of [member, manager]) {
      const attempts = [
        {
          method: 'POST' as const,
          url: '/api/providers',
          payload: { kind: 'sms', adapter: 'capture', name: 'X' },
        },
        { method: 'PATCH' as const, url: `/api/providers/${provider.id}`, payload: { name: 'Y' } },
        { method: 'DELETE' as const, url: `/api/providers/${provider.id}` },
        { method: 'POST' as const, url: `/api/providers/${provider.id}/test`, payload: { to: '0912345678' } },
      ];
      for (const attempt of attempts) {
        const res = await call({ ...attempt, headers: user.headers });
        expect([attempt.method, attempt.url, res.statusCode]).toEqual([attempt.method, attempt.url, 403]);
      }
    }
  });

  it('hides another organization’s providers behind 404s', async () => {
    const other = await h.addOrganization();
    const theirs = await call({
      method: 'POST',
      url: '/api/providers',
      headers: other.admin.headers,
      payload: { kind: 'sms', adapter: 'capture', name: 'Của công ty khác' },
    });
    const url = `/api/providers/${theirs.json().id}`;
    expect((await call({ method: 'PATCH', url, payload: { name: 'Lộ' } })).statusCode).toBe(404);
    expect(
      (await call({ method: 'POST', url: `${url}/test`, payload: { to: '0912345678' } })).statusCode,
    ).toBe(404);
    expect((await call({ method: 'DELETE', url })).statusCode).toBe(404);
    const mine = (await call({ method: 'GET', url: '/api/providers' })).json().items;
    expect(mine.map((p: { id: string }) => p.id)).not.toContain(theirs.json().id);
  });

  it('deletes a provider', async () => {
    const created = await call({
      method: 'POST',
      url: '/api/providers',
      payload: { kind: 'zns', adapter: 'capture', name: 'ZNS tạm' },
    });
    const url = `/api/providers/${created.json().id}`;
    expect((await call({ method: 'DELETE', url })).statusCode).toBe(204);
    expect((await call({ method: 'DELETE', url })).statusCode).toBe(404);
  });

  it('never answers with a secret, in any response', async () => {
    const gateway = await call({
      method: 'POST',
      url: '/api/providers',
      payload: {
        kind: 'sms',
        adapter: 'http',
        name: 'Cổng SMS',
        config: { baseUrl: 'https://sms.example.vn', brandname: 'CRMFLOW' },
        secrets: { apiKey: 'key-123', apiSecret: API_SECRET },
      },
    });
    expect(gateway.statusCode).toBe(201);
    await call({
      method: 'PATCH',
      url: `/api/providers/${gateway.json().id}`,
      payload: { name: 'Cổng SMS chính' },
    });
    await call({ method: 'GET', url: '/api/providers' });
    const sealed = (await h.database.db.select({ secrets: providers.secrets }).from(providers))
      .map((row) => row.secrets)
      .filter((blob): blob is string => blob !== null);
    expect(sealed.length).toBeGreaterThanOrEqual(2);
    for (const body of seen) {
      expect(body).not.toContain(PASSWORD);
      expect(body).not.toContain(API_SECRET);
      for (const blob of sealed) expect(body).not.toContain(blob);
    }
  });
});
