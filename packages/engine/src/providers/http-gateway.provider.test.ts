import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpSmsProvider, httpZnsProvider } from './http-gateway.provider.ts';
import { type Reply, startHttpReceiver } from './http-receiver.testing.ts';

/** The gateway answers according to the recipient, so each case picks its answer by number. */
const replies: Record<string, Reply> = {
  '+84900000500': { status: 503, body: { error: 'maintenance' } },
  '+84900000429': { status: 429, body: { error: 'slow down' } },
  '+84900000400': { status: 400, body: { error: 'brandname not registered' } },
  '+84900000401': { status: 401, body: { error: 'bad key' } },
  '+84900000302': { status: 302 },
  '+84900000408': { status: 200, delayMs: 3_000 },
};

let gateway: Awaited<ReturnType<typeof startHttpReceiver>>;
beforeAll(async () => {
  gateway = await startHttpReceiver((request) => {
    const to = String(JSON.parse(request.body).to);
    return replies[to] ?? { status: 200, body: { messageId: `gw-${gateway.requests.length}` } };
  });
});
afterAll(() => gateway.close());

// A generous timeout keeps a loaded machine from failing the tests that expect an answer.
const settings = (timeoutMs = 2_500) => ({
  config: {
    baseUrl: `${gateway.url}/api/v1/`,
    brandname: 'SHOPVN',
    smsPath: '/sms/send',
    znsPath: '/zns/send',
    znsTemplatesPath: '/zns/templates',
    timeoutMs,
  },
  secrets: { apiKey: 'key-123', apiSecret: 'secret-456' },
});
const sms = {
  idempotencyKey: 'run-1:n4:+84912345678',
  to: '+84912345678',
  text: 'Chúc mừng sinh nhật Nguyễn Thị Hồng Nhung!',
};

describe('httpSmsProvider', () => {
  it('posts a signed JSON request and records the answer', async () => {
    const result = await httpSmsProvider(settings()).send(sms);
    const request = gateway.requests.at(-1) ?? expect.unreachable();
    expect(request.method).toBe('POST');
    expect(request.path).toBe('/api/v1/sms/send');
    expect(JSON.parse(request.body)).toEqual({
      requestId: sms.idempotencyKey,
      to: '+84912345678',
      text: 'Chúc mừng sinh nhật Nguyễn Thị Hồng Nhung!',
      brandname: 'SHOPVN',
      unicode: true,
      segments: 1,
    });
    expect(request.headers['x-api-key']).toBe('key-123');
    expect(request.headers['idempotency-key']).toBe(sms.idempotencyKey);
    const expected = createHmac('sha256', 'secret-456')
      .update(`${request.headers['x-timestamp']}.${request.body}`)
      .digest('hex');
    expect(request.headers['x-signature']).toBe(`sha256=${expected}`);
    expect(request.body).not.toContain('secret-456');
    expect(result).toEqual({
      status: 'sent',
      response: { httpStatus: 200, body: { messageId: `gw-${gateway.requests.length}` } },
    });
  });

  it('sends decomposed Vietnamese as composed text, so the name is not broken', async () => {
    await httpSmsProvider(settings()).send({ ...sms, text: 'Nguyễn'.normalize('NFD'), brandname: 'OTHER' });
    expect(JSON.parse(gateway.requests.at(-1)?.body ?? '{}')).toMatchObject({
      text: 'Nguyễn',
      brandname: 'OTHER',
    });
  });

  it.each([
    { to: '+84900000500', code: 'provider_error', retryable: true, httpStatus: 503 },
    { to: '+84900000429', code: 'provider_error', retryable: true, httpStatus: 429 },
    { to: '+84900000400', code: 'rejected', retryable: false, httpStatus: 400 },
    { to: '+84900000401', code: 'auth', retryable: false, httpStatus: 401 },
    { to: '+84900000302', code: 'redirect', retryable: false, httpStatus: 302 },
  ])('HTTP $httpStatus → $code, retryable $retryable', async ({ to, code, retryable, httpStatus }) => {
    const result = await httpSmsProvider(settings()).send({ ...sms, to });
    expect(result).toMatchObject({ status: 'failed', code, retryable, response: { httpStatus } });
  });

  it('gives up on a slow gateway and says it may be retried', async () => {
    const started = Date.now();
    const result = await httpSmsProvider(settings(500)).send({ ...sms, to: '+84900000408' });
    // Before any answer a slow gateway reads like one that is not there (see outbound-guard.ts).
    expect(result).toMatchObject({ status: 'failed', code: 'network', retryable: true });
    expect(Date.now() - started).toBeLessThan(2_500);
  });

  it('reports a gateway that is not listening as retryable', async () => {
    const gone = await startHttpReceiver(() => ({ status: 200 }));
    await gone.close();
    const result = await httpSmsProvider({
      ...settings(),
      config: { ...settings().config, baseUrl: gone.url },
    }).send(sms);
    expect(result).toMatchObject({ status: 'failed', code: 'network', retryable: true });
  });

  it.each([
    { name: 'a national number', message: { ...sms, to: '0912345678' }, code: 'invalid_recipient' },
    { name: 'no brandname anywhere', message: sms, code: 'misconfigured', noBrand: true },
  ])('refuses $name without calling the gateway', async ({ message, code, noBrand }) => {
    const before = gateway.requests.length;
    const config = noBrand ? { ...settings().config, brandname: undefined } : settings().config;
    const result = await httpSmsProvider({ ...settings(), config }).send(message);
    expect(result).toMatchObject({ status: 'failed', code, retryable: false });
    expect(gateway.requests).toHaveLength(before);
  });
});

describe('httpZnsProvider', () => {
  it('posts the template and its parameters', async () => {
    const params = { customer_name: 'Nguyễn Thị Hồng Nhung', order_code: 'ĐH-0001', amount: '12500000' };
    const result = await httpZnsProvider(settings()).send({
      idempotencyKey: 'run-1:n5:+84912345678',
      to: '+84912345678',
      templateId: '301245',
      params,
    });
    const request = gateway.requests.at(-1) ?? expect.unreachable();
    expect(request.path).toBe('/api/v1/zns/send');
    expect(JSON.parse(request.body)).toEqual({
      requestId: 'run-1:n5:+84912345678',
      to: '+84912345678',
      templateId: '301245',
      params,
    });
    expect(result).toMatchObject({ status: 'sent', response: { httpStatus: 200 } });
  });

  it('names the Official Account when one is set', async () => {
    const config = { ...settings().config, oaId: '4318702836582512345' };
    await httpZnsProvider({ ...settings(), config }).send({
      idempotencyKey: 'run-2:n5:+84912345678',
      to: '+84912345678',
      templateId: '301245',
      params: {},
    });
    const request = gateway.requests.at(-1) ?? expect.unreachable();
    expect(JSON.parse(request.body)).toMatchObject({ oaId: '4318702836582512345', templateId: '301245' });
  });

  it('passes a 5xx on as retryable and a 4xx as final', async () => {
    const send = (to: string) =>
      httpZnsProvider(settings()).send({ idempotencyKey: to, to, templateId: '1', params: {} });
    expect(await send('+84900000500')).toMatchObject({ status: 'failed', retryable: true });
    expect(await send('+84900000400')).toMatchObject({
      status: 'failed',
      retryable: false,
      response: { body: { error: 'brandname not registered' } },
    });
  });
});
