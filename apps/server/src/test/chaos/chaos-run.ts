import { randomBytes } from 'node:crypto';
import type { Database } from '@crmflow/db';
import type { PgBoss } from 'pg-boss';
import type postgres from 'postgres';
import { startSmtpCounter } from '../../../../../packages/engine/src/providers/smtp-catcher.testing.ts';
import { auditChaos, auditFailures, type ChaosAudit, waitUntilSettled } from './chaos-audit.ts';
import { playEvents, superviseQuickly } from './chaos-events.ts';
import { setUpChaosWorkload } from './chaos-workload.ts';
import { driveEdits, type EditTally } from './edit-load.ts';
import { exitVerdict, type ProcessExit, ProductFleet } from './fleet.ts';

/** What happens to the system during the load, at a fraction of the load's duration. */
export type ChaosEvent = { at: number; kind: 'kill-worker' | 'terminate-connections' | 'restart-database' };

export type ChaosConfig = {
  /** The database the product runs on, already created (empty or migrated). */
  databaseUrl: string;
  /** A connection to it for the setup and the audit. */
  database: Database;
  /** A connection to the same server outside that database, to end its sessions. */
  admin: postgres.Sql;
  ratePerSecond: number;
  seconds: number;
  /** Contacts edited in turn: each is edited every `contacts / ratePerSecond` seconds. */
  contacts: number;
  workers: number;
  events: ChaosEvent[];
  /** Required for a `restart-database` event: stops and starts the server, resolving once it is up. */
  restartDatabase?: () => Promise<void>;
  smtpTimeoutMs: number;
  /**
   * A supervisor of the run's own that looks every second for jobs whose heartbeat stopped: a
   * killed worker's jobs come back about 10 s after the kill instead of the product's 10–20 s.
   */
  superviseEverySecond?: boolean;
  /** Requests the load client keeps open at once, at most (default 64); see `driveEdits`. */
  maxInFlight?: number;
  /** Stop waiting for the runs when nothing moved for this long. */
  stallMs: number;
  /** Stop waiting for the runs this long after the load, whatever moves (default no limit). */
  settleDeadlineMs?: number;
  log?: (line: string) => void;
};

export type ChaosOutcome = {
  tally: EditTally;
  audit: ChaosAudit;
  /** Every process exit, the kills included. */
  exits: ProcessExit[];
  /** Exits nobody asked for, and stops that did not end with code 0. */
  badExits: ProcessExit[];
  timeline: string[];
  loadMs: number;
  settleMs: number;
  /** Each broken promise, one line each; empty when the run held. */
  failures: string[];
};

/**
 * The chaos run: the API and `workers` worker processes on the database, edits at a fixed rate
 * while workers are killed, every session of the database is ended and the server restarts, then
 * a wait until every run is over, and an audit of what the runs did against what was committed.
 */
export async function runChaos(config: ChaosConfig): Promise<ChaosOutcome> {
  const log = config.log ?? (() => {});
  const smtp = await startSmtpCounter();
  const fleet = new ProductFleet({
    DATABASE_URL: config.databaseUrl,
    CRMFLOW_SECRET_KEY: randomBytes(24).toString('hex'),
    // One token sends every edit here; the per-token limit is for people.
    CRMFLOW_API_RATE_LIMIT: '0',
  });
  let supervisor: PgBoss | null = null;
  try {
    await fleet.start(config.workers);
    log(`processes ready: ${JSON.stringify(fleet.pids())}`);
    const workload = await setUpChaosWorkload({
      apiUrl: fleet.apiUrl,
      database: config.database,
      smtpPort: smtp.port,
      contacts: config.contacts,
      smtpTimeoutMs: config.smtpTimeoutMs,
    });
    if (config.superviseEverySecond) supervisor = await superviseQuickly(config.databaseUrl);
    const timeline: string[] = [];
    const start = Date.now();
    const stamp = () => `${((Date.now() - start) / 1000).toFixed(1)} s`;
    // Settled at once so a failure waits here for the load to end rather than going unhandled.
    const chaos = playEvents({ config, fleet, timeline, start, stamp, log }).then(
      ({ restarted }) => ({
        error: null,
        // Waited for after the runs settle: the wait for a successor overlaps the wait for the runs.
        restarted: restarted.then(
          () => null,
          (error: unknown) => error,
        ),
      }),
      (error: unknown) => ({ error, restarted: Promise.resolve(null) }),
    );
    const tally = await driveEdits({
      baseUrl: fleet.apiUrl,
      token: workload.token,
      contactIds: workload.contactIds,
      ratePerSecond: config.ratePerSecond,
      seconds: config.seconds,
      ...(config.maxInFlight === undefined ? {} : { maxInFlight: config.maxInFlight }),
    });
    const loadMs = Date.now() - start;
    const played = await chaos;
    if (played.error) throw played.error;
    log(`load over after ${(loadMs / 1000).toFixed(1)} s; waiting for the runs`);
    const settleMs = await waitUntilSettled({
      database: config.database,
      workload,
      stallMs: config.stallMs,
      ...(config.settleDeadlineMs === undefined ? {} : { deadlineMs: config.settleDeadlineMs }),
      onProgress: (line) => log(`  ${line}`),
    });
    const restartError = await played.restarted;
    if (restartError) throw restartError;
    const audit = await auditChaos({ database: config.database, workload, received: smtp.messages });
    const stopBegan = Date.now();
    await fleet.stop();
    log(`processes stopped in ${((Date.now() - stopBegan) / 1000).toFixed(1)} s`);
    const badExits = fleet.failures();
    const failures = [
      ...auditFailures(audit),
      ...badExits.map(describeExit),
      ...(tally.serverErrors > 0
        ? [`${tally.serverErrors} answers 5xx other than 503: ${tally.serverErrorSamples.join(' | ')}`]
        : []),
    ];
    return { tally, audit, exits: fleet.exits, badExits, timeline, loadMs, settleMs, failures };
  } finally {
    await fleet.stop();
    await supervisor?.stop({ graceful: false, timeout: 1000 }).catch(() => {});
    await smtp.close();
  }
}

/** One line for an exit that counts against the product, saying which kind it is. */
export function describeExit(exit: ProcessExit): string {
  const how = `${exit.name} (pid ${exit.pid}) exited ${exit.code ?? exit.signal}`;
  const took = exit.stop ? ` ${(exit.stop.ms / 1000).toFixed(1)} s after SIGTERM` : '';
  const verdict = exitVerdict(exit);
  const what =
    verdict === 'crash'
      ? 'crashed: nobody asked it to stop'
      : verdict === 'stop-timeout'
        ? exit.stop?.forced
          ? `stop timed out: still shutting down${took}, killed`
          : `stop timed out: its own shutdown deadline passed${took}`
        : `stop failed: asked to stop, it ended with an error${took}`;
  return `${how}, ${what}: ${exit.output.slice(-500)}`;
}
