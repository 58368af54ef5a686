import { mkdtempSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { openPglite } from './pglite-instance.ts';
import { type PgliteServer, startPgliteServer } from './pglite-server.ts';
import { protocolMessage, simpleQuery } from './wire-protocol.ts';

/** An in-memory PGlite behind our socket server, for the server's own tests. */
export type ServerFixture = {
  pglite: PGlite;
  server: PgliteServer;
  /** The socket's directory, which clients take as host, with port 5432. */
  host: string;
  socketPath: string;
  /** A postgres.js pool configured as connection.ts configures it in embedded mode. */
  postgresPool(max: number): postgres.Sql;
  close(): Promise<void>;
};

export async function startServerFixture(
  options: { idleInTransactionTimeoutMs?: number; maxConnections?: number } = {},
): Promise<ServerFixture> {
  const pglite = await openPglite();
  const host = mkdtempSync(join(tmpdir(), 'crmflow-server-'));
  const socketPath = join(host, '.s.PGSQL.5432');
  const server = await startPgliteServer({ pglite, path: socketPath, ...options });
  const pools: postgres.Sql[] = [];
  return {
    pglite,
    server,
    host,
    socketPath,
    postgresPool(max) {
      const sql = postgres({ path: socketPath, max, prepare: false, onnotice: () => {} });
      pools.push(sql);
      return sql;
    },
    async close() {
      await Promise.all(pools.map((sql) => sql.end({ timeout: 1 })));
      await server.stop();
      await pglite.close();
      rmSync(host, { recursive: true, force: true });
    },
  };
}

/**
 * A client that writes protocol bytes by hand, to leave the session in states the drivers
 * never would (a batch flushed and then abandoned) and to kill its socket at a chosen moment.
 */
export class RawClient {
  readonly socket: Socket;
  #received = Buffer.alloc(0);
  #onData: (() => void) | null = null;

  private constructor(socket: Socket) {
    this.socket = socket;
    socket.on('data', (chunk: Buffer) => {
      this.#received = Buffer.concat([this.#received, chunk]);
      this.#onData?.();
    });
  }

  static async connect(socketPath: string): Promise<RawClient> {
    const socket = connect(socketPath);
    await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
    const client = new RawClient(socket);
    const params = Buffer.from('user\0postgres\0database\0postgres\0\0', 'utf8');
    const startup = Buffer.alloc(8);
    startup.writeInt32BE(8 + params.length, 0);
    startup.writeInt32BE(196_608, 4);
    socket.write(Buffer.concat([startup, params]));
    await client.waitFor('Z');
    return client;
  }

  /** Resolves with everything received once a message of one of `types` has arrived. */
  waitFor(types: string): Promise<Buffer> {
    return new Promise((resolve) => {
      const check = () => {
        for (let offset = 0; offset + 5 <= this.#received.length; ) {
          const end = offset + 1 + this.#received.readInt32BE(offset + 1);
          if (end > this.#received.length) return;
          if (types.includes(String.fromCharCode(this.#received[offset] ?? 0))) {
            const received = this.#received.subarray(0, end);
            this.#received = this.#received.subarray(end);
            this.#onData = null;
            resolve(received);
            return;
          }
          offset = end;
        }
      };
      this.#onData = check;
      check();
    });
  }

  query(sql: string): Promise<Buffer> {
    this.socket.write(simpleQuery(sql));
    return this.waitFor('Z');
  }

  /**
   * Parse, Bind and Execute an unnamed statement, then Flush instead of Sync: the batch stays
   * open, and if the statement failed the session now skips everything up to a Sync.
   */
  flushedStatement(sql: string): Promise<Buffer> {
    const parse = protocolMessage('P', Buffer.from(`\0${sql}\0\0\0`, 'utf8'));
    const bind = protocolMessage('B', Buffer.from([0, 0, 0, 0, 0, 0, 0, 0]));
    const execute = protocolMessage('E', Buffer.from([0, 0, 0, 0, 0]));
    this.socket.write(Buffer.concat([parse, bind, execute, protocolMessage('H')]));
    return this.waitFor('CE');
  }

  terminate(): void {
    this.socket.end(protocolMessage('X'));
  }
}
