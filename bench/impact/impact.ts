/**
 * Impact preview ("Nếu kích hoạt…") over 100,000 record-history rows: 2,000 orders edited over
 * the last 30 days, a third of the edits on the status. Times the preview of a draft watching the
 * status (the database keeps only the status edits) and of one firing on every edit (all rows
 * reach the matcher), each several times, with the `pgbench -N` figure of the same server.
 *
 *   pnpm --filter @crmflow/bench impact              (IMPACT_ROWS=20000 for a quicker pass)
 */
import { type Database, runMigrations, workflows, workflowVersions } from '@crmflow/db';
import { previewImpact } from '@crmflow/engine';
import { seedTenant } from '../care-scan/care-scan-setup.ts';
import { formatMs, summarise } from '../common/stats.ts';
import { createBenchDatabase, pgbenchTps } from '../events/events-setup.ts';

const ROWS = Number(process.env.IMPACT_ROWS ?? 100_000);
const ORDERS = 2_000;
const RUNS = 5;
const PGBENCH_SECONDS = Number(process.env.IMPACT_PGBENCH_SECONDS ?? 10);

const line = (label: string, value: string) => console.log(`  ${label.padEnd(52)} ${value}`);

/** `ROWS` history rows of order edits spread over the last 30 days, written by the server. */
async function seedHistory(database: Database, orgId: string, ownerId: string): Promise<void> {
  await database.sql`
    insert into records (org_id, module, owner_id, data)
    select ${orgId}::uuid, 'order', ${ownerId}::uuid, jsonb_build_object(
      'code', 'DH-' || g, 'status', 'confirmed', 'total', 1000000, 'owner_id', ${ownerId}::text)
    from generate_series(1, ${ORDERS}::int) g`;
  await database.sql`
    with orders as (select id, row_number() over (order by id) as n from records where org_id = ${orgId}::uuid),
    edits as (
      select g, o.id as record_id,
        (array['draft','confirmed','delivered','cancelled'])[1 + (g % 4)] as status,
        (array['draft','confirmed','delivered','cancelled'])[1 + ((g + 1) % 4)] as previous,
        g % 3 = 0 as on_status
      from generate_series(1, ${ROWS}::int) g join orders o on o.n = 1 + (g % ${ORDERS}::int))
    insert into record_history (id, org_id, module, record_id, operation, changed, before, after,
      actor_user_id, source, depth, at)
    select gen_random_uuid(), ${orgId}::uuid, 'order', record_id, 'update',
      case when on_status then array['status'] else array['total'] end,
      jsonb_build_object('code', 'DH-' || g, 'status', previous, 'total', 1000000, 'owner_id', ${ownerId}::text),
      jsonb_build_object('code', 'DH-' || g, 'status', case when on_status then status else previous end,
        'total', case when on_status then 1000000 else 1000000 + g end, 'owner_id', ${ownerId}::text),
      ${ownerId}::uuid, 'ui', 0, now() - (random() * interval '29 days')
    from edits`;
  await database.sql`analyze record_history`;
}

/** An inactive draft on orders: on `fields` edits, when delivered, notify the owner and mark it. */
async function insertDraft(database: Database, orgId: string, fields: string[]): Promise<string> {
  const graph = {
    nodes: [
      { id: 't', type: 'trigger', position: { x: 0, y: 0 }, config: { on: 'update', fields } },
      {
        id: 'c',
        type: 'condition',
        position: { x: 0, y: 100 },
        config: {
          mode: 'criteria',
          logic: 'and',
          rules: [{ field: 'status', op: 'eq', value: 'delivered' }],
        },
      },
      {
        id: 'n',
        type: 'notify',
        position: { x: 0, y: 200 },
        config: { name: 'Báo', to: { fields: ['owner_id'], users: [] }, message: 'Đơn #code đã giao' },
      },
      {
        id: 'u',
        type: 'update_fields',
        position: { x: 200, y: 200 },
        config: { name: 'Ghi', values: [{ field: 'revenue_status', value: 'proposed' }] },
      },
    ],
    edges: [
      { id: 'e1', source: 't', target: 'c' },
      { id: 'e2', source: 'c', target: 'n', sourceHandle: 'true' },
      { id: 'e3', source: 'c', target: 'u', sourceHandle: 'true' },
    ],
  };
  const [flow] = await database.db
    .insert(workflows)
    .values({ orgId, module: 'order', kind: 'event', name: `Bản nháp ${fields.join(',') || 'mọi sửa'}` })
    .returning();
  if (!flow) throw new Error('no workflow');
  const [version] = await database.db
    .insert(workflowVersions)
    .values({ orgId, workflowId: flow.id, version: 1, graph })
    .returning();
  await database.sql`update workflows set current_version_id = ${version?.id ?? null} where id = ${flow.id}`;
  return flow.id;
}

async function time(database: Database, orgId: string, workflowId: string, label: string) {
  const timings: number[] = [];
  let last: Awaited<ReturnType<typeof previewImpact>> | undefined;
  for (let i = 0; i < RUNS + 1; i += 1) {
    const start = performance.now();
    last = await previewImpact({ db: database.db, orgId, workflowId, days: 30 });
    // The first call warms the connection and the catalogue; it is not counted.
    if (i > 0) timings.push(performance.now() - start);
  }
  const s = summarise(timings);
  line(label, `p50 ${formatMs(s.p50)}, max ${formatMs(s.max)}`);
  line('  rows read / runs / records', `${last?.scanned} / ${last?.runs} / ${last?.records}`);
}

async function main() {
  const tps = await pgbenchTps({ seconds: PGBENCH_SECONDS, clients: 4 });
  console.log(
    `impact: ${ROWS.toLocaleString('en')} history rows; pgbench -N (4 clients, ${PGBENCH_SECONDS} s): ${tps.toFixed(0)} tps`,
  );
  const bench = await createBenchDatabase('crmflow_bench_impact');
  try {
    const { database } = bench;
    await runMigrations(database.db);
    const { orgId, ownerId } = await seedTenant(database);
    let start = performance.now();
    await seedHistory(database, orgId, ownerId);
    line('seed history (generate_series) + analyze', formatMs(performance.now() - start));
    start = performance.now();
    const onStatus = await insertDraft(database, orgId, ['status']);
    const onEveryEdit = await insertDraft(database, orgId, []);
    await time(database, orgId, onStatus, 'preview, trigger on status edits');
    await time(database, orgId, onEveryEdit, 'preview, trigger on every edit (worst case)');
  } finally {
    await bench.drop();
  }
}

if (!process.env.IMPACT_NO_MAIN) await main();

export { seedHistory as seedHistoryForProfile };
