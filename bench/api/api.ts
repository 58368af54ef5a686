/**
 * The single-request path (issue "Speed where users feel it"): the API process started as the
 * product starts it (`CRMFLOW_ROLE=api`, no worker), against a real Postgres in a database of its
 * own (dropped at the end). Each route is driven by autocannon at a fixed rate (not a closed loop)
 * and measured by what is least sensitive to a shared machine's load: the API process's CPU time
 * per request (/proc/<pid>/stat before and after) and the statements it sent per request
 * (`CRMFLOW_COUNT_STATEMENTS=on`, read from /metrics), beside p50/p99, errors and `pgbench -N`.
 *
 *   pnpm --filter @crmflow/bench api
 */
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import autocannon from 'autocannon';
import { apiCall } from '../../apps/server/src/test/chaos/chaos-workload.ts';
import { formatMs } from '../common/stats.ts';
import {
  createBenchDatabase,
  insertOrders,
  orderGraphs,
  type ProductProcess,
  pgbenchTps,
  startProduct,
  withAutovacuum,
} from '../events/events-setup.ts';

const RATE = Number(process.env.API_RATE ?? 200);
const SECONDS = Number(process.env.API_SECONDS ?? 10);
const WARMUP_SECONDS = Number(process.env.API_WARMUP_SECONDS ?? 3);
const CONNECTIONS = Number(process.env.API_CONNECTIONS ?? 10);
const PGBENCH_SECONDS = Number(process.env.API_PGBENCH_SECONDS ?? 10);
const WORKFLOWS = 50;
const ORDERS = 5_000;
const PORT = Number(process.env.API_PORT ?? 3950);
/** Only these routes (names as printed, comma separated); all when unset. */
const ONLY = process.env.API_ROUTES?.split(',').map((name) => name.trim());

const line = (label: string, value: string) => console.log(`  ${label.padEnd(34)} ${value}`);
const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');

type Route = {
  name: string;
  method: 'GET' | 'POST' | 'PATCH';
  /** A fixed path, or a new one (and body) for each request. */
  path: string;
  next?: () => { path: string; body?: string };
  body?: string;
};

async function statementsSent(api: ProductProcess, metricsToken: string): Promise<number> {
  const res = await fetch(`${api.url}/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } });
  const text = await res.text();
  const match = /^crmflow_db_statements_sent (\d+)/m.exec(text);
  if (!match?.[1])
    throw new Error('the API process does not count its statements (CRMFLOW_COUNT_STATEMENTS)');
  return Number(match[1]);
}

function drive(args: { url: string; token: string; route: Route; seconds: number }) {
  const { route } = args;
  return autocannon({
    url: args.url,
    connections: CONNECTIONS,
    overallRate: RATE,
    duration: args.seconds,
    headers: { authorization: `Bearer ${args.token}`, 'content-type': 'application/json' },
    requests: [
      {
        method: route.method,
        path: route.path,
        ...(route.body ? { body: route.body } : {}),
        ...(route.next
          ? {
              setupRequest: (request) => {
                const next = route.next?.();
                return next ? { ...request, ...next } : request;
              },
            }
          : {}),
      },
    ],
  });
}

async function main() {
  console.log(
    `api: ${RATE} requests/s for ${SECONDS} s a route (${CONNECTIONS} connections); load average ${load()}`,
  );
  const tps = await pgbenchTps({ seconds: PGBENCH_SECONDS, clients: 4 });
  console.log(
    `  pgbench -N, 4 clients, ${PGBENCH_SECONDS} s, same server: ${tps.toFixed(0)} tps (load ${load()})`,
  );

  const bench = await createBenchDatabase('crmflow_bench_api');
  const { database } = bench;
  let api: ProductProcess | undefined;
  try {
    const metricsToken = randomBytes(16).toString('hex');
    api = await startProduct({
      role: 'api',
      databaseUrl: bench.url,
      port: PORT,
      secretKey: randomBytes(24).toString('hex'),
      nodeArgs: process.env.API_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.API_PROF] : [],
      env: {
        // As the image runs it: responses projected onto their schemas, not checked.
        NODE_ENV: 'production',
        CRMFLOW_COUNT_STATEMENTS: 'on',
        CRMFLOW_METRICS_TOKEN: metricsToken,
        CRMFLOW_API_RATE_LIMIT: '0',
      },
    });
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
    // Fifty workflows on orders, the first ten active (the events benchmark's ten).
    const graphs = orderGraphs();
    for (let i = 0; i < WORKFLOWS; i += 1) {
      const { name, graph } = graphs[i % graphs.length] ?? { name: '', graph: {} };
      const created = await call<{ id: string }>('POST', '/api/workflows', {
        module: 'order',
        kind: 'event',
        name: `${name} (${i + 1})`,
        graph,
      });
      if (i < graphs.length) await call('POST', `/api/workflows/${created.id}/activate`);
    }
    const orders = await insertOrders({
      database,
      orgId: signedIn.organization.id,
      ownerId: signedIn.user.id,
      count: ORDERS,
    });
    line('api pid, workflows, orders', `${api.pid}, ${WORKFLOWS}, ${orders.length}`);

    let seq = 0;
    const routes: Route[] = [
      { name: 'GET /api/me', method: 'GET', path: '/api/me' },
      { name: 'GET /api/records/order?pageSize=50', method: 'GET', path: '/api/records/order?pageSize=50' },
      { name: 'GET /api/workflows', method: 'GET', path: '/api/workflows' },
      {
        name: 'POST /api/records/order',
        method: 'POST',
        path: '/api/records/order',
        next: () => {
          seq += 1;
          return {
            path: '/api/records/order',
            body: JSON.stringify({ data: { code: `API${seq}`, status: 'draft', total: 100_000 + seq } }),
          };
        },
      },
      {
        name: 'PATCH /api/records/order/:id',
        method: 'PATCH',
        path: `/api/records/order/${orders[0]}`,
        next: () => {
          seq += 1;
          return {
            path: `/api/records/order/${orders[seq % orders.length]}`,
            body: JSON.stringify({ data: { total: 3_000_000 + seq } }),
          };
        },
      },
    ];

    console.log(
      `\n  ${'route'.padEnd(34)} ${'req/s'.padStart(6)} ${'p50'.padStart(9)} ${'p99'.padStart(9)} ${'errors'.padStart(7)} ${'CPU ms/req'.padStart(10)} ${'stmts/req'.padStart(9)}  load`,
    );
    for (const route of routes) {
      if (ONLY && !ONLY.includes(route.name)) continue;
      await drive({ url: api.url, token: signedIn.token, route, seconds: WARMUP_SECONDS });
      const cpuBefore = api.cpuSeconds();
      const statementsBefore = await statementsSent(api, metricsToken);
      const result = await drive({ url: api.url, token: signedIn.token, route, seconds: SECONDS });
      const cpu = api.cpuSeconds() - cpuBefore;
      const statements = (await statementsSent(api, metricsToken)) - statementsBefore;
      const answered = result.requests.total;
      const errors = result.errors + result.non2xx;
      console.log(
        `  ${route.name.padEnd(34)} ${(answered / result.duration).toFixed(0).padStart(6)} ${formatMs(result.latency.p50).padStart(9)} ${formatMs(result.latency.p99).padStart(9)} ${String(errors).padStart(7)} ${((cpu * 1000) / answered).toFixed(2).padStart(10)} ${(statements / answered).toFixed(1).padStart(9)}  ${load()}`,
      );
    }
    console.log(`\n  pgbench -N of the same server: ${tps.toFixed(0)} tps; load average now ${load()}`);
  } finally {
    await api?.stop();
    await bench.drop();
    console.log(`database ${bench.name} dropped`);
  }
}

await withAutovacuum(main);
