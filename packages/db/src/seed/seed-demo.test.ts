import { verify } from 'argon2';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailTemplates, printTemplates, providers, smsTemplates, znsTemplates } from '../schema/crm.ts';
import { records } from '../schema/records.ts';
import { organizations, users } from '../schema/tenancy.ts';
import { openTestDatabase } from '../testing.ts';
import { demoCounts } from './demo-data.ts';
import { demoIntegrityProblems } from './demo-integrity.ts';
import { seedDemo } from './seed-demo.ts';

type Opened = Awaited<ReturnType<typeof openTestDatabase>>;

/** 20:00 UTC on 9 March is already 10 March in Ho Chi Minh City: a UTC reading would be a day off. */
const now = new Date('2025-03-09T20:00:00Z');

describe('seedDemo', () => {
  let database: Opened;
  let organizationId: string;

  beforeAll(async () => {
    database = await openTestDatabase();
    const result = await seedDemo(database, { now });
    expect(result).toMatchObject({ seeded: true, adminEmail: 'admin@example.com' });
    organizationId = result.organizationId;
  }, 90_000);

  afterAll(async () => {
    await database.close();
  });

  it('creates the Vietnamese demo organization', async () => {
    const [organization] = await database.db
      .select()
      .from(organizations)
      .where(eq(organizations.id, organizationId));
    expect(organization).toMatchObject({
      name: 'Công ty TNHH Demo',
      timeZone: 'Asia/Ho_Chi_Minh',
      locale: 'vi',
    });
  });

  it.each(Object.entries(demoCounts))('inserts %s × %i', async (module, count) => {
    const rows = await database.db.execute<{ count: number }>(
      sql`select count(*)::int as count from records where org_id = ${organizationId} and module = ${module}`,
    );
    expect(rows[0]?.count).toBe(count);
  });

  it("has at least 3 contacts whose birthday is today in the organization's time zone", async () => {
    const rows = await database.db.execute<{ today: string; count: number }>(sql`
      select to_char((${now.toISOString()}::timestamptz at time zone o.time_zone)::date, 'MM-DD') as today,
             count(*) filter (where to_char((r.data->>'birthday')::date, 'MM-DD') =
               to_char((${now.toISOString()}::timestamptz at time zone o.time_zone)::date, 'MM-DD'))::int as count
      from records r join organizations o on o.id = r.org_id
      where r.org_id = ${organizationId} and r.module = 'contact'
      group by o.time_zone`);
    expect(rows[0]?.today).toBe('03-10');
    expect(rows[0]?.count).toBeGreaterThanOrEqual(3);
  });

  it('writes records whose references, owners and totals hold, at version 1', async () => {
    const rows = await database.db.select().from(records).where(eq(records.orgId, organizationId));
    expect(demoIntegrityProblems(rows)).toEqual([]);
    expect(rows.every((row) => row.version === 1 && row.deletedAt === null)).toBe(true);
    const salespeople = await database.db
      .select({ id: users.id })
      .from(users)
      .where(sql`${users.orgId} = ${organizationId} and ${users.role} = 'member'`);
    const owners = new Set(rows.flatMap((row) => (row.ownerId ? [row.ownerId] : [])));
    expect(owners).toEqual(new Set(salespeople.map((user) => user.id)));
  });

  it('creates the admin, a manager and three salespeople; the admin signs in with argon2id', async () => {
    const team = await database.db.select().from(users).where(eq(users.orgId, organizationId));
    expect(team.map((user) => user.role).sort()).toEqual(['admin', 'manager', 'member', 'member', 'member']);
    expect(team.find((user) => user.role === 'manager')?.name).toBe('Trần Thị Mai');
    const members = team.filter((user) => user.role === 'member');
    expect(
      members.every((user) => user.email.endsWith('@demo.vn') && /^09\d{8}$/.test(user.phone ?? '')),
    ).toBe(true);
    const admin = team.find((user) => user.role === 'admin');
    expect(admin).toMatchObject({ email: 'admin@example.com', name: 'Quản trị viên', active: true });
    expect(admin?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verify(admin?.passwordHash ?? '', 'admin')).toBe(true);
    expect(await verify(admin?.passwordHash ?? '', 'admin1')).toBe(false);
  });

  it('adds the order templates, the birthday SMS and capture providers', async () => {
    const [email] = await database.db
      .select()
      .from(emailTemplates)
      .where(eq(emailTemplates.orgId, organizationId));
    expect(email).toMatchObject({ module: 'order', subject: 'Xác nhận đơn hàng #code' });
    expect(email?.body).toContain('#contact_id.name');
    expect(email?.body).toContain('#total');
    const [print] = await database.db
      .select()
      .from(printTemplates)
      .where(eq(printTemplates.orgId, organizationId));
    expect(print?.body).toContain('#code');
    const [sms] = await database.db.select().from(smsTemplates).where(eq(smsTemplates.orgId, organizationId));
    expect(sms?.body).toMatch(/^Chúc mừng sinh nhật #name! /);
    expect(await database.db.$count(znsTemplates, eq(znsTemplates.orgId, organizationId))).toBe(2);
    const channels = await database.db.select().from(providers).where(eq(providers.orgId, organizationId));
    expect(channels.map((provider) => provider.kind).sort()).toEqual(['email', 'sms', 'webhook', 'zns']);
    expect(channels.every((provider) => provider.adapter === 'capture' && provider.isDefault)).toBe(true);
    expect(channels.find((provider) => provider.kind === 'email')?.name).toBe('Hộp thư đi (không gửi thật)');
  });

  it('seeds nothing the second time', async () => {
    const before = await database.db.$count(records);
    const again = await seedDemo(database, { now, adminEmail: 'other@example.com' });
    expect(again).toEqual({ seeded: false, organizationId, adminEmail: null });
    expect(await database.db.$count(records)).toBe(before);
    expect(await database.db.$count(organizations)).toBe(1);
  });
});

describe('seedDemo started by the API and the worker at once', () => {
  let database: Opened;

  beforeAll(async () => {
    database = await openTestDatabase();
  }, 60_000);

  afterAll(async () => {
    await database.close();
  });

  it('seeds exactly one organization', async () => {
    const results = await Promise.all([seedDemo(database, { now }), seedDemo(database, { now })]);
    expect(results.map((result) => result.seeded).sort()).toEqual([false, true]);
    expect(new Set(results.map((result) => result.organizationId)).size).toBe(1);
    expect(await database.db.$count(organizations)).toBe(1);
    expect(await database.db.$count(users)).toBe(5);
  }, 60_000);
});
