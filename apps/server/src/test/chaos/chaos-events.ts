import { parseDatabaseUrl } from '@crmflow/db';
import { PgBoss } from 'pg-boss';
import type postgres from 'postgres';
import { sleep } from '../processes.ts';
import type { ChaosConfig } from './chaos-run.ts';
import type { ProductFleet } from './fleet.ts';

/**
 * Ends every session of the database but the caller's, from a connection to another database of
 * the server; tried again while that connection itself comes back (after a restart). Returns
 * how many sessions ended.
 */
export async function terminateSessions(admin: postgres.Sql, database: string): Promise<number> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      // In the select list, never in the WHERE clause: there the planner may call it before the
      // filters, on every session of the server.
      const rows = await admin<{ ended: boolean }[]>`
        select pg_terminate_backend(pid) as ended from pg_stat_activity
        where datname = ${database} and pid <> pg_backend_pid()`;
      return rows.filter((row) => row.ended).length;
    } catch (error) {
      if (attempt >= 5) throw error;
      await sleep(200);
    }
  }
}

/**
 * Plays the chaos events at their time, while the load runs. A killed worker's successor starts
 * meanwhile: resolves once the events are played, with `restarted` settling when every
 * successor is ready (on a loaded machine that may be long after the load).
 */
export async function playEvents(args: {
  config: ChaosConfig;
  fleet: ProductFleet;
  timeline: string[];
  start: number;
  stamp: () => string;
  log: (line: string) => void;
}): Promise<{ restarted: Promise<void> }> {
  const { config, fleet, timeline } = args;
  const note = (line: string) => {
    timeline.push(`${args.stamp()}  ${line}`);
    args.log(`  ${args.stamp()}  ${line}`);
  };
  let kills = 0;
  // A worker's successor starts while the load and the next events go on.
  const restarts: Promise<void>[] = [];
  const events = [...config.events].sort((a, b) => a.at - b.at);
  for (const event of events) {
    const due = args.start + event.at * config.seconds * 1000;
    if (due > Date.now()) await sleep(due - Date.now());
    const when = `(due at ${((due - args.start) / 1000).toFixed(1)} s)`;
    if (event.kind === 'kill-worker') {
      const name = `worker-${(kills % config.workers) + 1}`;
      kills += 1;
      const began = Date.now();
      note(`SIGKILL ${name} ${when}`);
      restarts.push(
        fleet
          .killAndRestart(name)
          .then(() =>
            note(`${name} started again, ready after ${((Date.now() - began) / 1000).toFixed(1)} s`),
          ),
      );
    } else if (event.kind === 'terminate-connections') {
      const name = config.database.connection.database;
      const ended = await terminateSessions(config.admin, name);
      note(`pg_terminate_backend: ${ended} sessions of ${name} ended ${when}`);
    } else {
      if (!config.restartDatabase) throw new Error('a restart-database event needs restartDatabase');
      const began = Date.now();
      await config.restartDatabase();
      note(`PostgreSQL restarted ${when}, down and up in ${((Date.now() - began) / 1000).toFixed(1)} s`);
    }
  }
  return { restarted: Promise.all(restarts).then(() => undefined) };
}

/**
 * A pg-boss of the run's own that only supervises, every second: jobs whose worker was killed
 * (their heartbeat stopped) come back as soon as the heartbeat lapses. The retries keep the
 * product's backoff.
 */
export async function superviseQuickly(url: string): Promise<PgBoss> {
  const boss = new PgBoss({
    ...parseDatabaseUrl(url),
    max: 2,
    supervise: true,
    schedule: false,
    superviseIntervalSeconds: 1,
    monitorIntervalSeconds: 1,
  });
  // Its sessions are ended with everyone else's; it reconnects on its own.
  boss.on('error', () => {});
  await boss.start();
  return boss;
}
