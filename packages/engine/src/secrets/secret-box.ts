import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Secrets at rest (provider passwords, API keys): AES-256-GCM with a fresh 96-bit nonce per
 * value. Stored as `v1:<nonce>:<ciphertext>:<tag>` in base64url, so a later format or key
 * scheme can be told apart and read alongside this one.
 */
const VERSION = 'v1';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

export class SecretKeyError extends Error {
  override name = 'SecretKeyError';
}

export class SecretDecryptError extends Error {
  override name = 'SecretDecryptError';
}

/**
 * The server's key from its configured text: 64 hex digits or base64 (standard or url-safe)
 * of exactly 32 bytes. Anything else is refused rather than stretched into a weak key.
 */
export function parseSecretKey(text: string): Buffer {
  const trimmed = text.trim();
  if (/^[\da-fA-F]{64}$/.test(trimmed)) return Buffer.from(trimmed, 'hex');
  if (/^[A-Za-z\d+/_-]{43}=?$/.test(trimmed)) {
    const key = Buffer.from(trimmed.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    if (key.length === 32) return key;
  }
  throw new SecretKeyError('The secret key must be 32 bytes, written as 64 hex digits or in base64');
}

export function encryptSecret(key: Buffer, plaintext: string): string {
  assertKey(key);
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, nonce, ciphertext, tag]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join(':');
}

/** Throws `SecretDecryptError` for a wrong key, a changed byte, or text not in a known format. */
export function decryptSecret(key: Buffer, blob: string): string {
  assertKey(key);
  const [version, nonceText, ciphertextText, tagText, ...rest] = blob.split(':');
  if (version !== VERSION || rest.length > 0 || !nonceText || ciphertextText === undefined || !tagText) {
    throw new SecretDecryptError('Not an encrypted secret in a known format');
  }
  const nonce = Buffer.from(nonceText, 'base64url');
  const tag = Buffer.from(tagText, 'base64url');
  if (nonce.length !== NONCE_BYTES || tag.length !== TAG_BYTES) {
    throw new SecretDecryptError('Not an encrypted secret in a known format');
  }
  const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([
      decipher.update(Buffer.from(ciphertextText, 'base64url')),
      decipher.final(),
    ]).toString('utf8');
  } catch {
    throw new SecretDecryptError('The secret cannot be decrypted: wrong key or altered data');
  }
}

function assertKey(key: Buffer): void {
  if (key.length !== 32) throw new SecretKeyError('The secret key must be 32 bytes');
}
