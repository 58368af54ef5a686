import type { PGlite } from '@electric-sql/pglite';
import type { ClientConnection, WorkUnit } from './client-connection.ts';
import { extractNotifications, protocolMessage, simpleQuery } from './wire-protocol.ts';

/**
 * Rolls back whatever an abandoned connection left: an explicit transaction, or the implicit
 * one of an extended-protocol batch it never synced. If that batch had failed, the session
 * skips everything up to a Sync, so the first ROLLBACK may be ignored: hence the second.
 */
const ABANDON = Buffer.concat([simpleQuery('ROLLBACK'), protocolMessage('S'), simpleQuery('ROLLBACK')]);

export type SessionSchedulerOptions = {
  pglite: PGlite;
  /** Hands the NotificationResponses found in a reply to the connections that listen for them. */
  routeNotifications(notifications: { channel: string; bytes: Buffer }[]): void;
  /**
   * How long a connection may sit idle inside its transaction while others wait for the session
   * before it is cut off (0 = never). Turns a deadlock — code awaiting a query on another
   * connection from inside its transaction — into an error instead of a hang.
   */
  idleInTransactionTimeoutMs: number;
};

/**
 * PGlite runs one session. Connections take turns on it, first come first served, one work
 * unit at a time; but a connection whose unit leaves a transaction or an extended-protocol
 * batch open keeps the session (it is the owner) until it is back to idle, so no statement of
 * another connection ever lands inside its transaction or between its Parse and its Bind.
 */
export class SessionScheduler {
  readonly #options: SessionSchedulerOptions;
  #owner: ClientConnection | null = null;
  #waiting: ClientConnection[] = [];
  #running: Promise<void> | null = null;
  #idleTimer: NodeJS.Timeout | null = null;

  constructor(options: SessionSchedulerOptions) {
    this.#options = options;
  }

  /** A connection has queued work (or closed, which is work when it owns the session). */
  wake(connection: ClientConnection): void {
    if (connection.closed) {
      this.#waiting = this.#waiting.filter((waiting) => waiting !== connection);
      if (connection !== this.#owner) return;
    } else if (connection !== this.#owner && !this.#waiting.includes(connection)) {
      this.#waiting.push(connection);
    }
    this.#running ??= this.#run();
  }

  /** Resolves once nothing is running (the connections may still have work queued). */
  async settled(): Promise<void> {
    while (this.#running) await this.#running;
  }

  async #run(): Promise<void> {
    // Let `wake` store this promise before the loop can finish and clear it.
    await Promise.resolve();
    for (let next = this.#pickNext(); next; next = this.#pickNext()) {
      try {
        if (next.closed) await this.#abandon(next);
        else await this.#runTurn(next);
      } catch (error) {
        // Only a dead session gets here (PGlite closed under us): drop the connection, keep serving.
        this.#owner = null;
        next.fail({ code: 'XX000', message: `embedded database failure: ${describe(error)}` });
      }
    }
    this.#running = null;
    this.#armIdleTimer();
  }

  #pickNext(): ClientConnection | undefined {
    const owner = this.#owner;
    if (owner) return owner.closed || owner.units.length > 0 ? owner : undefined;
    for (let next = this.#waiting.shift(); next; next = this.#waiting.shift()) {
      if (!next.closed && next.units.length > 0) return next;
    }
    return undefined;
  }

  async #runTurn(connection: ClientConnection): Promise<void> {
    this.#clearIdleTimer();
    const unit = connection.nextRun();
    if (unit?.kind === 'terminate') connection.close();
    else if (unit) await this.#runUnit(connection, unit);
    const { pglite } = this.#options;
    this.#owner = connection.openBatch || pglite.isInTransaction() ? connection : null;
    if (!this.#owner && connection.units.length > 0) this.#waiting.push(connection);
  }

  async #runUnit(
    connection: ClientConnection,
    unit: Exclude<WorkUnit, { kind: 'terminate' }>,
  ): Promise<void> {
    try {
      const output = await this.#execute(unit.bytes);
      const { reply, notifications } = extractNotifications(output);
      connection.send(reply);
      if (notifications.length > 0) this.#options.routeNotifications(notifications);
      if (unit.kind === 'statements') connection.openBatch = !unit.endsBatch;
    } catch (error) {
      // PGlite reports SQL errors inside its reply; a throw means the session itself failed.
      connection.fail({ code: 'XX000', message: `embedded database failure: ${describe(error)}` });
    }
  }

  async #abandon(connection: ClientConnection): Promise<void> {
    this.#owner = null;
    if (!connection.openBatch && !this.#options.pglite.isInTransaction()) return;
    try {
      await this.#execute(ABANDON);
    } catch {
      // The session is gone (PGlite closed): nothing is left to roll back.
    }
  }

  /** One unit under PGlite's lock; the reply is copied out of WASM memory as it streams. */
  async #execute(bytes: Uint8Array): Promise<Buffer> {
    const { pglite } = this.#options;
    const chunks: Buffer[] = [];
    await pglite.runExclusive(() =>
      pglite.execProtocolRawStream(bytes, { onRawData: (data) => chunks.push(Buffer.from(data)) }),
    );
    return chunks.length === 1 ? (chunks[0] ?? Buffer.alloc(0)) : Buffer.concat(chunks);
  }

  #armIdleTimer(): void {
    const owner = this.#owner;
    const timeout = this.#options.idleInTransactionTimeoutMs;
    if (!owner || timeout <= 0 || this.#idleTimer) return;
    if (!this.#waiting.some((connection) => !connection.closed && connection.units.length > 0)) return;
    this.#idleTimer = setTimeout(() => {
      this.#idleTimer = null;
      if (this.#owner !== owner || this.#running) return;
      owner.fail({
        code: '25P03',
        message: 'terminating connection due to idle-in-transaction timeout',
        detail: `The embedded database runs one transaction at a time; other connections waited ${timeout} ms for this one.`,
      });
    }, timeout);
    this.#idleTimer.unref();
  }

  #clearIdleTimer(): void {
    if (this.#idleTimer) clearTimeout(this.#idleTimer);
    this.#idleTimer = null;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
