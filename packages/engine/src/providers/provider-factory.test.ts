import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpReceiver } from './http-receiver.testing.ts';
import { type ProviderRow, providerFor, sealProviderSecrets } from './provider-factory.ts';
import { startSmtpCatcher } from './smtp-catcher.testing.ts';

const secretKey = randomBytes(32);
const seal = (secrets: Record<string, unknown>) => sealProviderSecrets({ secretKey, secrets });
const email = {
  idempotencyKey: 'k1',
  to: ['a@example.vn'],
  subject: 'Chào',
  html: '<p>Chào</p>',
  attachments: [],
};

let smtp: Awaited<ReturnType<typeof startSmtpCatcher>>;
let gateway: Awaited<ReturnType<typeof startHttpReceiver>>;
beforeAll(async () => {
  smtp = await startSmtpCatcher({ user: 'u', password: 'p@ss' });
  gateway = await startHttpReceiver(() => ({ status: 200, body: { ok: true } }));
});
afterAll(async () => {
  await smtp.close();
  await gateway.close();
});

describe('providerFor', () => {
  it('builds an SMTP adapter with its password decrypted', async () => {
    const row: ProviderRow = {
      kind: 'email',
      adapter: 'smtp',
      config: { host: '127.0.0.1', port: smtp.port, user: 'u', fromAddress: 'crm@example.vn' },
      secrets: seal({ password: 'p@ss' }),
    };
    const handle = providerFor({ row, secretKey });
    if (!handle.ok || handle.kind !== 'email') return expect.unreachable();
    expect(await handle.provider.send(email)).toMatchObject({ status: 'sent' });
    expect(smtp.messages.at(-1)?.envelopeTo).toEqual(['a@example.vn']);
  });

  it('builds the HTTP gateway for SMS with its API key decrypted', async () => {
    const row: ProviderRow = {
      kind: 'sms',
      adapter: 'http',
      config: { baseUrl: gateway.url, brandname: 'SHOPVN' },
      secrets: seal({ apiKey: 'key-1', apiSecret: 'sec-1' }),
    };
    const handle = providerFor({ row, secretKey });
    if (!handle.ok || handle.kind !== 'sms') return expect.unreachable();
    expect(await handle.provider.send({ idempotencyKey: 'k', to: '+84912345678', text: 'hi' })).toMatchObject(
      { status: 'sent' },
    );
    expect(gateway.requests.at(-1)?.headers['x-api-key']).toBe('key-1');
  });

  it.each([
    { kind: 'email', adapter: 'capture' },
    { kind: 'sms', adapter: 'capture' },
    { kind: 'zns', adapter: 'capture' },
    { kind: 'webhook', adapter: 'capture' },
    { kind: 'email', adapter: 'system' },
  ] as const)('$kind/$adapter captures without sending', async ({ kind, adapter }) => {
    const handle = providerFor({ row: { kind, adapter, config: {}, secrets: null }, secretKey, env: {} });
    expect(handle).toMatchObject({ ok: true, kind, adapter });
    if (!handle.ok) return;
    const before = smtp.messages.length + gateway.requests.length;
    const result =
      handle.kind === 'webhook'
        ? await handle.sender.post({ url: gateway.url, body: {}, secret: 's', allowPrivate: true })
        : handle.kind === 'email'
          ? await handle.provider.send(email)
          : handle.kind === 'sms'
            ? await handle.provider.send({ idempotencyKey: 'k', to: '+84912345678', text: 'x' })
            : handle.kind === 'zns'
              ? await handle.provider.send({
                  idempotencyKey: 'k',
                  to: '+84912345678',
                  templateId: '1',
                  params: {},
                })
              : expect.unreachable();
    expect(result.status).toBe('captured');
    expect(smtp.messages.length + gateway.requests.length).toBe(before);
  });

  it.each<{ name: string; row: ProviderRow; error: RegExp }>([
    {
      name: 'secrets sealed with another key',
      row: {
        kind: 'email',
        adapter: 'smtp',
        config: { host: 'h', fromAddress: 'a@b.vn' },
        secrets: sealProviderSecrets({ secretKey: randomBytes(32), secrets: {} }),
      },
      error: /^secrets: /,
    },
    {
      name: 'config missing its host',
      row: { kind: 'email', adapter: 'smtp', config: { fromAddress: 'a@b.vn' }, secrets: null },
      error: /^config: .*host/s,
    },
    {
      name: 'gateway without API key',
      row: { kind: 'zns', adapter: 'http', config: { baseUrl: 'https://gw.example.vn' }, secrets: null },
      error: /^secrets: .*apiKey/s,
    },
    {
      name: 'gateway URL that is not http',
      row: {
        kind: 'sms',
        adapter: 'http',
        config: { baseUrl: 'file:///etc/passwd' },
        secrets: seal({ apiKey: 'k', apiSecret: 's' }),
      },
      error: /^config: .*baseUrl/s,
    },
    {
      name: 'unknown adapter',
      row: { kind: 'sms', adapter: 'carrier-pigeon', config: {}, secrets: null },
      error: /carrier-pigeon/,
    },
  ])('reports $name as misconfigured', ({ row, error }) => {
    const handle = providerFor({ row, secretKey });
    expect(handle.ok).toBe(false);
    if (!handle.ok) expect(handle.error).toMatch(error);
  });
});
