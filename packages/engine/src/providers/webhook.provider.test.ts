import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Reply, startHttpReceiver } from './http-receiver.testing.ts';
import { postWebhook } from './webhook.provider.ts';
import { verifyWebhookSignature } from './webhook-signature.ts';

const replies: Record<string, Reply> = {
  '/fail': { status: 500, body: { error: 'down' } },
  '/refuse': { status: 422, body: { error: 'unknown order' } },
  '/slow': { status: 200, delayMs: 3_000 },
  '/moved': { status: 301 },
};

let receiver: Awaited<ReturnType<typeof startHttpReceiver>>;
beforeAll(async () => {
  receiver = await startHttpReceiver(
    (request) => replies[request.path] ?? { status: 202, body: { ok: true } },
  );
});
afterAll(() => receiver.close());

const body = { event: 'order.delivered', order: { code: 'ĐH-0001', customer: 'Nguyễn Thị Hồng Nhung' } };
const secret = 'whsec-Đặng';

describe('postWebhook', () => {
  // These tests decide per request what the organization allows, not by the server-wide switch.
  beforeEach(() => {
    process.env.CRMFLOW_ALLOW_PRIVATE_NETWORK = 'off';
  });
  afterEach(() => {
    process.env.CRMFLOW_ALLOW_PRIVATE_NETWORK = 'on';
  });

  it('posts JSON the receiver can verify with the shared secret', async () => {
    const result = await postWebhook({
      url: `${receiver.url}/hooks/crm`,
      body,
      secret,
      allowPrivate: true,
      idempotencyKey: 'run-9:n2',
    });
    expect(result).toEqual({ status: 'sent', response: { httpStatus: 202, body: { ok: true } } });
    const request = receiver.requests.at(-1) ?? expect.unreachable();
    expect(request.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(request.headers['x-crmflow-delivery']).toBe('run-9:n2');
    expect(JSON.parse(request.body)).toEqual(body);
    const signed = {
      secret,
      timestamp: String(request.headers['x-crmflow-timestamp']),
      body: request.body,
      signature: String(request.headers['x-crmflow-signature']),
    };
    expect(signed.signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature(signed)).toBe(true);
    expect(verifyWebhookSignature({ ...signed, secret: 'other' })).toBe(false);
    expect(verifyWebhookSignature({ ...signed, body: request.body.replace('0001', '0002') })).toBe(false);
    expect(verifyWebhookSignature({ ...signed, now: new Date(Date.now() + 3_600_000) })).toBe(false);
  });

  it.each([
    { name: 'loopback by address', url: () => `${receiver.url}/x` },
    { name: 'loopback by name', url: () => `http://localhost:${receiver.port}/x` },
    { name: 'IPv6 loopback', url: () => `http://[::1]:${receiver.port}/x` },
    { name: 'IPv4-mapped loopback', url: () => `http://[::ffff:127.0.0.1]:${receiver.port}/x` },
    { name: 'loopback in hex', url: () => `http://0x7f.0.0.1:${receiver.port}/x` },
    { name: 'cloud metadata', url: () => 'http://169.254.169.254/latest/meta-data' },
    { name: 'private network', url: () => 'http://10.0.0.5/hook' },
    { name: 'loopback with a trailing dot', url: () => `http://localhost.:${receiver.port}/x` },
    { name: 'loopback in decimal', url: () => `http://2130706433:${receiver.port}/x` },
  ])('refuses $name without connecting', async ({ url }) => {
    const before = receiver.requests.length;
    const result = await postWebhook({ url: url(), body, secret });
    expect(result).toMatchObject({ status: 'failed', code: 'private_address', retryable: false });
    expect(receiver.requests).toHaveLength(before);
  });

  it.each([
    { path: '/fail', code: 'provider_error', retryable: true },
    { path: '/refuse', code: 'rejected', retryable: false },
    { path: '/moved', code: 'redirect', retryable: false },
  ])('$path → $code, retryable $retryable', async ({ path, code, retryable }) => {
    const result = await postWebhook({ url: `${receiver.url}${path}`, body, secret, allowPrivate: true });
    expect(result).toMatchObject({ status: 'failed', code, retryable });
  });

  it('stops waiting at the timeout, in the same words as for a server that is not there', async () => {
    const started = Date.now();
    const result = await postWebhook({
      url: `${receiver.url}/slow`,
      body,
      secret,
      allowPrivate: true,
      timeoutMs: 300,
    });
    // A silent open port and a closed one must read alike (see outbound-guard.ts).
    expect(result).toMatchObject({ status: 'failed', code: 'network', retryable: true });
    expect(result.status === 'failed' && result.error).toBe(`No answer from ${new URL(receiver.url).host}`);
    expect(Date.now() - started).toBeLessThan(2_500);
  });

  it.each([
    { url: 'ftp://example.com/x', code: 'invalid_url' },
    { url: 'not a url', code: 'invalid_url' },
    { url: 'http://does-not-exist.invalid/hook', code: 'network' },
  ])('$url → $code', async ({ url, code }) => {
    expect(await postWebhook({ url, body, secret })).toMatchObject({ status: 'failed', code });
  });
});
