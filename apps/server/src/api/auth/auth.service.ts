import { createOrganization, type Db, organizations, users } from '@crmflow/db';
import { and, eq, sql } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.ts';
import { audit } from '../audit.ts';
import type { OrganizationRow, UserRow } from './auth-context.ts';
import { hashPassword, verifyPassword } from './credentials.ts';
import { assertLoginAllowed, clearLoginFailures, recordLoginFailure } from './login-limit.ts';
import { createSession } from './sessions.service.ts';

export type SignedIn = { token: string; user: UserRow; organization: OrganizationRow };

export const emailTaken = async (db: Db, email: string): Promise<boolean> => {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`);
  return row !== undefined;
};

/** A unique violation on `users_email_key`: two sign-ups raced for one address. */
export function isEmailConflict(error: unknown): boolean {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  return typeof cause === 'object' && cause !== null && Reflect.get(cause, 'code') === '23505';
}

/** A new organization with its standard fields and its first admin, signed in. */
export async function signup(
  db: Db,
  input: { organizationName: string; name: string; email: string; password: string; locale?: 'vi' | 'en' },
): Promise<SignedIn> {
  const email = input.email.trim();
  if (await emailTaken(db, email)) throw new AppError('email_taken');
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction(async (tx) => {
      const organization = await createOrganization(tx, {
        name: input.organizationName,
        ...(input.locale ? { locale: input.locale } : {}),
      });
      const [user] = await tx
        .insert(users)
        .values({ orgId: organization.id, email, name: input.name.trim(), role: 'admin', passwordHash })
        .returning();
      if (!user) throw new Error('The admin was not inserted');
      await audit(tx, {
        orgId: organization.id,
        actorId: user.id,
        action: 'signup',
        entity: 'organization',
        entityId: organization.id,
      });
      const { token } = await createSession(tx, { userId: user.id, orgId: organization.id });
      return { token, user, organization };
    });
  } catch (error) {
    if (isEmailConflict(error)) throw new AppError('email_taken');
    throw error;
  }
}

/**
 * Email and password to a new session. Failed attempts are counted per email and client
 * address; past the limit the answer is 429 whatever the password.
 */
export async function login(
  db: Db,
  input: { email: string; password: string; ip: string },
): Promise<SignedIn> {
  await assertLoginAllowed(db, input.email, input.ip);
  const [row] = await db
    .select({ user: users, organization: organizations })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.orgId))
    .where(and(sql`lower(${users.email}) = ${input.email.trim().toLowerCase()}`, eq(users.active, true)));
  const valid = await verifyPassword(row?.user.passwordHash ?? null, input.password);
  if (!row || !valid) {
    await recordLoginFailure(db, input.email, input.ip);
    throw new AppError('invalid_credentials');
  }
  await clearLoginFailures(db, input.email, input.ip);
  const { token } = await createSession(db, { userId: row.user.id, orgId: row.organization.id });
  return { token, user: row.user, organization: row.organization };
}
