import { randomBytes } from 'node:crypto';
import { createOrganization, type Database, openDatabase, runMigrations, users } from '@crmflow/db';

/** Where the benchmark creates (and drops) its database: the real server, never the embedded one. */
export const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export type BenchDatabase = { database: Database; name: string; drop(): Promise<void> };

/** A new, migrated database of its own on the server; `drop` removes it. */
export async function createBenchDatabase(): Promise<BenchDatabase> {
  const admin = await openDatabase({ url: adminUrl, max: 1 });
  const name = `crmflow_bench_care_${randomBytes(4).toString('hex')}`;
  await admin.sql.unsafe(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), max: 12 });
  await runMigrations(database.db);
  return {
    database,
    name,
    async drop() {
      await database.close();
      await admin.sql.unsafe(`drop database if exists ${name} with (force)`);
      await admin.close();
    },
  };
}

/** An organization (Ho Chi Minh City time) and the salesperson who owns every contact. */
export async function seedTenant(database: Database): Promise<{ orgId: string; ownerId: string }> {
  const org = await database.db.transaction((tx) => createOrganization(tx, { name: 'Công ty Đo Hiệu Năng' }));
  const [owner] = await database.db
    .insert(users)
    .values({ orgId: org.id, email: 'nvkd@bench.example.vn', name: 'Nguyễn Văn Kinh Doanh' })
    .returning();
  if (!owner) throw new Error('The owner was not inserted');
  return { orgId: org.id, ownerId: owner.id };
}

/**
 * `count` contacts with random birthdays (1950–2023), inserted by the server itself with
 * `generate_series`, a chunk per statement so progress shows.
 */
export async function insertContacts(args: {
  database: Database;
  orgId: string;
  ownerId: string;
  count: number;
  onChunk?: (done: number) => void;
}): Promise<void> {
  const chunk = 250_000;
  for (let start = 1; start <= args.count; start += chunk) {
    const end = Math.min(args.count, start + chunk - 1);
    await args.database.sql`
      insert into records (org_id, module, owner_id, data)
      select ${args.orgId}::uuid, 'contact', ${args.ownerId}::uuid, jsonb_build_object(
        'name', 'Khách hàng ' || g,
        'phone', '09' || lpad((g % 100000000)::text, 8, '0'),
        'birthday', to_char(date '1950-01-01' + floor(random() * 27000)::int, 'YYYY-MM-DD'),
        'owner_id', ${args.ownerId}::text)
      from generate_series(${start}::int, ${end}::int) g`;
    args.onChunk?.(end);
  }
  await args.database.sql`analyze records`;
}

/** An active birthday care process (run at 00:00, so it is due at once) that notifies the owner. */
export async function insertBirthdayProcess(args: { database: Database; orgId: string }): Promise<string> {
  const graph = {
    nodes: [
      {
        id: 'trigger',
        type: 'trigger',
        position: { x: 0, y: 0 },
        config: { dateField: 'birthday', recurrence: 'yearly', offsetDays: 0, window: 'day', runAt: '00:00' },
      },
      {
        id: 'notify',
        type: 'notify',
        position: { x: 0, y: 120 },
        config: {
          name: 'Nhắc chúc mừng',
          to: { fields: ['owner_id'], users: [] },
          message: 'Hôm nay là sinh nhật #name',
        },
      },
    ],
    edges: [{ id: 'e1', source: 'trigger', target: 'notify' }],
  };
  const { sql } = args.database;
  return sql.begin(async (tx) => {
    const [workflow] = await tx<{ id: string }[]>`
      insert into workflows (org_id, module, kind, name, status, activated_at)
      values (${args.orgId}, 'contact', 'schedule', 'Chúc mừng sinh nhật', 'active', now()) returning id`;
    if (!workflow) throw new Error('The workflow was not inserted');
    const [version] = await tx<{ id: string }[]>`
      insert into workflow_versions (org_id, workflow_id, version, graph)
      values (${args.orgId}, ${workflow.id}, 1, ${JSON.stringify(graph)}::jsonb) returning id`;
    if (!version) throw new Error('The version was not inserted');
    await tx`update workflows set current_version_id = ${version.id} where id = ${workflow.id}`;
    return workflow.id;
  });
}
