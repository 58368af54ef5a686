/**
 * Care-process scan over 1,000,000 contacts (docs/operations.md, Quality bars): the daily birthday selection, timed over
 * several runs with its plan, then the ~2,700 runs it starts, timed until their first step is
 * done by a worker. Runs against the real Postgres in a database of its own, dropped at the end.
 *
 *   pnpm --filter @crmflow/bench care-scan            (CARE_SCAN_CONTACTS=200000 for a quicker pass)
 */
import { createBoss } from '@crmflow/db';
import {
  type CareSelector,
  countDueRecords,
  dueRecordBatches,
  ensureCareIndex,
  explainDueRecords,
  runCareTick,
  startWorker,
} from '@crmflow/engine';
import { todayIn } from '@crmflow/flow';
import { formatMs, summarise } from '../common/stats.ts';
import { createBenchDatabase, insertBirthdayProcess, insertContacts, seedTenant } from './care-scan-setup.ts';

const CONTACTS = Number(process.env.CARE_SCAN_CONTACTS ?? 1_000_000);
const SELECTION_RUNS = 5;
/** Step batches the worker handles at once (its `concurrency`). */
const WORKER_CONCURRENCY = Number(process.env.CARE_SCAN_CONCURRENCY ?? 4);
const quiet = { info() {}, warn() {}, error: (...args: unknown[]) => console.error(...args) };

const since = (start: number) => performance.now() - start;
const line = (label: string, value: string) => console.log(`${label.padEnd(44)} ${value}`);

async function main() {
  const bench = await createBenchDatabase();
  const { database } = bench;
  console.log(`care-scan: database ${bench.name}, ${CONTACTS.toLocaleString('en')} contacts`);
  try {
    const { orgId, ownerId } = await seedTenant(database);
    let start = performance.now();
    await insertContacts({
      database,
      orgId,
      ownerId,
      count: CONTACTS,
      onChunk: (done) => process.stdout.write(`  inserted ${done}\r`),
    });
    line('insert contacts (generate_series) + analyze', formatMs(since(start)));

    start = performance.now();
    const built = await ensureCareIndex({ database, module: 'contact', field: 'birthday', kind: 'md' });
    await database.sql`analyze records`;
    line('create index concurrently (month-day)', `${formatMs(since(start))}${built ? '' : ' — NOT BUILT'}`);

    const now = new Date();
    const today = todayIn('Asia/Ho_Chi_Minh', now);
    const selector: CareSelector = {
      orgId,
      module: 'contact',
      trigger: { dateField: 'birthday', recurrence: 'yearly', offsetDays: 0 },
      leapDay: 'feb28',
      fire: { from: today, to: today },
    };
    const plan = await explainDueRecords({ db: database.db, selector });
    console.log(`\nEXPLAIN (ANALYZE, BUFFERS) of one page of the selection for ${today}:`);
    for (const row of plan) console.log(`  ${row}`);
    const text = plan.join('\n');
    const indexed =
      /(Bitmap Index Scan on|Index Scan using|Index Only Scan using) records_care_md_contact_birthday /.test(
        text,
      );
    const seqScan = /Seq Scan on records/.test(text);
    line('\nplan uses the care index, no seq scan', indexed && !seqScan ? 'yes' : 'NO');

    const timings: number[] = [];
    let due = 0;
    for (let i = 0; i < SELECTION_RUNS; i += 1) {
      start = performance.now();
      due = 0;
      for await (const batch of dueRecordBatches({ db: database.db, selector })) due += batch.length;
      timings.push(since(start));
    }
    const selection = summarise(timings);
    line(
      `selection of today's birthdays (${SELECTION_RUNS} runs)`,
      `${due} records; p50 ${formatMs(selection.p50)}, max ${formatMs(selection.max)}`,
    );
    start = performance.now();
    const counted = await countDueRecords({ db: database.db, selector });
    line('count(*) of the same', `${counted} in ${formatMs(since(start))}`);

    const workflowId = await insertBirthdayProcess({ database, orgId });
    const boss = createBoss({
      connection: database.connection,
      supervise: false,
      listenNotify: true,
      max: 8,
    });
    boss.on('error', (error) => console.error(error));
    await boss.start();
    const worker = await startWorker({ database, boss, logger: quiet, concurrency: WORKER_CONCURRENCY });
    try {
      start = performance.now();
      const [outcome] = await runCareTick({ database, boss, logger: quiet }, now);
      const scheduled = since(start);
      line(
        'tick: runs + first steps inserted and queued',
        `${outcome?.runs ?? 0} runs in ${formatMs(scheduled)}`,
      );
      for (;;) {
        const [open] = await database.sql<{ n: number }[]>`
          select count(*)::int as n from runs where workflow_id = ${workflowId} and status in ('queued', 'running')`;
        if (Number(open?.n ?? 1) === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const total = since(start);
      const [done] = await database.sql<{ ok: number; failed: number; notes: number }[]>`
        select count(*) filter (where status = 'succeeded')::int as ok, count(*) filter (where status = 'failed')::int as failed,
          (select count(*)::int from notifications where org_id = ${orgId}) as notes
        from runs where workflow_id = ${workflowId}`;
      const latencies = await database.sql<{ ms: number }[]>`
        select extract(epoch from finished_at - created_at) * 1000 as ms from runs where workflow_id = ${workflowId}`;
      const perRun = summarise(latencies.map((r) => Number(r.ms)));
      line(
        'end to end: tick → every first step done',
        `${formatMs(total)} (target < 10 s) ${total < 10_000 ? 'OK' : 'SLOW'}`,
      );
      line('runs succeeded / failed, notifications', `${done?.ok} / ${done?.failed}, ${done?.notes}`);
      line(
        'per run, created → finished',
        `p50 ${formatMs(perRun.p50)}, p99 ${formatMs(perRun.p99)}, max ${formatMs(perRun.max)}`,
      );
      const [again] = await runCareTick({ database, boss, logger: quiet }, new Date());
      line('a second tick the same day', `${again?.runs ?? 0} runs`);
    } finally {
      await worker.stop();
      await boss.stop({ graceful: false, timeout: 2_000 });
    }
  } finally {
    await bench.drop();
    console.log(`database ${bench.name} dropped`);
  }
}

await main();
