import { type Db, type UserRole, users } from '@crmflow/db';
import { and, asc, count, eq, ne } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.ts';
import { audit } from '../audit.ts';
import { emailTaken, isEmailConflict } from '../auth/auth.service.ts';
import type { AuthContext, UserRow } from '../auth/auth-context.ts';
import { hashPassword } from '../auth/credentials.ts';
import { deleteUserSessions } from '../auth/sessions.service.ts';

export function listUsers(db: Db, orgId: string): Promise<UserRow[]> {
  return db.select().from(users).where(eq(users.orgId, orgId)).orderBy(asc(users.name), asc(users.email));
}

export async function createUser(
  db: Db,
  args: {
    auth: AuthContext;
    input: {
      email: string;
      name: string;
      role: UserRole;
      password: string;
      phone?: string | null;
      locale?: 'vi' | 'en' | null;
    };
  },
): Promise<UserRow> {
  const { auth, input } = args;
  if (await emailTaken(db, input.email)) throw new AppError('email_taken');
  const passwordHash = await hashPassword(input.password);
  const inserted = db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({
        orgId: auth.organization.id,
        email: input.email.trim(),
        name: input.name,
        role: input.role,
        passwordHash,
        phone: input.phone ?? null,
        locale: input.locale ?? null,
      })
      .returning();
    if (!user) throw new Error('The user was not inserted');
    await audit(tx, {
      orgId: auth.organization.id,
      actorId: auth.user.id,
      action: 'user.create',
      entity: 'user',
      entityId: user.id,
      details: { email: user.email, role: user.role },
    });
    return user;
  });
  return inserted.catch((error: unknown) => {
    throw isEmailConflict(error) ? new AppError('email_taken') : error;
  });
}

async function otherActiveAdmins(db: Db, orgId: string, userId: string): Promise<number> {
  const [row] = await db
    .select({ admins: count() })
    .from(users)
    .where(
      and(eq(users.orgId, orgId), eq(users.role, 'admin'), eq(users.active, true), ne(users.id, userId)),
    );
  return row?.admins ?? 0;
}

/**
 * An admin's edit of a user of their organization. The last active admin cannot be demoted or
 * deactivated (nobody could manage the organization any more); a new password or a
 * deactivation signs the user out everywhere.
 */
export async function updateUser(
  db: Db,
  args: {
    auth: AuthContext;
    id: string;
    input: { name?: string; role?: UserRole; active?: boolean; password?: string; phone?: string | null };
  },
): Promise<UserRow> {
  const { auth, id, input } = args;
  const orgId = auth.organization.id;
  const [current] = await db
    .select()
    .from(users)
    .where(and(eq(users.id, id), eq(users.orgId, orgId)));
  if (!current) throw new AppError('user_not_found');
  const losesAdmin =
    current.role === 'admin' &&
    current.active &&
    (input.active === false || (input.role && input.role !== 'admin'));
  if (losesAdmin && (await otherActiveAdmins(db, orgId, id)) === 0) throw new AppError('last_admin');
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  return db.transaction(async (tx) => {
    const [user] = await tx
      .update(users)
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.role !== undefined ? { role: input.role } : {}),
        ...(input.active !== undefined ? { active: input.active } : {}),
        ...(input.phone !== undefined ? { phone: input.phone } : {}),
        ...(passwordHash ? { passwordHash } : {}),
      })
      .where(and(eq(users.id, id), eq(users.orgId, orgId)))
      .returning();
    if (!user) throw new AppError('user_not_found');
    if (passwordHash || input.active === false) await deleteUserSessions(tx, id);
    const { password: _password, ...changes } = input;
    await audit(tx, {
      orgId,
      actorId: auth.user.id,
      action: 'user.update',
      entity: 'user',
      entityId: id,
      details: { ...changes, ...(passwordHash ? { passwordChanged: true } : {}) },
    });
    return user;
  });
}
