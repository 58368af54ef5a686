import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpGatewayConfig, listGatewayZnsTemplates } from './http-gateway.provider.ts';
import { type Reply, startHttpReceiver } from './http-receiver.testing.ts';

/** The answer of the stand-in gateway, by the templates path each case asks on. */
const replies: Record<string, Reply> = {
  '/oa/templates': {
    status: 200,
    body: {
      templates: [
        {
          id: 248_301,
          name: 'Xác nhận đơn hàng',
          params: [
            { key: 'customer_name', type: 'text', maxLength: 30 },
            { key: 'order_total', type: 'money', maxLength: 20 },
            { key: 'order_date', type: 'date', maxLength: 10 },
          ],
        },
        {
          id: 'birthday-02',
          name: 'Chúc mừng sinh nhật',
          params: [{ key: 'ten', type: 'emoji', maxLength: 20 }],
        },
      ],
    },
  },
  '/denied': { status: 401, body: { error: 'bad key' } },
  '/not-json': { status: 200 },
  '/wrong-shape': { status: 200, body: { data: [] } },
};

let gateway: Awaited<ReturnType<typeof startHttpReceiver>>;
beforeAll(async () => {
  gateway = await startHttpReceiver((request) => replies[request.path] ?? { status: 404, body: {} });
});
afterAll(() => gateway.close());

const settings = (znsTemplatesPath: string, baseUrl = gateway.url) => ({
  config: HttpGatewayConfig.parse({ baseUrl, znsTemplatesPath, timeoutMs: 2_500 }),
  secrets: { apiKey: 'key-123', apiSecret: 'secret-456' },
});

describe('listGatewayZnsTemplates', () => {
  it('asks the gateway with a signed GET and reads its templates, unknown param types as text', async () => {
    const listed = await listGatewayZnsTemplates(settings('/oa/templates'));
    expect(listed).toEqual({
      ok: true,
      templates: [
        {
          id: '248301',
          name: 'Xác nhận đơn hàng',
          params: [
            { key: 'customer_name', type: 'text', maxLength: 30 },
            { key: 'order_total', type: 'money', maxLength: 20 },
            { key: 'order_date', type: 'date', maxLength: 10 },
          ],
        },
        {
          id: 'birthday-02',
          name: 'Chúc mừng sinh nhật',
          params: [{ key: 'ten', type: 'text', maxLength: 20 }],
        },
      ],
    });
    const request = gateway.requests.at(-1) ?? expect.unreachable();
    expect(request.method).toBe('GET');
    expect(request.headers['x-api-key']).toBe('key-123');
    const timestamp = String(request.headers['x-timestamp']);
    const expected = createHmac('sha256', 'secret-456').update(`${timestamp}.`).digest('hex');
    expect(request.headers['x-signature']).toBe(`sha256=${expected}`);
  });

  it.each([
    ['a refusal', '/denied', 'rejected', /HTTP 401/],
    ['an empty answer', '/not-json', 'bad_answer', /JSON/],
    ['an answer of another shape', '/wrong-shape', 'bad_answer', /templates/],
  ])('answers %s with its reason', async (_name, path, code, error) => {
    const listed = await listGatewayZnsTemplates(settings(path));
    expect(listed).toMatchObject({ ok: false, code });
    expect(listed.ok ? '' : listed.error).toMatch(error);
  });

  it('answers a gateway that does not listen as unreachable', async () => {
    const listed = await listGatewayZnsTemplates(settings('/oa/templates', 'http://127.0.0.1:9'));
    expect(listed).toMatchObject({ ok: false, code: 'unreachable' });
  });
});
