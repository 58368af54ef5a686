import { createHash, randomBytes } from 'node:crypto';
import { argon2id, hash, verify } from 'argon2';

/** Session tokens and API tokens are random; the database keeps only their SHA-256. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function newToken(kind: 'session' | 'api'): string {
  return `${kind === 'session' ? 'crs' : 'crm'}_${randomBytes(32).toString('base64url')}`;
}

/** What an API token list shows so people can tell their tokens apart. */
export function tokenPrefix(token: string): string {
  return token.slice(0, 12);
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, { type: argon2id });
}

/**
 * A hash of nothing in particular, verified when the email is unknown so that a wrong email
 * takes as long as a wrong password and does not reveal which accounts exist.
 */
let decoyHash: Promise<string> | null = null;

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (!stored) {
    decoyHash ??= hashPassword(randomBytes(16).toString('hex'));
    await verify(await decoyHash, password).catch(() => false);
    return false;
  }
  return verify(stored, password).catch(() => false);
}
