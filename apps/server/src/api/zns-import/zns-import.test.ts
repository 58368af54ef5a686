import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpReceiver } from '../../../../../packages/engine/src/providers/http-receiver.testing.ts';
import { type Harness, startHarness } from '../../test/harness.ts';

describe('GET /api/zns-templates/from-provider: the OA’s approved templates', () => {
  let h: Harness;
  let gateway: Awaited<ReturnType<typeof startHttpReceiver>>;

  beforeAll(async () => {
    h = await startHarness();
    gateway = await startHttpReceiver((request) =>
      request.path === '/zalo/templates' && request.headers['x-api-key'] === 'oa-key'
        ? {
            status: 200,
            body: {
              templates: [
                {
                  id: '301122',
                  name: 'Xác nhận đơn hàng',
                  params: [{ key: 'customer_name', type: 'text', maxLength: 30 }],
                },
              ],
            },
          }
        : { status: 401, body: { error: 'bad key' } },
    );
  });
  afterAll(async () => {
    await gateway?.close();
    await h?.close();
  });

  const addProvider = async (payload: object) => {
    const res = await h.call('POST', '/api/providers', payload);
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  };

  it('says so, in the caller’s language, when there is no ZNS provider', async () => {
    const res = await h.app.inject({
      method: 'GET',
      url: '/api/zns-templates/from-provider',
      headers: { ...h.headers, 'accept-language': 'en' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      provider: null,
      supported: false,
      templates: [],
      error: 'There is no Zalo ZNS provider yet. Add one first.',
    });
  });

  it('lists the templates of the HTTP gateway, asked with its own keys', async () => {
    const id = await addProvider({
      kind: 'zns',
      adapter: 'http',
      name: 'Cổng Zalo OA',
      config: { baseUrl: gateway.url, znsTemplatesPath: '/zalo/templates' },
      secrets: { apiKey: 'oa-key', apiSecret: 'oa-secret' },
    });
    const res = await h.call('GET', `/api/zns-templates/from-provider?providerId=${id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      provider: { id, name: 'Cổng Zalo OA' },
      supported: true,
      templates: [
        {
          id: '301122',
          name: 'Xác nhận đơn hàng',
          params: [{ key: 'customer_name', type: 'text', maxLength: 30 }],
        },
      ],
      error: null,
    });
    expect(gateway.requests.at(-1)).toMatchObject({ method: 'GET', path: '/zalo/templates' });
  });

  it('tells the gateway’s refusal in plain words, and that a capture provider cannot list', async () => {
    const wrong = await addProvider({
      kind: 'zns',
      adapter: 'http',
      name: 'Khóa sai',
      config: { baseUrl: gateway.url, znsTemplatesPath: '/zalo/templates' },
      secrets: { apiKey: 'wrong', apiSecret: 'oa-secret' },
    });
    const refused = await h.call('GET', `/api/zns-templates/from-provider?providerId=${wrong}`);
    expect(refused.json()).toMatchObject({ supported: true, templates: [] });
    expect(refused.json().error).toMatch(/^Nhà cung cấp từ chối yêu cầu: HTTP 401/);

    const capture = await addProvider({ kind: 'zns', adapter: 'capture', name: 'ZNS tạm' });
    const unsupported = await h.call('GET', `/api/zns-templates/from-provider?providerId=${capture}`);
    expect(unsupported.json()).toMatchObject({ supported: false, templates: [] });
  });

  it('is for admins and managers; another organization’s provider is not found', async () => {
    const member = await h.addUser({ role: 'member' });
    const res = await h.call('GET', '/api/zns-templates/from-provider', undefined, member.headers);
    expect(res.statusCode).toBe(403);
    const other = await h.addOrganization('Công ty Khác');
    const theirs = await h.call(
      'POST',
      '/api/providers',
      { kind: 'zns', adapter: 'capture', name: 'Của họ' },
      other.admin.headers,
    );
    const foreign = await h.call('GET', `/api/zns-templates/from-provider?providerId=${theirs.json().id}`);
    expect(foreign.statusCode).toBe(404);
  });
});
