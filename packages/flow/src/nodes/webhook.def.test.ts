import { describe, expect, it } from 'vitest';
import { webhookNode } from './webhook.def.ts';

const check = (url: string, allowPrivate = false) =>
  webhookNode.checkConfig?.({
    config: { name: 'Webhook', url, timeoutMs: 10_000 },
    context: { allowPrivateWebhooks: allowPrivate },
  } as never) ?? [];

describe('webhook URL check at save', () => {
  it.each([
    'http://localhost/x',
    'http://localhost./x',
    'http://LOCALHOST../x',
    'http://app.localhost/x',
    'http://ip6-localhost/x',
    'http://ip6-loopback/x',
    'http://127.0.0.1/x',
    'http://2130706433/x',
    'http://0x7f.1/x',
    'http://[::1]/x',
    'http://[::ffff:127.0.0.1]/x',
    'http://169.254.169.254/latest',
    'http://10.0.0.5/x',
  ])('refuses %s', (url) => {
    expect(check(url).map((issue) => issue.code)).toEqual(['value_invalid']);
  });

  it.each(['https://hooks.example.vn/x', 'http://8.8.8.8/x'])('accepts %s', (url) => {
    expect(check(url)).toEqual([]);
  });

  it('accepts a private address when the organization allows private networks', () => {
    expect(check('http://localhost./x', true)).toEqual([]);
  });
});
