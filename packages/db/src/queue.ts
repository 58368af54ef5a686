import { PgBoss } from 'pg-boss';
import type { ConnectionOptions } from './connection.ts';

export type QueueOptions = {
  connection: ConnectionOptions;
  /** Pool size of pg-boss's own connections. */
  max?: number;
  /** Wake workers by LISTEN/NOTIFY for low latency; off on the embedded database. */
  listenNotify?: boolean;
  /** Whether this process runs pg-boss's cron and maintenance (the worker does, the API need not). */
  supervise?: boolean;
};

/** pg-boss keeps its own schema (`pgboss`) beside ours; it migrates itself at start. */
export function createBoss(options: QueueOptions): PgBoss {
  const { connection } = options;
  return new PgBoss({
    host: connection.host,
    port: connection.port,
    user: connection.user,
    password: connection.password,
    database: connection.database,
    ...(connection.ssl ? { ssl: true } : {}),
    max: options.max ?? 4,
    application_name: 'crmflow-queue',
    useListenNotify: options.listenNotify ?? false,
    supervise: options.supervise ?? true,
    // Jobs whose heartbeat stopped (their worker died) are looked for this often: they are
    // retried 10–20 s after the death rather than up to a minute later.
    superviseIntervalSeconds: 10,
    schedule: options.supervise ?? true,
  });
}
