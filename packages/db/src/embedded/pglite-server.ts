import { createServer } from 'node:net';
import type { PGlite } from '@electric-sql/pglite';
import { ClientConnection, type ConnectionEvents } from './client-connection.ts';
import { NotificationRouter } from './notification-router.ts';
import { SessionScheduler } from './session-scheduler.ts';
import { errorResponse } from './wire-protocol.ts';

export type PgliteServerOptions = {
  pglite: PGlite;
  /** The Unix socket to listen on, e.g. `<dir>/.s.PGSQL.5432` so that clients take `<dir>` as host. */
  path: string;
  /** Connections beyond this are refused with `too many clients`, as Postgres does. */
  maxConnections?: number;
  /**
   * How long a connection may stay idle inside a transaction while other connections wait for
   * the session before it is cut off and rolled back; 0 waits forever. Default 30 s.
   */
  idleInTransactionTimeoutMs?: number;
};

export type PgliteServerStats = {
  connections: number;
};

export type PgliteServer = {
  readonly path: string;
  stats(): PgliteServerStats;
  /** Closes every connection (rolling back an open transaction) and stops listening; PGlite stays open. */
  stop(): Promise<void>;
};

/**
 * Serves one PGlite instance to many Postgres clients (postgres.js, pg) over a Unix socket.
 * PGlite is a single session, so the connections take turns on it: each simple query, and each
 * extended-protocol batch up to its Sync, runs whole under PGlite's lock, and a connection that
 * opens a transaction keeps the session to itself until it commits or rolls back.
 *
 * Session state is shared: named prepared statements of two connections would collide (clients
 * must use unnamed ones), a `SET` applies to every connection, and cancel requests are ignored.
 * LISTEN is tracked per connection, so notifications reach only the connections that listen.
 */
export async function startPgliteServer(options: PgliteServerOptions): Promise<PgliteServer> {
  const { pglite, path } = options;
  const maxConnections = options.maxConnections ?? 100;
  const router = new NotificationRouter();
  const scheduler = new SessionScheduler({
    pglite,
    routeNotifications: (notifications) => router.route(notifications),
    idleInTransactionTimeoutMs: options.idleInTransactionTimeoutMs ?? 30_000,
  });
  const connections = new Set<ClientConnection>();
  const events: ConnectionEvents = {
    onWork: (connection) => scheduler.wake(connection),
    onClosed: (connection) => {
      connections.delete(connection);
      router.forget(connection);
      scheduler.wake(connection);
    },
    onStatement: (connection, sql) => router.observe(connection, sql),
  };

  const server = createServer((socket) => {
    if (connections.size >= maxConnections) {
      const refusal = errorResponse({
        severity: 'FATAL',
        code: '53300',
        message: 'sorry, too many clients already',
      });
      socket.on('error', () => socket.destroy());
      socket.end(refusal, () => socket.destroy());
      return;
    }
    connections.add(new ClientConnection(socket, events));
  });

  await pglite.waitReady;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => {
      server.off('error', reject);
      resolve();
    });
  });

  return {
    path,
    stats: () => ({ connections: connections.size }),
    async stop() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const connection of [...connections]) connection.close();
      await scheduler.settled();
      await closed;
    },
  };
}
