import postgres from 'postgres';
import { CONNECT_TIMEOUT_S, type ConnectionOptions, type Database } from './connection.ts';

/** Connection-level failures of postgres.js and of the socket under it. */
const connectionCodes = new Set([
  'CONNECTION_CLOSED',
  'CONNECTION_DESTROYED',
  'CONNECTION_ENDED',
  'CONNECT_TIMEOUT',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

/** SQLSTATEs that mean the server cannot serve us now, not that the statement is wrong. */
const unavailableStates = new Set([
  '57P01', // admin_shutdown (pg_terminate_backend, fast shutdown)
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, shutting down, recovering)
  '53300', // too_many_connections
  '57014', // query_canceled: the statement_timeout ran out
]);

function codeOf(error: object): string | undefined {
  return 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

/**
 * Whether an error (or any error in its `cause` chain, as drizzle wraps them) says the database
 * is unreachable or refusing sessions, rather than that the request or the statement was wrong.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error, depth = 0; typeof e === 'object' && e !== null && depth < 5; depth++) {
    const code = codeOf(e);
    if (code) {
      if (connectionCodes.has(code) || unavailableStates.has(code) || code.startsWith('08')) return true;
      // `ALLOW_CONNECTIONS false`: FATAL 55000 "database … is not currently accepting connections".
      if (code === '55000' && 'severity' in e && e.severity === 'FATAL') return true;
    }
    e = 'cause' in e ? e.cause : undefined;
  }
  return false;
}

export type DatabaseWatch = {
  /** The last verdict: false from the first connection failure until a probe succeeds again. */
  available(): boolean;
  /** Asks the database now; false when it does not answer within `timeoutMs`. */
  check(timeoutMs?: number): Promise<boolean>;
  /** A request saw a connection failure: stop waiting for the next probe to say so. */
  reportFailure(): void;
  stop(): Promise<void>;
};

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * Keeps an eye on the database from one connection of its own, outside the pool: a pool full of
 * slow requests must not read as an outage, and a probe stuck behind them would. The API answers
 * 503 at once while the verdict is "unavailable", and the probe lifts it within `intervalMs` of
 * the database answering again. The embedded database lives in this process: always available.
 */
export function watchDatabase(
  database: Pick<Database, 'mode' | 'connection' | 'sql'>,
  options: { intervalMs?: number; timeoutMs?: number } = {},
): DatabaseWatch {
  const intervalMs = options.intervalMs ?? 500;
  const defaultTimeout = options.timeoutMs ?? 800;
  if (database.mode === 'embedded') {
    return {
      available: () => true,
      async check(timeoutMs = defaultTimeout) {
        const answer = await withTimeout(
          database.sql`select 1`.then(() => true).catch(() => false),
          timeoutMs,
        );
        return answer === true;
      },
      reportFailure() {},
      async stop() {},
    };
  }
  const probe = probeClient(database.connection);
  let up = true;
  let stopped = false;
  let inFlight: Promise<boolean> | null = null;
  const check = async (timeoutMs = defaultTimeout): Promise<boolean> => {
    inFlight ??= probe`select 1`
      .then(() => true)
      .catch(() => false)
      .finally(() => {
        inFlight = null;
      });
    const answer = await withTimeout(inFlight, timeoutMs);
    up = answer === true;
    return up;
  };
  const timer = setInterval(() => {
    if (!stopped) void check();
  }, intervalMs);
  timer.unref();
  return {
    available: () => up,
    check,
    reportFailure() {
      up = false;
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      await probe.end({ timeout: 1 });
    },
  };
}

function probeClient(connection: ConnectionOptions): postgres.Sql {
  return postgres({
    ...connection,
    max: 1,
    prepare: false,
    connect_timeout: CONNECT_TIMEOUT_S,
    backoff: () => 0,
    idle_timeout: 0,
    onnotice: () => {},
    connection: { application_name: 'crmflow-probe', statement_timeout: 1000 },
  });
}
