import { createServer, type Server } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { httpSmsProvider } from './http-gateway.provider.ts';
import { startHttpReceiver } from './http-receiver.testing.ts';
import {
  guardedConnect,
  guardedLookup,
  guardedRequest,
  OutboundError,
  privateNetworkAllowed,
} from './outbound-guard.ts';
import { startSmtpCatcher } from './smtp-catcher.testing.ts';
import { smtpEmailProvider } from './smtp-email.provider.ts';

/** A TCP port that accepts and then says nothing: an open port of some other service. */
async function silentPort(): Promise<{ port: number; server: Server }> {
  const server = createServer(() => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return { port: typeof address === 'object' && address ? address.port : 0, server };
}

async function closedPort(): Promise<number> {
  const { port, server } = await silentPort();
  await new Promise((r) => server.close(r));
  return port;
}

const lookupOf = (host: string, allowPrivate: boolean) =>
  new Promise<{ error: Error | null; address: unknown }>((resolve) =>
    guardedLookup(allowPrivate)(host, {}, (error, address) => resolve({ error, address })),
  );

describe('the outbound guard', () => {
  beforeEach(() => {
    process.env.CRMFLOW_ALLOW_PRIVATE_NETWORK = 'off';
  });
  afterEach(() => {
    process.env.CRMFLOW_ALLOW_PRIVATE_NETWORK = 'on';
  });

  it.each([
    'localhost',
    'localhost.',
    'ip6-localhost',
    '127.0.0.1',
    '2130706433',
    '0x7f.0.0.1',
    '0177.0.0.1',
    '127.1',
  ])('refuses %s at the lookup, whatever it is spelt like', async (host) => {
    const { error } = await lookupOf(host, false);
    // Either the name resolves to a loopback address and is refused, or it does not resolve at all.
    expect(error).not.toBeNull();
    if (error instanceof OutboundError) expect(error.kind).toBe('refused');
  });

  it('lets the same names through when private networks are allowed', async () => {
    expect((await lookupOf('localhost', true)).error).toBeNull();
  });

  it.each([
    ['127.0.0.1'],
    ['::1'],
    ['[::1]'],
    ['::ffff:127.0.0.1'],
    ['169.254.169.254'],
    ['10.1.2.3'],
    ['100.64.0.1'],
    ['fe80::1'],
    ['localhost'],
    ['localhost.'],
  ])('refuses a TCP connection to %s before it is made', async (host) => {
    const error = await guardedConnect({ host, port: 25, allowPrivate: false, timeoutMs: 2000 }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(OutboundError);
    expect(error.kind).toBe('refused');
  });

  it('gives one neutral error for a closed port and a silent open one', async () => {
    const closed = await closedPort();
    const silent = await silentPort();
    try {
      const outcomes = await Promise.all(
        [closed, silent.port].map((port) =>
          guardedConnect({ host: '127.0.0.1', port, allowPrivate: true, timeoutMs: 300 })
            .then((socket) => {
              socket.destroy();
              return 'connected';
            })
            .catch((e: OutboundError) => e.kind),
        ),
      );
      // TCP alone cannot hide that the silent port accepted; the adapters above it do (below).
      expect(outcomes).toEqual(['unreachable', 'connected']);
    } finally {
      silent.server.close();
    }
  });

  it('SMTP: a closed port, a port that never greets and a private address all read the same', async () => {
    process.env.CRMFLOW_ALLOW_PRIVATE_NETWORK = 'on';
    const closed = await closedPort();
    const silent = await silentPort();
    const send = (port: number) =>
      smtpEmailProvider({
        config: {
          host: '127.0.0.1',
          port,
          secure: false,
          requireTLS: false,
          fromAddress: 'cskh@example.vn',
          timeoutMs: 400,
        },
        secrets: {},
      }).send({
        idempotencyKey: `guard-${port}`,
        to: ['an@example.vn'],
        subject: 'Xin chào',
        html: '<p>Xin chào</p>',
        attachments: [],
      });
    try {
      const [a, b] = await Promise.all([send(closed), send(silent.port)]);
      expect(a).toMatchObject({ status: 'failed', code: 'network', retryable: true });
      expect(b).toMatchObject({ status: 'failed', code: 'network', retryable: true });
      const wording = (r: typeof a, port: number) =>
        r.status === 'failed' ? r.error.replace(String(port), 'PORT') : '';
      expect(wording(a, closed)).toBe(wording(b, silent.port));
    } finally {
      silent.server.close();
    }
  });

  it('SMTP: refuses a loopback server unless the organization allows private networks', async () => {
    const catcher = await startSmtpCatcher();
    const send = (allowPrivate: boolean) =>
      smtpEmailProvider({
        config: {
          host: 'localhost',
          port: catcher.port,
          secure: false,
          requireTLS: false,
          fromAddress: 'cskh@example.vn',
          timeoutMs: 5000,
        },
        secrets: {},
        allowPrivate,
      }).send({
        idempotencyKey: `guard-allow-${allowPrivate}`,
        to: ['an@example.vn'],
        subject: 'Xin chào',
        html: '<p>Xin chào</p>',
        attachments: [],
      });
    try {
      expect(await send(false)).toMatchObject({
        status: 'failed',
        code: 'private_address',
        retryable: false,
      });
      expect(catcher.messages).toHaveLength(0);
      expect(await send(true)).toMatchObject({ status: 'sent' });
    } finally {
      await catcher.close();
    }
  });

  it('SMS gateway: refuses a loopback gateway unless allowed, and never follows a redirect', async () => {
    const inside = await startHttpReceiver(() => ({ status: 200, body: { ok: true } }));
    const redirecting = await startHttpReceiver(() => ({ status: 302 }));
    const gateway = (baseUrl: string, allowPrivate: boolean) =>
      httpSmsProvider({
        config: {
          baseUrl,
          brandname: 'CRMFLOW',
          smsPath: '/sms',
          znsPath: '/zns',
          znsTemplatesPath: '/zns/templates',
          timeoutMs: 2000,
        },
        secrets: { apiKey: 'k', apiSecret: 's' },
        allowPrivate,
      });
    const sms = { idempotencyKey: 'guard-sms', to: '+84912345678', text: 'Xin chào' };
    try {
      expect(await gateway(inside.url, false).send(sms)).toMatchObject({ code: 'private_address' });
      expect(await gateway(`http://localhost.:${inside.port}`, false).send(sms)).toMatchObject({
        code: 'private_address',
      });
      expect(inside.requests).toHaveLength(0);
      expect(await gateway(redirecting.url, true).send(sms)).toMatchObject({
        status: 'failed',
        code: 'redirect',
      });
      expect(inside.requests).toHaveLength(0);
      expect(await gateway(inside.url, true).send(sms)).toMatchObject({ status: 'sent' });
    } finally {
      await inside.close();
      await redirecting.close();
    }
  });

  it('checks the address it actually connected to', async () => {
    const receiver = await startHttpReceiver(() => ({ status: 200 }));
    try {
      // A lookup that says "public" but hands the socket a loopback address (what DNS rebinding
      // achieves) is caught when the socket connects.
      const error = await guardedRequest({
        url: new URL(`http://rebind.example:${receiver.port}/`),
        method: 'GET',
        headers: {},
        allowPrivate: false,
        timeoutMs: 2000,
        lookup: (_host, _options, callback) => callback(null, '127.0.0.1', 4),
      }).catch((e) => e);
      expect(error).toBeInstanceOf(OutboundError);
      expect(receiver.requests).toHaveLength(0);
    } finally {
      await receiver.close();
    }
  });

  it.each([
    [{ allowPrivateNetwork: true }, 'off', true],
    [{ allowPrivateNetwork: false }, 'off', false],
    [{}, 'off', false],
    [null, 'on', true],
  ])('privateNetworkAllowed(%j) with the server switch %s is %s', (settings, server, expected) => {
    process.env.CRMFLOW_ALLOW_PRIVATE_NETWORK = server;
    expect(privateNetworkAllowed(settings)).toBe(expected);
  });
});

describe('the guard with its server-wide switch on', () => {
  let receiver: Awaited<ReturnType<typeof startHttpReceiver>>;
  beforeAll(async () => {
    receiver = await startHttpReceiver(() => ({ status: 204 }));
  });
  afterAll(() => receiver.close());

  it('lets tests reach their own servers on 127.0.0.1', async () => {
    const response = await guardedRequest({
      url: new URL(receiver.url),
      method: 'GET',
      headers: {},
      allowPrivate: false,
      timeoutMs: 2000,
    }).catch((e) => e);
    // The switch is read by the adapters (privateNetworkAllowed), not by guardedRequest itself.
    expect(response).toBeInstanceOf(OutboundError);
    expect(privateNetworkAllowed({})).toBe(true);
  });
});
