import { argon2id, hash } from 'argon2';
import { asc, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database, Executor } from '../connection.ts';
import { records } from '../schema/records.ts';
import { organizations, users } from '../schema/tenancy.ts';
import { createOrganization, organizationDefaults } from './create-organization.ts';
import { allDemoRecords, generateDemoData } from './demo-data.ts';
import { type DemoUser, demoManager, demoSalespeople } from './demo-people.ts';
import { demoOrganizationName, insertDemoTemplates } from './demo-templates.ts';

/** Arbitrary but fixed, and not the migrations' lock: every process that seeds takes this one. */
const SEED_LOCK = 74_212_002;

export const SeedDemoOptions = z.object({
  adminEmail: z.email().default('admin@example.com'),
  adminPassword: z.string().min(1).default('admin'),
  now: z.date().optional(),
});
export type SeedDemoOptions = z.input<typeof SeedDemoOptions>;

export type SeedDemoResult =
  | { seeded: true; organizationId: string; adminEmail: string }
  /** The database already had an organization: the first one's id, nothing written. */
  | { seeded: false; organizationId: string; adminEmail: null };

async function insertDemoUsers(
  tx: Executor,
  input: { orgId: string; admin: DemoUser; passwordHash: string },
) {
  const people = [input.admin, demoManager, ...demoSalespeople];
  const inserted = await tx
    .insert(users)
    .values(people.map((person) => ({ ...person, orgId: input.orgId, passwordHash: input.passwordHash })))
    .returning({ id: users.id, email: users.email, role: users.role });
  const idOf = (email: string) => inserted.find((user) => user.email === email)?.id;
  const adminId = idOf(input.admin.email);
  const salespeopleIds = demoSalespeople.map((person) => idOf(person.email));
  if (!adminId || !salespeopleIds.every((id) => id !== undefined))
    throw new Error('Demo users were not inserted');
  return { adminId, salespeopleIds };
}

/**
 * Fills an empty database with the demo organization, its users and sample records. Does nothing
 * when any organization exists. The API and the worker may start together: the check and the
 * writes share one transaction under an advisory lock, so only one of them seeds.
 */
export async function seedDemo(database: Database, options: SeedDemoOptions = {}): Promise<SeedDemoResult> {
  const { adminEmail, adminPassword, now = new Date() } = SeedDemoOptions.parse(options);
  // Hashed before the lock is taken: argon2 is slow on purpose, the lock should be short.
  // The demo's users share the admin's password so that every role can be tried out.
  const passwordHash = await hash(adminPassword, { type: argon2id });
  return database.db.transaction(async (tx): Promise<SeedDemoResult> => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK})`);
    const [existing] = await tx
      .select({ id: organizations.id })
      .from(organizations)
      .orderBy(asc(organizations.createdAt))
      .limit(1);
    if (existing) return { seeded: false, organizationId: existing.id, adminEmail: null };

    const organization = await createOrganization(tx, {
      name: demoOrganizationName,
      timeZone: organizationDefaults.timeZone,
      locale: organizationDefaults.locale,
    });
    const admin: DemoUser = { email: adminEmail, name: 'Quản trị viên', role: 'admin', phone: null };
    const { adminId, salespeopleIds } = await insertDemoUsers(tx, {
      orgId: organization.id,
      admin,
      passwordHash,
    });
    const data = generateDemoData({ now, userIds: salespeopleIds, timeZone: organization.timeZone });
    await tx.insert(records).values(
      allDemoRecords(data).map((record) => ({
        ...record,
        orgId: organization.id,
        createdBy: adminId,
        updatedBy: adminId,
        version: 1,
      })),
    );
    await insertDemoTemplates(tx, organization.id);
    return { seeded: true, organizationId: organization.id, adminEmail };
  });
}
