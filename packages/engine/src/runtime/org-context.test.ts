import type { Database } from '@crmflow/db';
import { openTestDatabase } from '@crmflow/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOrg, type TestOrg } from '../../test/fixtures.ts';
import { OrgContexts } from './org-context.ts';

let database: Database;
let org: TestOrg;

beforeAll(async () => {
  database = await openTestDatabase();
  org = await seedOrg(database.db);
}, 60_000);
afterAll(async () => {
  await database?.close();
});

const labelOf = async (contexts: OrgContexts, key: string) =>
  (await contexts.one(database.db, org.id)).catalog.order.fields.find((f) => f.key === key)?.labelVi;

describe('OrgContexts', () => {
  it('keeps the catalogue while no field changed', async () => {
    const contexts = new OrgContexts();
    const first = await contexts.one(database.db, org.id);
    const second = await contexts.one(database.db, org.id);
    expect(second.catalog).toBe(first.catalog);
  });

  it('notices an edit to a field that leaves its update time alone', async () => {
    const contexts = new OrgContexts();
    const before = await labelOf(contexts, 'status');
    await database.db.execute(
      sql`update fields set label_vi = 'Tình trạng đơn' where org_id = ${org.id} and module = 'order' and key = 'status'`,
    );
    expect(await labelOf(contexts, 'status')).toBe('Tình trạng đơn');
    expect(before).not.toBe('Tình trạng đơn');
  });

  it('notices a field removed and another added in its place', async () => {
    const contexts = new OrgContexts();
    await contexts.one(database.db, org.id);
    // Same count, and the newest update time may stay the same: only the rows changed.
    await database.db.execute(sql`
      with gone as (
        delete from fields where org_id = ${org.id} and module = 'order' and key = 'status' returning *
      )
      insert into fields (org_id, module, key, label_vi, label_en, type, options, required, system, position, updated_at)
      select org_id, module, 'stage', 'Giai đoạn', 'Stage', type, options, required, system, position, updated_at from gone
    `);
    const fields = (await contexts.one(database.db, org.id)).catalog.order.fields.map((f) => f.key);
    expect(fields).toContain('stage');
    expect(fields).not.toContain('status');
  });
});
