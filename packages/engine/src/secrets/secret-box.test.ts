import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  decryptSecret,
  encryptSecret,
  parseSecretKey,
  SecretDecryptError,
  SecretKeyError,
} from './secret-box.ts';

const key = randomBytes(32);

describe('parseSecretKey', () => {
  it.each([
    ['hex', key.toString('hex')],
    ['upper-case hex', key.toString('hex').toUpperCase()],
    ['base64', key.toString('base64')],
    ['base64url', key.toString('base64url')],
    ['base64 with spaces around', ` ${key.toString('base64')}\n`],
  ])('reads %s', (_name, text) => {
    expect(parseSecretKey(text).equals(key)).toBe(true);
  });

  it.each([
    ['empty', ''],
    ['a passphrase', 'correct horse battery staple'],
    ['16 bytes of hex', randomBytes(16).toString('hex')],
    ['31 bytes of base64', randomBytes(31).toString('base64')],
    ['33 bytes of base64', randomBytes(33).toString('base64')],
  ])('refuses %s', (_name, text) => {
    expect(() => parseSecretKey(text)).toThrow(SecretKeyError);
  });
});

describe('encryptSecret / decryptSecret', () => {
  it.each([
    ['empty', ''],
    ['ascii', 'smtp-password-123'],
    ['Vietnamese', 'Mật khẩu: Đặng Thị Ánh'],
    ['JSON', JSON.stringify({ apiKey: 'k', apiSecret: 's:with:colons' })],
  ])('round-trips %s', (_name, plaintext) => {
    expect(decryptSecret(key, encryptSecret(key, plaintext))).toBe(plaintext);
  });

  it('writes a versioned value that never contains the plaintext and differs each time', () => {
    const first = encryptSecret(key, 'hunter2hunter2');
    const second = encryptSecret(key, 'hunter2hunter2');
    expect(first).toMatch(/^v1:[\w-]+:[\w-]+:[\w-]+$/);
    expect(first).not.toContain('hunter2');
    expect(first).not.toBe(second);
  });

  const blob = encryptSecret(key, 'the password');
  const [version, nonce, ciphertext, tag] = blob.split(':');
  const flip = (text = '') => {
    const bytes = Buffer.from(text, 'base64url');
    bytes[0] = (bytes[0] ?? 0) ^ 1;
    return bytes.toString('base64url');
  };
  it.each([
    ['another key', randomBytes(32), blob],
    ['a changed ciphertext byte', key, [version, nonce, flip(ciphertext), tag].join(':')],
    ['a changed nonce', key, [version, flip(nonce), ciphertext, tag].join(':')],
    ['a changed tag', key, [version, nonce, ciphertext, flip(tag)].join(':')],
    ['a truncated tag', key, [version, nonce, ciphertext, tag?.slice(0, 10)].join(':')],
    ['an unknown version', key, ['v9', nonce, ciphertext, tag].join(':')],
    ['plain text', key, 'the password'],
  ])('refuses %s', (_name, decryptKey, value) => {
    expect(() => decryptSecret(decryptKey, value)).toThrow(SecretDecryptError);
  });
});
