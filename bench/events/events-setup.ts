import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { type Database, openDatabase } from '@crmflow/db';

const run = promisify(execFile);

/** Where the benchmark creates (and drops) its databases: the real server, never the embedded one. */
export const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PG_BIN = process.env.BENCH_PG_BIN ?? '/usr/lib/postgresql/15/bin';
const serverDir = fileURLToPath(new URL('../../apps/server/', import.meta.url));

const urlOf = (name: string) => {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
};

export type BenchDatabase = { database: Database; name: string; url: string; drop(): Promise<void> };

/**
 * A new, empty database of its own on the server; the processes under test migrate it as they
 * do on a first start. `drop` removes it.
 */
export async function createBenchDatabase(prefix: string): Promise<BenchDatabase> {
  const admin = await openDatabase({ url: adminUrl, max: 1 });
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  await admin.sql.unsafe(`create database ${name}`);
  const url = urlOf(name);
  const database = await openDatabase({ url, max: 4 });
  return {
    database,
    name,
    url,
    async drop() {
      await database.close();
      await admin.sql.unsafe(`drop database if exists ${name} with (force)`);
      await admin.close();
    },
  };
}

/**
 * `pgbench -N` (simple updates, no branch contention) on a small scratch database of the same
 * server: the transactions per second the server itself sustains, the ceiling to compare with.
 */
export async function pgbenchTps(args: {
  seconds: number;
  clients: number;
  /** Another server than the benchmark's default. */
  serverUrl?: string;
}): Promise<number> {
  const name = `crmflow_bench_pgbench_${randomBytes(4).toString('hex')}`;
  const serverUrl = args.serverUrl ?? adminUrl;
  const admin = await openDatabase({ url: serverUrl, max: 1 });
  const server = new URL(serverUrl);
  const conn = [
    '-h',
    server.hostname,
    '-p',
    server.port || '5432',
    '-U',
    decodeURIComponent(server.username),
  ];
  await admin.sql.unsafe(`create database ${name}`);
  try {
    await run(join(PG_BIN, 'pgbench'), [...conn, '-i', '-q', '-s', '5', name]);
    const { stdout } = await run(join(PG_BIN, 'pgbench'), [
      ...conn,
      '-N',
      '-c',
      String(args.clients),
      '-j',
      '2',
      '-T',
      String(args.seconds),
      name,
    ]);
    const match = /tps = ([\d.]+) \(without initial connection time\)/.exec(stdout);
    if (!match?.[1]) throw new Error(`pgbench printed no tps:\n${stdout}`);
    return Number(match[1]);
  } finally {
    await admin.sql.unsafe(`drop database if exists ${name} with (force)`);
    await admin.close();
  }
}

export type ProductProcess = {
  role: 'api' | 'worker' | 'all';
  pid: number;
  url: string;
  /** Resident set size and its peak, in MiB, from /proc. */
  memory(): { rssMiB: number; peakMiB: number };
  /** CPU time used so far (user + system), in seconds, from /proc. */
  cpuSeconds(): number;
  stop(): Promise<void>;
};

/** Linux reports CPU times in clock ticks, 100 a second on every common build. */
const CLOCK_TICKS = 100;

const mib = (status: string, key: string) => {
  const match = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status);
  return match?.[1] ? Number(match[1]) / 1024 : Number.NaN;
};

/**
 * Starts `apps/server/src/main.ts` as the product does, with `CRMFLOW_ROLE`, in a node process
 * of its own (so /proc shows that process), and waits for it to answer /readyz. Without a
 * database URL (role `all`) it runs the embedded default, PGlite in its own data directory.
 */
export async function startProduct(args: {
  role: 'api' | 'worker' | 'all';
  databaseUrl: string | undefined;
  port: number;
  secretKey: string;
  nodeArgs?: string[];
  env?: Record<string, string>;
}): Promise<ProductProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), `crmflow-bench-${args.role}-`));
  const child: ChildProcess = spawn(
    process.execPath,
    [...(args.nodeArgs ?? []), '--import', 'tsx', 'src/main.ts'],
    {
      cwd: serverDir,
      env: {
        ...process.env,
        DATABASE_URL: args.databaseUrl ?? '',
        CRMFLOW_ROLE: args.role,
        PORT: String(args.port),
        HOST: '127.0.0.1',
        LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
        CRMFLOW_SECRET_KEY: args.secretKey,
        CRMFLOW_DATA_DIR: dataDir,
        ...args.env,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const pid = child.pid;
  if (pid === undefined) throw new Error(`the ${args.role} process did not start`);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${args.port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the ${args.role} process exited (${child.exitCode})`);
    const ready = await fetch(`${url}/readyz`).then(
      (res) => res.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) throw new Error(`the ${args.role} process is not ready after 60 s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    role: args.role,
    pid,
    url,
    memory() {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      return { rssMiB: mib(status, 'VmRSS'), peakMiB: mib(status, 'VmHWM') };
    },
    cpuSeconds() {
      // Fields 14 and 15 of /proc/<pid>/stat, after the command name in parentheses.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
    },
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const node = (id: string, type: string, y: number, config: unknown) => ({
  id,
  type,
  position: { x: 0, y },
  config,
});

/**
 * The order workflows: each fires on an edit of `total`; the one that matches (status confirmed)
 * marks the order's revenue as proposed and notifies its owner; the nine others test a status no
 * order has, so their conditions never match.
 */
export function orderGraphs(): { name: string; graph: unknown }[] {
  const trigger = node('t', 'trigger', 0, { on: 'update', fields: ['total'], match: 'any', repeat: true });
  const condition = (value: string) =>
    node('c', 'condition', 120, {
      mode: 'criteria',
      logic: 'and',
      rules: [{ field: 'status', op: 'eq', value }],
    });
  const matching = {
    name: 'Đơn xác nhận: đề nghị ghi doanh số và báo người phụ trách',
    graph: {
      nodes: [
        trigger,
        condition('confirmed'),
        node('u', 'update_fields', 240, {
          name: 'Đề nghị ghi doanh số',
          target: 'self',
          values: [{ field: 'revenue_status', value: 'proposed' }],
        }),
        node('n', 'notify', 360, {
          name: 'Báo người phụ trách',
          to: { fields: ['owner_id'], users: [] },
          message: 'Đơn #code đã được cập nhật tổng tiền',
        }),
      ],
      edges: [
        { id: 'e1', source: 't', target: 'c' },
        { id: 'e2', source: 'c', target: 'u', sourceHandle: 'true' },
        { id: 'e3', source: 'u', target: 'n' },
      ],
    },
  };
  const others = Array.from({ length: 9 }, (_, i) => ({
    name: `Đơn đã hủy ${i + 1}: báo người phụ trách`,
    graph: {
      nodes: [
        trigger,
        condition('cancelled'),
        node('n', 'notify', 240, {
          name: 'Báo người phụ trách',
          to: { fields: ['owner_id'], users: [] },
          message: `Đơn #code đã hủy (${i + 1})`,
        }),
      ],
      edges: [
        { id: 'e1', source: 't', target: 'c' },
        { id: 'e2', source: 'c', target: 'n', sourceHandle: 'true' },
      ],
    },
  }));
  return [matching, ...others];
}

/** `count` confirmed orders owned by `ownerId`, inserted by the server with `generate_series`. */
export async function insertOrders(args: {
  database: Database;
  orgId: string;
  ownerId: string;
  count: number;
}): Promise<string[]> {
  const rows = await args.database.sql<{ id: string }[]>`
    insert into records (org_id, module, owner_id, data)
    select ${args.orgId}::uuid, 'order', ${args.ownerId}::uuid, jsonb_build_object(
      'code', 'DH' || lpad(g::text, 6, '0'),
      'status', 'confirmed',
      'total', 1000000 + g,
      'revenue_status', 'none',
      'owner_id', ${args.ownerId}::text)
    from generate_series(1, ${args.count}::int) g
    returning id`;
  await args.database.sql`analyze records`;
  return rows.map((row) => row.id);
}

/**
 * Runs the benchmark with PostgreSQL's autovacuum on, as a production server has it, and puts the
 * server's setting back afterwards (the development cluster keeps it off between runs). Says
 * what it did in one line.
 */
export async function withAutovacuum<T>(body: () => Promise<T>): Promise<T> {
  const admin = await openDatabase({ url: adminUrl, max: 1 });
  const setting = async () =>
    (await admin.sql<{ on: string }[]>`select current_setting('autovacuum') as on`)[0]?.on;
  const before = await setting();
  if (before !== 'off') {
    await admin.close();
    return body();
  }
  await admin.sql`alter system set autovacuum = on`;
  await admin.sql`select pg_reload_conf()`;
  console.log('  autovacuum: turned on for this run (it was off), put back at the end');
  try {
    return await body();
  } finally {
    await admin.sql`alter system reset autovacuum`;
    await admin.sql`select pg_reload_conf()`;
    // The server's own file may not say `off`: then say it here.
    await new Promise((resolve) => setTimeout(resolve, 200));
    if ((await setting()) !== 'off') {
      await admin.sql`alter system set autovacuum = off`;
      await admin.sql`select pg_reload_conf()`;
    }
    await admin.close();
  }
}
