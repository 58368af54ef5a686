import { apiTokens, type Executor, organizations, sessions, users } from '@crmflow/db';
import { and, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import type { AuthContext } from './auth-context.ts';
import { hashToken, newToken } from './credentials.ts';
import type { SessionCache } from './session-cache.ts';

export const SESSION_COOKIE = 'crmflow_session';
export const SESSION_DAYS = 30;

export async function createSession(
  db: Executor,
  owner: { userId: string; orgId: string },
): Promise<{ token: string; expiresAt: Date }> {
  const token = newToken('session');
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 86_400_000);
  await db
    .insert(sessions)
    .values({ tokenHash: hashToken(token), userId: owner.userId, orgId: owner.orgId, expiresAt });
  return { token, expiresAt };
}

export async function deleteSession(db: Executor, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}

/** Signs a user out everywhere, e.g. when an admin resets their password or deactivates them. */
export async function deleteUserSessions(db: Executor, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

async function fromSession(
  db: Executor,
  tokenHash: string,
  cache: SessionCache | undefined,
): Promise<AuthContext | null> {
  const cached = cache?.get(tokenHash);
  if (cached) return cached;
  const generation = cache?.generation() ?? 0;
  const [row] = await db
    .select({
      user: users,
      organization: organizations,
      sessionId: sessions.id,
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(organizations, eq(organizations.id, sessions.orgId))
    .where(
      and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, sql`now()`), eq(users.active, true)),
    );
  if (!row) return null;
  const auth: AuthContext = {
    user: row.user,
    organization: row.organization,
    via: 'session',
    sessionId: row.sessionId,
  };
  if (cache) {
    // Shared by every request of the session while cached: nobody may change it in place.
    Object.freeze(row.organization.settings);
    cache.set(
      tokenHash,
      Object.freeze({
        ...auth,
        user: Object.freeze(row.user),
        organization: Object.freeze(row.organization),
      }),
      row.expiresAt,
      generation,
    );
  }
  return auth;
}

async function fromApiToken(db: Executor, tokenHash: string): Promise<AuthContext | null> {
  const [row] = await db
    .select({ user: users, organization: organizations, tokenId: apiTokens.id })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .innerJoin(organizations, eq(organizations.id, apiTokens.orgId))
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt), eq(users.active, true)));
  if (!row) return null;
  // Last use to the minute is enough, and spares a write on every request.
  await db
    .update(apiTokens)
    .set({ lastUsedAt: sql`now()` })
    .where(
      and(
        eq(apiTokens.id, row.tokenId),
        or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, sql`now() - interval '1 minute'`)),
      ),
    );
  return { user: row.user, organization: row.organization, via: 'token', sessionId: null };
}

/**
 * The caller behind a token: a session token (from the cookie, or sent as a bearer by the SPA)
 * or an API token. Expired sessions, revoked tokens and inactive users resolve to nobody.
 * Sessions are looked up in `cache` first when one is given (see session-cache.ts); API tokens
 * are always read, as each use is recorded.
 */
export async function resolveToken(
  db: Executor,
  token: string,
  cache?: SessionCache,
): Promise<AuthContext | null> {
  const tokenHash = hashToken(token);
  if (token.startsWith('crm_')) return fromApiToken(db, tokenHash);
  return fromSession(db, tokenHash, cache);
}
