import { apiTokens, type Db } from '@crmflow/db';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.ts';
import { audit } from '../audit.ts';
import type { AuthContext } from '../auth/auth-context.ts';
import { hashToken, newToken, tokenPrefix } from '../auth/credentials.ts';

export type TokenListItem = {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
};

export async function listTokens(db: Db, orgId: string): Promise<TokenListItem[]> {
  const rows = await db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.orgId, orgId), isNull(apiTokens.revokedAt)))
    .orderBy(desc(apiTokens.createdAt));
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  }));
}

/**
 * A bearer token for an integration, acting as the admin who created it. The token itself is
 * returned once; only its hash and a recognisable prefix are kept.
 */
export async function issueToken(
  db: Db,
  args: { auth: Pick<AuthContext, 'user' | 'organization'>; name: string },
): Promise<{ id: string; name: string; token: string }> {
  const { auth, name } = args;
  const token = newToken('api');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({
        orgId: auth.organization.id,
        userId: auth.user.id,
        name,
        tokenHash: hashToken(token),
        prefix: tokenPrefix(token),
      })
      .returning({ id: apiTokens.id });
    if (!row) throw new Error('The token was not inserted');
    await audit(tx, {
      orgId: auth.organization.id,
      actorId: auth.user.id,
      action: 'token.create',
      entity: 'api_token',
      entityId: row.id,
      details: { name },
    });
    return { id: row.id, name, token };
  });
}

export async function revokeToken(db: Db, args: { auth: AuthContext; id: string }): Promise<void> {
  const { auth, id } = args;
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiTokens)
      .set({ revokedAt: sql`now()` })
      .where(
        and(eq(apiTokens.id, id), eq(apiTokens.orgId, auth.organization.id), isNull(apiTokens.revokedAt)),
      )
      .returning({ name: apiTokens.name });
    if (!row) throw new AppError('token_not_found');
    await audit(tx, {
      orgId: auth.organization.id,
      actorId: auth.user.id,
      action: 'token.revoke',
      entity: 'api_token',
      entityId: id,
      details: { name: row.name },
    });
  });
}
