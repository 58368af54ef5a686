/**
 * Event workflows end to end (docs/operations.md, Quality bars): the API process and one worker process, started as the
 * product starts them, against a real Postgres in a database of their own (dropped at the end).
 * Ten active workflows on orders, one of which matches; 20,000 order edits through the batch
 * import, first as fast as the system takes them, then at a steady 500 per second. Prints events
 * per second end to end, latency from the write's commit to the run's last step, the worker's
 * RSS and the `pgbench -N` figure of the same server.
 *
 *   pnpm --filter @crmflow/bench events
 */
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import type { Database } from '@crmflow/db';
import { apiCall } from '../../apps/server/src/test/chaos/chaos-workload.ts';
import { formatMs, summarise } from '../common/stats.ts';
import {
  createBenchDatabase,
  insertOrders,
  orderGraphs,
  type ProductProcess,
  pgbenchTps,
  startProduct,
  withAutovacuum,
} from './events-setup.ts';

/**
 * `import`: batches of edits through the import route (default); `requests`: one PATCH per edit,
 * as users and integrations write, with EVENTS_IN_FLIGHT (default 50) requests open.
 */
const SHAPE = process.env.EVENTS_SHAPE === 'requests' ? 'requests' : 'import';
/** `embedded`: the default `npm start` process (PGlite, API and worker in one); requests shape only. */
const EMBEDDED = process.env.EVENTS_DB === 'embedded';
const EVENTS = Number(process.env.EVENTS_COUNT ?? (SHAPE === 'requests' ? 5_000 : 20_000));
const RATE = Number(process.env.EVENTS_RATE ?? 500);
/** Rows per import request, and requests in flight while pushing as fast as possible. */
const BATCH = Number(process.env.EVENTS_BATCH ?? 250);
const IN_FLIGHT = Number(process.env.EVENTS_IN_FLIGHT ?? (SHAPE === 'requests' ? 50 : 4));
const PGBENCH_SECONDS = Number(process.env.EVENTS_PGBENCH_SECONDS ?? 20);
/** Give up on a phase when no run finished for this long. */
const STALL_MS = 90_000;
const PORT = Number(process.env.EVENTS_PORT ?? 3900);
/** Worker processes on the one PostgreSQL (scale-out); their CPU is summed, their RSS the largest. */
const WORKERS = Math.max(1, Number(process.env.EVENTS_WORKERS ?? 1));
/** Orders created through the import route before the edits, to time creation (0: none). */
const CREATES = Number(process.env.EVENTS_CREATES ?? 2_000);

const line = (label: string, value: string) => console.log(`  ${label.padEnd(46)} ${value}`);
const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type ImportRow = { id: string; data: { total: number } };
type Call = ReturnType<typeof apiCall>;
/** What the figures read of the worker processes. */
type Measured = Pick<ProductProcess, 'memory' | 'cpuSeconds'>;

/** Several worker processes measured as one: CPU summed, memory of the largest. */
function measuredTogether(processes: readonly ProductProcess[]): Measured {
  return {
    memory: () => {
      const each = processes.map((p) => p.memory());
      return {
        rssMiB: Math.max(...each.map((m) => m.rssMiB)),
        peakMiB: Math.max(...each.map((m) => m.peakMiB)),
      };
    },
    cpuSeconds: () => processes.reduce((sum, p) => sum + p.cpuSeconds(), 0),
  };
}

/**
 * Creates `count` orders through the import route (250 rows a request, 4 in flight) and returns
 * the rows per second it took them at.
 */
async function timeCreates(call: Call, count: number): Promise<number> {
  const start = performance.now();
  let next = 0;
  const lane = async () => {
    for (;;) {
      const from = next;
      next += 250;
      if (from >= count) return;
      const records = Array.from({ length: Math.min(250, count - from) }, (_, k) => ({
        externalId: `NEW-${from + k}`,
        data: { code: `NEW-${from + k}`, status: 'draft', total: 500_000 + from + k, revenue_status: 'none' },
      }));
      const result = await call<{ created: number }>('POST', '/api/records/order/import', { records });
      if (result.created !== records.length)
        throw new Error(`import created ${result.created} of ${records.length}`);
    }
  };
  await Promise.all(Array.from({ length: 4 }, lane));
  return (count / (performance.now() - start)) * 1000;
}

let totalSeq = 0;
const edits = (ids: readonly string[]): ImportRow[] =>
  ids.map((id) => {
    totalSeq += 1;
    return { id, data: { total: 2_000_000 + totalSeq } };
  });

async function importBatch(call: Call, rows: ImportRow[]): Promise<void> {
  const result = await call<{ updated: number; failed: unknown[] }>('POST', '/api/records/order/import', {
    records: rows,
  });
  if (result.failed.length > 0 || result.updated !== rows.length)
    throw new Error(`import refused rows: ${JSON.stringify(result.failed.slice(0, 3))}`);
}

/** Pushes every edit with at most IN_FLIGHT import requests open. */
async function pushFlatOut(call: Call, rows: ImportRow[]): Promise<void> {
  let next = 0;
  const lane = async () => {
    for (;;) {
      const start = next;
      next += BATCH;
      if (start >= rows.length) return;
      await importBatch(call, rows.slice(start, start + BATCH));
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, lane));
}

/**
 * One PATCH per edit with at most IN_FLIGHT requests open; `answered` gets each record's time
 * (epoch ms) its PATCH was answered.
 */
async function pushRequests(call: Call, rows: ImportRow[], answered?: Map<string, number>): Promise<void> {
  let next = 0;
  const lane = async () => {
    for (;;) {
      const row = rows[next];
      next += 1;
      if (!row) return;
      await call('PATCH', `/api/records/order/${row.id}`, { data: row.data });
      answered?.set(row.id, Date.now());
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, lane));
}

/** Pushes the edits at `rate` per second: a batch every 100 ms on a fixed schedule. */
async function pushSteady(call: Call, rows: ImportRow[], rate: number): Promise<void> {
  const perTick = Math.max(1, Math.round(rate / 10));
  const start = performance.now();
  const pending: Promise<void>[] = [];
  for (let i = 0, tick = 0; i < rows.length; i += perTick, tick += 1) {
    const due = start + tick * 100;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    pending.push(importBatch(call, rows.slice(i, i + perTick)));
  }
  await Promise.all(pending);
}

async function dbNow(database: Database): Promise<Date> {
  const [row] = await database.sql<{ now: Date }[]>`select clock_timestamp() as now`;
  return row?.now ?? new Date();
}

/** Waits until `expected` runs of the workflow started since `since` are over, and the queues are idle. */
async function waitForRuns(args: {
  database: Database;
  workflowId: string;
  since: Date;
  expected: number;
  worker: Measured;
  rss: number[];
}): Promise<void> {
  const { database, workflowId, since, expected } = args;
  let last = -1;
  let lastChange = Date.now();
  for (;;) {
    const [row] = await database.sql<{ done: number }[]>`
      select count(*)::int as done from runs
      where workflow_id = ${workflowId} and created_at >= ${since} and status in ('succeeded', 'failed')`;
    const done = Number(row?.done ?? 0);
    args.rss.push(args.worker.memory().rssMiB);
    if (done >= expected) break;
    if (done !== last) {
      last = done;
      lastChange = Date.now();
      process.stdout.write(`    runs done ${done} / ${expected}\r`);
    } else if (Date.now() - lastChange > STALL_MS) {
      throw new Error(`no run finished for ${STALL_MS / 1000} s (${done} / ${expected})`);
    }
    await sleep(100);
  }
  for (;;) {
    const [open] = await database.sql<{ n: number }[]>`
      select count(*)::int as n from pgboss.job
      where name in ('record.changed', 'workflow.step') and state in ('created', 'retry', 'active')`;
    if (Number(open?.n ?? 0) === 0) break;
    await sleep(100);
  }
}

/** Figures of one phase, both ends of each latency read from the database. */
async function report(args: {
  database: Database;
  workflowId: string;
  since: Date;
  pushMs: number;
  worker: Measured;
  rss: number[];
  cpu: { worker: number; api: number };
}): Promise<{ eventsPerSecond: number; p99: number }> {
  const { database, workflowId, since } = args;
  // The event's job is inserted in the write's own transaction: its `created_on` is that
  // transaction's time, a few milliseconds before its commit.
  const rows = await database.sql<{ ms: number; matched_ms: number; status: string }[]>`
    select extract(epoch from r.finished_at - j.created_on) * 1000 as ms,
      extract(epoch from r.created_at - j.created_on) * 1000 as matched_ms, r.status
    from runs r join pgboss.job j on j.name = 'record.changed' and j.id = r.event_id
    where r.workflow_id = ${workflowId} and r.created_at >= ${since}`;
  const [span] = await database.sql<{ seconds: number; events: number; all_events: number }[]>`
    select extract(epoch from max(r.finished_at) - min(j.created_on)) as seconds, count(*)::int as events,
      (select count(*)::int from pgboss.job where name = 'record.changed' and created_on >= ${since}) as all_events
    from runs r join pgboss.job j on j.name = 'record.changed' and j.id = r.event_id
    where r.workflow_id = ${workflowId} and r.created_at >= ${since}`;
  // Jobs claimed by one fetch share its `started_on`: the matcher's batches and their sizes.
  const [batches] = await database.sql<{ batches: number; jobs: number; single: number }[]>`
    select count(*)::int as batches, coalesce(sum(n), 0)::int as jobs, count(*) filter (where n = 1)::int as single
    from (select count(*) as n from pgboss.job
      where name = 'record.changed' and created_on >= ${since} and started_on is not null
      group by started_on) b`;
  const [effects] = await database.sql<{ proposed: number; notes: number; steps: number }[]>`
    select
      (select count(*)::int from records where module = 'order' and data->>'revenue_status' = 'proposed') as proposed,
      (select count(*)::int from notifications) as notes,
      (select count(*)::int from run_steps where finished_at >= ${since}) as steps`;
  const latency = summarise(rows.map((r) => Number(r.ms)));
  const matched = summarise(rows.map((r) => Number(r.matched_ms)));
  const failed = rows.filter((r) => r.status !== 'succeeded').length;
  const seconds = Number(span?.seconds ?? Number.NaN);
  const eventsPerSecond = Number(span?.events ?? 0) / seconds;
  const { rssMiB, peakMiB } = args.worker.memory();
  line(
    SHAPE === 'requests' ? 'writes accepted by the API' : 'writes accepted by the import API',
    `${((EVENTS / args.pushMs) * 1000).toFixed(0)} /s`,
  );
  line(
    'events processed end to end',
    `${eventsPerSecond.toFixed(0)} /s (${span?.events} runs in ${seconds.toFixed(1)} s; ${failed} not succeeded)`,
  );
  line('record.changed events handled (incl. the runs’ own)', String(span?.all_events ?? 0));
  line(
    'matcher batches: count, events per batch, of one event',
    `${batches?.batches}, ${((batches?.jobs ?? 0) / Math.max(1, batches?.batches ?? 0)).toFixed(1)}, ${batches?.single}`,
  );
  line(
    'steps finished, notifications, orders proposed',
    `${effects?.steps}, ${effects?.notes}, ${effects?.proposed}`,
  );
  line(
    'commit → last step done',
    `p50 ${formatMs(latency.p50)}, p95 ${formatMs(latency.p95)}, p99 ${formatMs(latency.p99)}, max ${formatMs(latency.max)}`,
  );
  line(
    '  of which commit → run started by the matcher',
    `p50 ${formatMs(matched.p50)}, p95 ${formatMs(matched.p95)}, p99 ${formatMs(matched.p99)}`,
  );
  line(
    'worker RSS (during, peak, now)',
    `max ${Math.max(...args.rss).toFixed(0)} MiB sampled, VmHWM ${peakMiB.toFixed(0)} MiB, now ${rssMiB.toFixed(0)} MiB`,
  );
  line(
    'CPU used over the phase: worker, api',
    `${args.cpu.worker.toFixed(1)} s, ${args.cpu.api.toFixed(1)} s (${((args.cpu.worker * 1000) / EVENTS).toFixed(2)} ms of worker, ${((args.cpu.api * 1000) / EVENTS).toFixed(2)} ms of api per edit)`,
  );
  line('load average (1, 5, 15 min)', load());
  return { eventsPerSecond, p99: latency.p99 };
}

async function main() {
  console.log(
    SHAPE === 'requests'
      ? `events: ${EVENTS} order edits, one PATCH each, ${IN_FLIGHT} in flight${EMBEDDED ? ', embedded database' : ''}; load average ${load()}`
      : `events: ${EVENTS} order edits, flat out then ${RATE}/s; load average ${load()}`,
  );
  const tps = await pgbenchTps({ seconds: PGBENCH_SECONDS, clients: 4 });
  console.log(
    `  pgbench -N, 4 clients, ${PGBENCH_SECONDS} s, same server: ${tps.toFixed(0)} tps (load ${load()})`,
  );
  if (EMBEDDED) return embedded(tps);

  const bench = await createBenchDatabase('crmflow_bench_events');
  const { database } = bench;
  console.log(`  database ${bench.name}`);
  const [autovacuum] = await database.sql<
    { setting: string }[]
  >`select current_setting('autovacuum') as setting`;
  line(
    'autovacuum',
    autovacuum?.setting === 'on'
      ? 'on'
      : 'OFF — the job and run tables are never vacuumed, and a steady phase slows as they bloat',
  );
  const processes: ProductProcess[] = [];
  try {
    const secretKey = randomBytes(24).toString('hex');
    // One request per edit is far above the default 1,200 requests a minute per token.
    const api = await startProduct({
      role: 'api',
      databaseUrl: bench.url,
      port: PORT,
      secretKey,
      env: { CRMFLOW_API_RATE_LIMIT: '0' },
    });
    processes.push(api);
    const workers: ProductProcess[] = [];
    for (let i = 0; i < WORKERS; i += 1) {
      const one = await startProduct({
        role: 'worker',
        databaseUrl: bench.url,
        port: PORT + 1 + i,
        secretKey,
        nodeArgs: process.env.EVENTS_WORKER_PROF
          ? ['--cpu-prof', '--cpu-prof-dir', process.env.EVENTS_WORKER_PROF]
          : [],
      });
      processes.push(one);
      workers.push(one);
    }
    const worker = measuredTogether(workers);
    line('api and worker pids', `${api.pid}, ${workers.map((w) => w.pid).join(', ')}`);

    const signedIn = await apiCall(api.url)<{
      token: string;
      user: { id: string };
      organization: { id: string };
    }>('POST', '/api/auth/signup', {
      organizationName: 'Công ty Đo Hiệu Năng',
      name: 'Quản trị Đo Hiệu Năng',
      email: 'admin@bench.example.vn',
      password: 'mat-khau-do-hieu-nang',
    });
    const call = apiCall(api.url, signedIn.token);
    if (CREATES > 0)
      line(
        `orders created through the import route (${CREATES})`,
        `${(await timeCreates(call, CREATES)).toFixed(0)} rows/s (load ${load()})`,
      );
    const workflowIds: string[] = [];
    for (const { name, graph } of orderGraphs()) {
      const created = await call<{ id: string }>('POST', '/api/workflows', {
        module: 'order',
        kind: 'event',
        name,
        graph,
      });
      await call('POST', `/api/workflows/${created.id}/activate`);
      workflowIds.push(created.id);
    }
    const matching = workflowIds[0] ?? '';
    const orders = await insertOrders({
      database,
      orgId: signedIn.organization.id,
      ownerId: signedIn.user.id,
      count: EVENTS * 2,
    });
    line('active order workflows, orders', `${workflowIds.length}, ${orders.length}`);

    const phases =
      SHAPE === 'requests'
        ? [{ title: `one PATCH per edit (${IN_FLIGHT} in flight)`, ids: orders.slice(0, EVENTS), rate: -1 }]
        : [
            {
              title: `flat out (${IN_FLIGHT} imports of ${BATCH} in flight)`,
              ids: orders.slice(0, EVENTS),
              rate: 0,
            },
            { title: `steady ${RATE}/s`, ids: orders.slice(EVENTS), rate: RATE },
          ];
    const outcomes: { eventsPerSecond: number; p99: number }[] = [];
    for (const phase of phases) {
      console.log(`\n${phase.title} — load average ${load()}`);
      const rows = edits(phase.ids);
      const since = await dbNow(database);
      const rss: number[] = [];
      const sampler = setInterval(() => rss.push(worker.memory().rssMiB), 500);
      const start = performance.now();
      const cpuBefore = { worker: worker.cpuSeconds(), api: api.cpuSeconds() };
      try {
        if (phase.rate > 0) await pushSteady(call, rows, phase.rate);
        else if (phase.rate < 0) await pushRequests(call, rows);
        else await pushFlatOut(call, rows);
        const pushMs = performance.now() - start;
        await waitForRuns({ database, workflowId: matching, since, expected: rows.length, worker, rss });
        const cpu = {
          worker: worker.cpuSeconds() - cpuBefore.worker,
          api: api.cpuSeconds() - cpuBefore.api,
        };
        outcomes.push(await report({ database, workflowId: matching, since, pushMs, worker, rss, cpu }));
      } finally {
        clearInterval(sampler);
      }
    }
    const [flat, steady] = outcomes;
    console.log('\ngoal');
    if (SHAPE === 'requests') {
      line(
        '≥ 400 events/s end to end',
        `${flat?.eventsPerSecond.toFixed(0)} /s ${(flat?.eventsPerSecond ?? 0) >= 400 ? 'OK' : 'BELOW'}`,
      );
      line(
        'p99 write → run done < 1 s',
        `${formatMs(flat?.p99 ?? Number.NaN)} ${(flat?.p99 ?? Number.POSITIVE_INFINITY) < 1000 ? 'OK' : 'ABOVE'}`,
      );
      line('pgbench -N of the same server', `${tps.toFixed(0)} tps`);
      return;
    }
    line(
      '≥ 1,000 events/s end to end (flat out)',
      `${flat?.eventsPerSecond.toFixed(0)} /s ${(flat?.eventsPerSecond ?? 0) >= 1000 ? 'OK' : 'BELOW'}`,
    );
    line(
      `p99 < 500 ms at ${RATE}/s`,
      `${formatMs(steady?.p99 ?? Number.NaN)} ${(steady?.p99 ?? Number.POSITIVE_INFINITY) < 500 ? 'OK' : 'ABOVE'}`,
    );
    line('pgbench -N of the same server', `${tps.toFixed(0)} tps`);
  } finally {
    for (const child of processes.reverse()) await child.stop();
    await bench.drop();
    console.log(`database ${bench.name} dropped`);
  }
}

/**
 * The embedded default: one process (API, worker, PGlite) as `npm start` runs it. Its database
 * lives inside that process, so everything is read through the API: orders are created through
 * the import route before the workflows are active, and the latency runs from each PATCH's
 * answer to its run's `finishedAt`.
 */
async function embedded(tps: number): Promise<void> {
  const product = await startProduct({
    role: 'all',
    databaseUrl: undefined,
    port: PORT,
    secretKey: randomBytes(24).toString('hex'),
    env: { CRMFLOW_API_RATE_LIMIT: '0' },
  });
  try {
    line('process pid, RSS after start', `${product.pid}, ${product.memory().rssMiB.toFixed(0)} MiB`);
    const signedIn = await apiCall(product.url)<{ token: string }>('POST', '/api/auth/signup', {
      organizationName: 'Công ty Đo Hiệu Năng',
      name: 'Quản trị Đo Hiệu Năng',
      email: 'admin@bench.example.vn',
      password: 'mat-khau-do-hieu-nang',
    });
    const call = apiCall(product.url, signedIn.token);
    const orders: string[] = [];
    const createStart = performance.now();
    for (let i = 0; i < EVENTS; i += 250) {
      const batch = Array.from({ length: Math.min(250, EVENTS - i) }, (_, k) => ({
        externalId: `DH${i + k}`,
        data: { code: `DH${i + k}`, status: 'confirmed', total: 1_000_000 + i + k, revenue_status: 'none' },
      }));
      await call('POST', '/api/records/order/import', { records: batch });
    }
    line(
      'orders created through the import route',
      `${((EVENTS / (performance.now() - createStart)) * 1000).toFixed(0)} rows/s (one request of 250 at a time)`,
    );
    for (let page = 1; orders.length < EVENTS; page += 1) {
      const listed = await call<{ items: { id: string }[] }>(
        'GET',
        `/api/records/order?pageSize=200&page=${page}&filter.status=confirmed`,
      );
      if (listed.items.length === 0) break;
      orders.push(...listed.items.map((item) => item.id));
    }
    const workflowIds: string[] = [];
    for (const { name, graph } of orderGraphs()) {
      const created = await call<{ id: string }>('POST', '/api/workflows', {
        module: 'order',
        kind: 'event',
        name,
        graph,
      });
      await call('POST', `/api/workflows/${created.id}/activate`);
      workflowIds.push(created.id);
    }
    const matching = workflowIds[0] ?? '';
    line('active order workflows, orders', `${workflowIds.length}, ${orders.length}`);
    // The creations' events: wait until the process is idle (under 5 % of a core over a second).
    for (let before = product.cpuSeconds(); ; ) {
      await sleep(1000);
      const now = product.cpuSeconds();
      if (now - before < 0.05) break;
      before = now;
    }

    console.log(`\none PATCH per edit (${IN_FLIGHT} in flight) — load average ${load()}`);
    const answered = new Map<string, number>();
    const rss: number[] = [];
    const sampler = setInterval(() => rss.push(product.memory().rssMiB), 500);
    const cpuBefore = product.cpuSeconds();
    const start = Date.now();
    const rows = edits(orders.slice(0, EVENTS));
    type Run = { recordId: string | null; status: string; finishedAt: string | null };
    let runs: Run[] = [];
    try {
      await pushRequests(call, rows, answered);
      const pushMs = Date.now() - start;
      line('writes accepted by the API', `${((rows.length / pushMs) * 1000).toFixed(0)} /s`);
      let last = -1;
      let lastChange = Date.now();
      for (;;) {
        const count = (status: string) =>
          call<{ total: number }>('GET', `/api/runs?workflowId=${matching}&pageSize=1&status=${status}`).then(
            (page) => page.total,
          );
        const done = (await count('succeeded')) + (await count('failed'));
        if (done >= rows.length) break;
        if (done !== last) {
          last = done;
          lastChange = Date.now();
          process.stdout.write(`    runs done ${done} / ${rows.length}\r`);
        } else if (Date.now() - lastChange > STALL_MS)
          throw new Error(`no run finished for ${STALL_MS / 1000} s`);
        await sleep(200);
      }
    } finally {
      clearInterval(sampler);
    }
    const cpu = product.cpuSeconds() - cpuBefore;
    for (let page = 1; ; page += 1) {
      const listed = await call<{ items: Run[] }>(
        'GET',
        `/api/runs?workflowId=${matching}&pageSize=200&page=${page}`,
      );
      if (listed.items.length === 0) break;
      runs = runs.concat(listed.items);
    }
    const latencies: number[] = [];
    let lastEnd = start;
    for (const run of runs) {
      const at = run.recordId ? answered.get(run.recordId) : undefined;
      if (!run.finishedAt || at === undefined) continue;
      const end = Date.parse(run.finishedAt);
      lastEnd = Math.max(lastEnd, end);
      latencies.push(end - at);
    }
    const latency = summarise(latencies);
    const eventsPerSecond = (latencies.length / (lastEnd - start)) * 1000;
    line(
      'events processed end to end',
      `${eventsPerSecond.toFixed(0)} /s (${latencies.length} runs in ${((lastEnd - start) / 1000).toFixed(1)} s; ${runs.filter((r) => r.status !== 'succeeded').length} not succeeded)`,
    );
    line(
      'PATCH answered → last step done',
      `p50 ${formatMs(latency.p50)}, p95 ${formatMs(latency.p95)}, p99 ${formatMs(latency.p99)}, max ${formatMs(latency.max)}`,
    );
    const { rssMiB, peakMiB } = product.memory();
    line(
      'process RSS (during, peak, now)',
      `max ${Math.max(...rss).toFixed(0)} MiB sampled, VmHWM ${peakMiB.toFixed(0)} MiB, now ${rssMiB.toFixed(0)} MiB`,
    );
    line(
      'CPU used over the phase',
      `${cpu.toFixed(1)} s (${((cpu * 1000) / rows.length).toFixed(2)} ms per edit)`,
    );
    line('load average (1, 5, 15 min)', load());
    console.log('\ngoal');
    line(
      '≥ 200 events/s end to end',
      `${eventsPerSecond.toFixed(0)} /s ${eventsPerSecond >= 200 ? 'OK' : 'BELOW'}`,
    );
    line('pgbench -N of the same machine’s server', `${tps.toFixed(0)} tps`);
  } finally {
    await product.stop();
  }
}

await withAutovacuum(main);
