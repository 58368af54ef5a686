/**
 * The product under load and chaos: the API process and two worker processes, started as the
 * product starts them, on a PostgreSQL cluster of the benchmark's own (created in a temporary
 * directory, removed at the end). A steady 300 contact edits per second through single PATCH
 * requests for 60 s, each firing three workflows (update + notify, an email through a real local
 * SMTP server, a task), while a worker is killed with SIGKILL three times, every session of the
 * database is ended three times and PostgreSQL restarts once. Then it checks what the runs did
 * against what was committed.
 *
 *   pnpm --filter @crmflow/bench chaos
 */
import { loadavg } from 'node:os';
import { openDatabase } from '@crmflow/db';
import type { ChaosEvent, ChaosOutcome } from '../../apps/server/src/test/chaos/chaos-run.ts';
import { describeExit, runChaos } from '../../apps/server/src/test/chaos/chaos-run.ts';
import { achievedRates } from '../../apps/server/src/test/chaos/edit-load.ts';
import { exitVerdict } from '../../apps/server/src/test/chaos/fleet.ts';
import { pgbenchTps } from '../events/events-setup.ts';
import { createThrowAwayCluster } from './cluster.ts';

const RATE = Number(process.env.CHAOS_RATE ?? 300);
const SECONDS = Number(process.env.CHAOS_SECONDS ?? 60);
/** Each contact is edited every 20 s: its previous edit's runs are usually over by then. */
const CONTACTS = Number(process.env.CHAOS_CONTACTS ?? RATE * 20);
const PGBENCH_SECONDS = Number(process.env.CHAOS_PGBENCH_SECONDS ?? 20);
/** Requests the client keeps open at once; an edit due while they are all open is dropped and counted. */
const MAX_IN_FLIGHT = Number(process.env.CHAOS_MAX_IN_FLIGHT ?? 64);

/** Spread over the load, never two at once: kills, terminations and the restart alternate. */
const EVENTS: ChaosEvent[] = [
  { at: 0.13, kind: 'kill-worker' },
  { at: 0.23, kind: 'terminate-connections' },
  { at: 0.43, kind: 'kill-worker' },
  { at: 0.53, kind: 'terminate-connections' },
  { at: 0.63, kind: 'restart-database' },
  { at: 0.73, kind: 'kill-worker' },
  { at: 0.83, kind: 'terminate-connections' },
];

const line = (label: string, value: string) => console.log(`  ${label.padEnd(48)} ${value}`);
const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');
const check = (ok: boolean) => (ok ? 'OK' : 'FAILED');

function report(outcome: ChaosOutcome, figures: { tps: number; loads: number[] }) {
  const { tally, audit } = outcome;
  console.log('\nrequests (counted by the client)');
  const rates = achievedRates(tally);
  line('PATCH due (rate × seconds)', String(tally.due));
  line(
    'PATCH sent',
    `${tally.sent} in ${(outcome.loadMs / 1000).toFixed(1)} s (at worst ${tally.maxLagMs.toFixed(0)} ms behind schedule)`,
  );
  line(
    `dropped by the client (${MAX_IN_FLIGHT} already open)`,
    `${tally.dropped} (${((tally.dropped / Math.max(tally.due, 1)) * 100).toFixed(1)} %; at most ${tally.peakInFlight} open)`,
  );
  line(
    'achieved rate',
    `${rates.sentPerSecond.toFixed(1)}/s sent, ${rates.okPerSecond.toFixed(1)}/s answered 200 (asked ${RATE}/s)`,
  );
  line('answered 200', String(tally.ok));
  line('answered 503 database_unavailable', String(tally.unavailable));
  line('answered 4xx', String(tally.clientErrors));
  line('no answer (refused, reset, 10 s time-out)', String(tally.noAnswer));
  line('API 5xx other than 503', `${tally.serverErrors} ${check(tally.serverErrors === 0)}`);
  console.log('\nwhat the runs did (read from the database and the SMTP server)');
  line('edits committed (record history)', `${audit.edits} (${audit.edits - tally.ok} beyond the 200s)`);
  for (const [name, runs] of Object.entries(audit.runs))
    line(
      `runs expected = runs present: ${name}`,
      `${audit.edits} = ${runs.present} (${runs.succeeded} succeeded, ${runs.missing} missing, ${runs.stray} stray) ${check(runs.present === audit.edits && runs.succeeded === runs.present && runs.missing === 0 && runs.stray === 0)}`,
    );
  line(
    'duplicate effects: updates',
    `${audit.updates.duplicates} (of ${audit.updates.count}) ${check(audit.updates.duplicates === 0)}`,
  );
  line(
    'duplicate effects: notifications',
    `${audit.notifications.duplicates} (of ${audit.notifications.count}) ${check(audit.notifications.duplicates === 0)}`,
  );
  line(
    'duplicate effects: tasks',
    `${audit.tasks.duplicates} (of ${audit.tasks.count}) ${check(audit.tasks.duplicates === 0)}`,
  );
  line('duplicate effects: emails', `${audit.emails.duplicates} ${check(audit.emails.duplicates === 0)}`);
  const distinct = audit.emails.received - audit.emails.duplicates;
  line(
    'emails received by the SMTP server = expected',
    `${distinct} = ${audit.edits} (${audit.emails.missing} missing, ${audit.emails.unexpected} unexpected, ${audit.emails.presumed} settled as handed over) ${check(distinct === audit.edits && audit.emails.missing === 0)}`,
  );
  const killed = outcome.exits.filter((e) => e.cause === 'killed').length;
  const crashes = outcome.exits.filter((e) => exitVerdict(e) === 'crash').length;
  line(
    'process exits other than our kills',
    `${crashes} (${killed} SIGKILLs of ours) ${check(crashes === 0)}`,
  );
  const stops = outcome.exits.filter((e) => e.stop);
  const badStops = stops.filter((e) => exitVerdict(e) !== 'ok');
  line(
    'stopped with SIGTERM at the end, cleanly (code 0)',
    `${stops.length - badStops.length} of ${stops.length}, slowest ${(Math.max(0, ...stops.map((e) => e.stop?.ms ?? 0)) / 1000).toFixed(1)} s ${check(badStops.length === 0)}`,
  );
  // The whole line, with the process's last output, is among the failures at the end.
  for (const exit of badStops) console.log(`    ${describeExit(exit).slice(0, 160)}`);
  line('runs settled after the load', `${(outcome.settleMs / 1000).toFixed(1)} s`);
  console.log('\nmachine');
  line('pgbench -N, 4 clients, same cluster', `${figures.tps.toFixed(0)} tps`);
  line(
    'load average (1 min) during the load',
    `${Math.min(...figures.loads).toFixed(1)}–${Math.max(...figures.loads).toFixed(1)}`,
  );
  line('load average now (1, 5, 15 min)', load());
  console.log('\ntimeline');
  for (const event of outcome.timeline) console.log(`  ${event}`);
  console.log(
    outcome.failures.length === 0
      ? '\nheld: every promise kept'
      : `\nBROKEN:\n  ${outcome.failures.join('\n  ')}`,
  );
}

async function main() {
  console.log(
    `chaos: ${RATE} edits/s for ${SECONDS} s over ${CONTACTS} contacts, at most ${MAX_IN_FLIGHT} requests open; load average ${load()}`,
  );
  const cluster = await createThrowAwayCluster();
  console.log(`  throw-away PostgreSQL cluster on 127.0.0.1:${cluster.port}`);
  // Ctrl-C must not leave a server running on its port.
  process.once('SIGINT', () => void cluster.remove().finally(() => process.exit(130)));
  const adminDatabase = await openDatabase({ url: cluster.urlOf('postgres'), max: 1 });
  const admin = adminDatabase.sql;
  let failed = true;
  try {
    const tps = await pgbenchTps({
      seconds: PGBENCH_SECONDS,
      clients: 4,
      serverUrl: cluster.urlOf('postgres'),
    });
    line(`pgbench -N, 4 clients, ${PGBENCH_SECONDS} s`, `${tps.toFixed(0)} tps (load ${load()})`);
    await admin.unsafe('create database crmflow_chaos');
    const url = cluster.urlOf('crmflow_chaos');
    const database = await openDatabase({ url, max: 4 });
    const loads: number[] = [loadavg()[0] ?? 0];
    const sampler = setInterval(() => loads.push(loadavg()[0] ?? 0), 2000);
    try {
      const outcome = await runChaos({
        databaseUrl: url,
        database,
        admin,
        ratePerSecond: RATE,
        seconds: SECONDS,
        maxInFlight: MAX_IN_FLIGHT,
        contacts: CONTACTS,
        workers: 2,
        events: EVENTS,
        restartDatabase: () => cluster.restart(),
        smtpTimeoutMs: 5_000,
        stallMs: 150_000,
        log: (text) => console.log(text),
      });
      clearInterval(sampler);
      report(outcome, { tps, loads });
      failed = outcome.failures.length > 0;
    } finally {
      clearInterval(sampler);
      await database.close();
    }
  } finally {
    await adminDatabase.close().catch(() => undefined);
    await cluster.remove();
    console.log('throw-away cluster removed');
  }
  process.exit(failed ? 1 : 0);
}

await main();
