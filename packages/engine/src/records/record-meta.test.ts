import { organizations } from '@crmflow/db';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useWorkerBed } from '../../test/runtime-bed.ts';
import { loadRecordMeta } from './record-meta.ts';

const bed = useWorkerBed();
const db = () => bed.database.db;
const meta = () => loadRecordMeta({ db: db(), orgId: bed.org.id, module: 'account' });
const field = async (key: string) => (await meta()).fields.find((f) => f.key === key);

describe('record metadata kept between writes', { timeout: 60_000 }, () => {
  // The changes below are made with plain SQL, as another process would make them: nothing in
  // this process is told, the next read must see them all the same.
  it('sees every change of a field and of the time zone, whoever made it', async () => {
    expect((await field('industry'))?.required).toBe(false);

    // An edit that leaves `updated_at` alone is seen too.
    await db().execute(
      sql`update fields set required = true where org_id = ${bed.org.id} and module = 'account' and key = 'industry'`,
    );
    expect((await field('industry'))?.required).toBe(true);

    await db().execute(sql`
      insert into fields (org_id, module, key, label_vi, label_en, type, position)
      values (${bed.org.id}, 'account', 'loyalty_tier', 'Hạng thành viên', 'Loyalty tier', 'text', 99)`);
    expect((await field('loyalty_tier'))?.labelVi).toBe('Hạng thành viên');

    await db().execute(
      sql`delete from fields where org_id = ${bed.org.id} and module = 'account' and key = 'loyalty_tier'`,
    );
    expect(await field('loyalty_tier')).toBeUndefined();

    await db().update(organizations).set({ timeZone: 'Asia/Tokyo' }).where(eq(organizations.id, bed.org.id));
    expect((await meta()).timeZone).toBe('Asia/Tokyo');

    await db().execute(
      sql`update fields set required = false where org_id = ${bed.org.id} and module = 'account' and key = 'industry'`,
    );
    await db()
      .update(organizations)
      .set({ timeZone: 'Asia/Ho_Chi_Minh' })
      .where(eq(organizations.id, bed.org.id));
    expect((await field('industry'))?.required).toBe(false);
  });

  it('refuses a write by a field made required elsewhere since the last write', async () => {
    const account = await bed.write.create('account', { name: 'Hoa Lan' });
    await db().execute(
      sql`update fields set required = true where org_id = ${bed.org.id} and module = 'account' and key = 'industry'`,
    );
    try {
      await expect(bed.write.create('account', { name: 'Hoa Cúc' })).rejects.toMatchObject({
        code: 'validation_failed',
      });
      await expect(bed.write.update('account', account.id, { industry: '' })).rejects.toMatchObject({
        code: 'validation_failed',
      });
    } finally {
      await db().execute(
        sql`update fields set required = false where org_id = ${bed.org.id} and module = 'account' and key = 'industry'`,
      );
    }
  });
});
