import { describe, expect, it } from 'vitest';
import { draftOf, inputOf, type ProviderDraft } from './provider-form.ts';

const smtp: ProviderDraft = {
  ...draftOf({ kind: 'email' }),
  name: ' Máy chủ thư ',
  values: { host: 'smtp.example.vn', port: '465', user: '', fromAddress: 'cskh@example.vn' },
  tls: 'tls',
  secrets: { password: 'bí mật' },
};

describe('provider form', () => {
  it.each([
    [
      'a new SMTP server: numbers as numbers, TLS as flags, empty settings left out',
      smtp,
      false,
      {
        kind: 'email',
        adapter: 'smtp',
        name: 'Máy chủ thư',
        config: {
          host: 'smtp.example.vn',
          port: 465,
          fromAddress: 'cskh@example.vn',
          secure: true,
          requireTLS: false,
        },
        secrets: { password: 'bí mật' },
      },
    ],
    [
      'an edit that keeps the stored password',
      { ...smtp, changeSecrets: false },
      true,
      {
        name: 'Máy chủ thư',
        config: {
          host: 'smtp.example.vn',
          port: 465,
          fromAddress: 'cskh@example.vn',
          secure: true,
          requireTLS: false,
        },
        isDefault: false,
      },
    ],
    [
      'a webhook endpoint: no secrets to type (the server makes one), default left to the server',
      { ...draftOf({ kind: 'webhook' }), name: 'ERP', values: { url: 'https://erp.example.vn/hook' } },
      false,
      {
        kind: 'webhook',
        adapter: 'http',
        name: 'ERP',
        config: { url: 'https://erp.example.vn/hook' },
      },
    ],
  ])('%s', (_name, draft, editing, expected) => {
    expect(inputOf(draft, editing)).toEqual(expected);
  });

  it('reads a stored provider back into the form, its secrets untouched', () => {
    const draft = draftOf({
      kind: 'email',
      provider: {
        id: 'p1',
        kind: 'email',
        adapter: 'smtp',
        name: 'Thư',
        config: { host: 'smtp.example.vn', port: 587, requireTLS: true, fromAddress: 'a@b.vn' },
        hasSecrets: true,
        isDefault: true,
        createdAt: '2025-03-01T02:00:00.000Z',
        updatedAt: '2025-03-01T02:00:00.000Z',
      },
    });
    expect(draft).toMatchObject({
      values: { host: 'smtp.example.vn', port: '587', fromAddress: 'a@b.vn' },
      tls: 'requireStarttls',
      changeSecrets: false,
      isDefault: true,
    });
  });
});
