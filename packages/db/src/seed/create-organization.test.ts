import { standardModules } from '@crmflow/flow';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fields } from '../schema/records.ts';
import { organizations } from '../schema/tenancy.ts';
import { openTestDatabase } from '../testing.ts';
import { CreateOrganizationInput, createOrganization } from './create-organization.ts';

type Opened = Awaited<ReturnType<typeof openTestDatabase>>;

describe('createOrganization', () => {
  let database: Opened;

  beforeAll(async () => {
    database = await openTestDatabase();
  }, 60_000);

  afterAll(async () => {
    await database.close();
  });

  it('starts Vietnamese and gets every standard field, in declaration order', async () => {
    const organization = await createOrganization(database.db, { name: 'Công ty CP Ánh Dương' });
    expect(organization).toMatchObject({
      name: 'Công ty CP Ánh Dương',
      timeZone: 'Asia/Ho_Chi_Minh',
      locale: 'vi',
    });

    const rows = await database.db
      .select()
      .from(fields)
      .where(eq(fields.orgId, organization.id))
      .orderBy(asc(fields.module), asc(fields.position));
    for (const module of Object.values(standardModules)) {
      const ofModule = rows.filter((row) => row.module === module.key);
      expect(ofModule.map((row) => row.key)).toEqual(module.fields.map((field) => field.key));
      expect(ofModule.map((row) => row.position)).toEqual(module.fields.map((_, index) => index));
    }
    expect(rows.every((row) => row.system)).toBe(true);
    const industry = rows.find((row) => row.module === 'account' && row.key === 'industry');
    expect(industry?.options.map((option) => option.value)).toContain('manufacturing');
    expect(rows.find((row) => row.module === 'order' && row.key === 'contact_id')?.refModule).toBe('contact');
  });

  it('keeps the time zone and locale it is given, inside the caller’s transaction', async () => {
    await expect(
      database.db.transaction(async (tx) => {
        const organization = await createOrganization(tx, {
          name: 'Acme',
          timeZone: 'Europe/Paris',
          locale: 'en',
        });
        expect(organization).toMatchObject({ timeZone: 'Europe/Paris', locale: 'en' });
        throw new Error('sign-up failed later');
      }),
    ).rejects.toThrow('sign-up failed later');
    const names = await database.db.select({ name: organizations.name }).from(organizations);
    expect(names.map((row) => row.name)).not.toContain('Acme');
  });

  it.each([
    { input: { name: '  ' }, problem: 'a blank name' },
    { input: { name: 'Acme', timeZone: 'Mars/Olympus' }, problem: 'an unknown time zone' },
    { input: { name: 'Acme', locale: 'fr' }, problem: 'an unsupported locale' },
  ])('refuses $problem', ({ input }) => {
    expect(CreateOrganizationInput.safeParse(input).success).toBe(false);
  });

  it('writes nothing for input it refuses', async () => {
    const before = await database.db.$count(organizations);
    await expect(
      createOrganization(database.db, { name: 'Acme', timeZone: 'Mars/Olympus' }),
    ).rejects.toThrow();
    expect(await database.db.$count(organizations)).toBe(before);
  });
});
