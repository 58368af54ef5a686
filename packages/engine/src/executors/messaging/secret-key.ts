import { createHash } from 'node:crypto';
import { parseSecretKey, SecretKeyError } from '../../secrets/secret-box.ts';

/**
 * The 32-byte key that seals provider secrets, from the server's configured text. A key written
 * as 64 hex digits or base64 (what a fresh installation generates) is used as it is; any other
 * text (`CRMFLOW_SECRET_KEY` accepts 16 characters or more) is hashed with SHA-256, so the API
 * and every worker reading the same setting derive the same key.
 */
export function secretKeyFromText(text: string): Buffer {
  try {
    return parseSecretKey(text);
  } catch (error) {
    if (!(error instanceof SecretKeyError)) throw error;
    return createHash('sha256').update(text.trim(), 'utf8').digest();
  }
}
