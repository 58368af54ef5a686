import type { Socket } from 'node:net';
import {
  errorResponse,
  type FrontendMessage,
  MessageFramer,
  ProtocolError,
  statementText,
} from './wire-protocol.ts';

/**
 * What a connection asks of the shared PGlite session, in the order it asked. A `statements`
 * unit ends with a simple Query ('Q'), a Sync ('S') or a Flush ('H'): the client waits for an
 * answer after each of those, so each must run as soon as it is that connection's turn.
 */
export type WorkUnit =
  | { kind: 'startup'; bytes: Buffer }
  | { kind: 'statements'; bytes: Buffer; endsBatch: boolean }
  | { kind: 'terminate' };

export type ConnectionEvents = {
  onWork(connection: ClientConnection): void;
  onClosed(connection: ClientConnection): void;
  /** The SQL text of each Query and Parse, so LISTEN can be tracked per connection. */
  onStatement(connection: ClientConnection, sql: string): void;
};

/** Messages after which the client waits for the server's answer. */
const UNIT_ENDINGS = new Set(['Q', 'S', 'H']);

/** One client socket: frames its bytes into work units and writes back what PGlite answers. */
export class ClientConnection {
  static #nextId = 1;
  readonly id = ClientConnection.#nextId++;
  readonly units: WorkUnit[] = [];
  /**
   * A Flush left an extended-protocol batch open (Parse, Describe, Flush … then Bind, Execute,
   * Sync): until its Sync, the unnamed statement and portal in the session are this connection's.
   */
  openBatch = false;
  closed = false;
  #pending: Buffer[] = [];
  readonly #framer = new MessageFramer();

  constructor(
    readonly socket: Socket,
    private readonly events: ConnectionEvents,
  ) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.#receive(chunk));
    // A reset or broken pipe is how a crashed client leaves; `close` follows and cleans up.
    socket.on('error', () => this.close());
    socket.on('close', () => this.close());
  }

  send(bytes: Buffer): void {
    if (!this.closed && this.socket.writable && bytes.length > 0) this.socket.write(bytes);
  }

  /** Sends a FATAL error, as the server does before it drops a connection, then closes. */
  fail(error: { code: string; message: string; detail?: string }): void {
    if (this.closed) return;
    const bytes = errorResponse({ severity: 'FATAL', ...error });
    if (this.socket.writable) this.socket.end(bytes, () => this.socket.destroy());
    this.close();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.units.length = 0;
    this.#pending = [];
    if (!this.socket.writableEnded) this.socket.destroy();
    this.events.onClosed(this);
  }

  /** The next run of work: the start-up packet alone, or every queued statement unit merged. */
  nextRun(): WorkUnit | undefined {
    const first = this.units.shift();
    if (first?.kind !== 'statements') return first;
    const parts = [first.bytes];
    let endsBatch = first.endsBatch;
    for (let next = this.units[0]; next?.kind === 'statements'; next = this.units[0]) {
      this.units.shift();
      parts.push(next.bytes);
      endsBatch = next.endsBatch;
    }
    return { kind: 'statements', bytes: parts.length === 1 ? first.bytes : Buffer.concat(parts), endsBatch };
  }

  #receive(chunk: Buffer): void {
    if (this.closed) return;
    let messages: FrontendMessage[];
    try {
      messages = this.#framer.push(chunk);
    } catch (error) {
      if (!(error instanceof ProtocolError)) throw error;
      this.fail({ code: '08P01', message: error.message });
      return;
    }
    const before = this.units.length;
    for (const message of messages) {
      if (this.closed) return;
      this.#accept(message);
    }
    if (this.units.length > before && !this.closed) this.events.onWork(this);
  }

  #accept(message: FrontendMessage): void {
    switch (message.kind) {
      case 'encryption-request':
        this.socket.write('N');
        return;
      case 'cancel-request':
        // Cancelling would need a second session to interrupt the first; PGlite has only one.
        this.close();
        return;
      case 'unsupported-protocol':
        this.fail({ code: '0A000', message: `unsupported frontend protocol ${message.version >>> 16}` });
        return;
      case 'startup':
        this.units.push({ kind: 'startup', bytes: message.bytes });
        return;
      case 'message':
        this.#acceptMessage(message);
    }
  }

  #acceptMessage(message: { type: string; bytes: Buffer }): void {
    if (message.type === 'X') {
      this.#pending = [];
      this.units.push({ kind: 'terminate' });
      return;
    }
    const sql = statementText(message);
    if (sql !== null) this.events.onStatement(this, sql);
    this.#pending.push(message.bytes);
    if (!UNIT_ENDINGS.has(message.type)) return;
    const bytes = this.#pending.length === 1 ? message.bytes : Buffer.concat(this.#pending);
    this.#pending = [];
    this.units.push({ kind: 'statements', bytes, endsBatch: message.type !== 'H' });
  }
}
