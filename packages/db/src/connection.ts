import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { openPglite } from './embedded/pglite-instance.ts';
import { startPgliteServer } from './embedded/pglite-server.ts';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
export type Db = PostgresJsDatabase<Schema> & { $client: postgres.Sql };
/** A drizzle transaction, as handed to `db.transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Anything queries can be run on: the database or a transaction in progress. */
export type Executor = Db | Tx;

/** How to reach the database; both postgres.js and pg (under pg-boss) take these. */
export type ConnectionOptions = {
  host: string;
  port: number;
  user: string;
  password?: string;
  database: string;
  ssl?: boolean;
};

export type Database = {
  db: Db;
  sql: postgres.Sql;
  connection: ConnectionOptions;
  /** `embedded` runs PGlite in this process; `postgres` is an external server. */
  mode: 'embedded' | 'postgres';
  /**
   * Statements this process's postgres.js client has sent so far, when opened with
   * `countStatements` (benchmarks read it through `/metrics`); null otherwise.
   */
  statementsSent(): number | null;
  close(): Promise<void>;
};

export type OpenDatabaseOptions = {
  /** A postgres:// URL; when absent the embedded PGlite database is used. */
  url?: string | undefined;
  /** Embedded mode: where PGlite keeps its files; `memory` keeps nothing. */
  dataDir?: string | 'memory';
  /** Pool size of this process's postgres.js client. */
  max?: number;
  /** Server-side `statement_timeout` of every session, in ms; the API sets one, workers do not. */
  statementTimeoutMs?: number;
  /**
   * Count every statement sent (postgres.js's `debug` hook, which also keeps each query's call
   * stack: a few microseconds a statement, so only on request).
   */
  countStatements?: boolean;
};

/**
 * How long one connection attempt may take (seconds), and the pause before the next attempt
 * after a connection was lost. postgres.js backs off up to 20 s by default, during which every
 * waiting query waits too; a short, capped pause keeps an outage visible as quick errors and
 * lets the pool come back within a second of the database.
 */
export const CONNECT_TIMEOUT_S = 1;
export const reconnectBackoff = (retries: number): number => Math.min(0.05 * 2 ** retries, 0.5);

export function parseDatabaseUrl(url: string): ConnectionOptions {
  const u = new URL(url);
  return {
    host: decodeURIComponent(u.hostname) || 'localhost',
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username || 'postgres'),
    password: u.password ? decodeURIComponent(u.password) : undefined,
    database: decodeURIComponent(u.pathname.replace(/^\//, '')) || 'postgres',
    ssl: u.searchParams.get('sslmode') === 'require' || undefined,
  };
}

function connect(
  connection: ConnectionOptions,
  max: number,
  embedded: boolean,
  options: Pick<OpenDatabaseOptions, 'statementTimeoutMs' | 'countStatements'> = {},
): { db: Db; sql: postgres.Sql; statementsSent(): number | null } {
  const { statementTimeoutMs } = options;
  let sent = 0;
  const sql = postgres({
    ...connection,
    // A Unix-socket directory is given as host, as libpq does.
    ...(connection.host.startsWith('/')
      ? { path: join(connection.host, `.s.PGSQL.${connection.port}`) }
      : {}),
    max,
    // PGlite multiplexes every client onto one backend session: named statements would collide.
    prepare: !embedded,
    onnotice: () => {},
    connect_timeout: CONNECT_TIMEOUT_S,
    backoff: reconnectBackoff,
    ...(options.countStatements
      ? {
          debug: () => {
            sent += 1;
          },
        }
      : {}),
    connection: {
      application_name: 'crmflow',
      ...(statementTimeoutMs ? { statement_timeout: statementTimeoutMs } : {}),
    },
  });
  const db = drizzle(sql, { schema, casing: 'snake_case' });
  return { db, sql, statementsSent: () => (options.countStatements ? sent : null) };
}

/**
 * The embedded default: PGlite in this process, served over a Unix socket so that postgres.js
 * and pg-boss talk to it exactly as they talk to a real server — one code path for both. PGlite
 * is one session: the server (embedded/pglite-server.ts) lets connections take turns on it, a
 * transaction at a time. LISTEN/NOTIFY works per connection there, but named prepared statements
 * would collide, hence `prepare: false` above.
 */
async function startEmbedded(dataDir: string) {
  const persistent = dataDir !== 'memory';
  if (persistent) mkdirSync(dataDir, { recursive: true });
  const pglite = await openPglite(persistent ? resolve(dataDir) : undefined);
  const socketDir = mkdtempSync(join(tmpdir(), 'crmflow-'));
  const server = await startPgliteServer({ pglite, path: join(socketDir, '.s.PGSQL.5432') });
  const connection: ConnectionOptions = {
    host: socketDir,
    port: 5432,
    user: 'postgres',
    database: 'postgres',
  };
  return {
    connection,
    async stop() {
      await server.stop();
      await pglite.close();
      rmSync(socketDir, { recursive: true, force: true });
    },
  };
}

export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<Database> {
  const max = options.max ?? 10;
  if (options.url) {
    const connection = parseDatabaseUrl(options.url);
    const { db, sql, statementsSent } = connect(connection, max, false, options);
    return { db, sql, connection, mode: 'postgres', statementsSent, close: () => sql.end({ timeout: 5 }) };
  }
  const embedded = await startEmbedded(options.dataDir ?? '.data/pglite');
  const { db, sql, statementsSent } = connect(embedded.connection, max, true, {
    countStatements: options.countStatements,
  });
  return {
    db,
    sql,
    statementsSent,
    connection: embedded.connection,
    mode: 'embedded',
    async close() {
      await sql.end({ timeout: 5 });
      await embedded.stop();
    },
  };
}
