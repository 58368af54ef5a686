import { randomUUID } from 'node:crypto';
import type { Database } from '@crmflow/db';
import type { FastifyBaseLogger } from 'fastify';
import { z } from 'zod';
import type { NotificationStream } from './notification-stream.ts';
import { NOTIFICATION_CHANNEL } from './notifications.service.ts';

/** Without LISTEN, each open stream looks for new notifications this often. */
export const POLL_MS = 2_000;
/** How long the hub waits for its own test signal before it decides LISTEN does not deliver. */
const PROBE_MS = 1_500;

const Signal = z.object({
  orgId: z.string().optional(),
  userId: z.string().optional(),
  probe: z.string().optional(),
});

type Mode = 'starting' | 'listen' | 'poll';

/**
 * Delivers new notifications to the open streams of this API process. The engine inserts a
 * row and signals `pg_notify('crmflow_notifications', { orgId, userId, id })`; the hub
 * LISTENs and refreshes that user's streams. LISTEN may succeed and still deliver nothing
 * (the embedded database), so the hub sends itself a test signal first, and falls back to
 * polling every POLL_MS per stream when it does not come back.
 */
export class NotificationHub {
  private readonly database: Database;
  private readonly log: FastifyBaseLogger;
  private readonly streams = new Set<NotificationStream>();
  private readonly pollers = new Map<NotificationStream, NodeJS.Timeout>();
  private mode: Mode | null = null;
  private starting: Promise<void> | null = null;
  private unlisten: (() => Promise<void>) | null = null;
  private probe: { token: string; arrived: () => void } | null = null;
  private listens = 0;

  constructor(args: { database: Database; log: FastifyBaseLogger }) {
    this.database = args.database;
    this.log = args.log;
  }

  get delivery(): Mode | null {
    return this.mode;
  }

  async add(stream: NotificationStream): Promise<void> {
    this.streams.add(stream);
    this.starting ??= this.start();
    await this.starting;
    if (stream.closed) {
      this.remove(stream);
      return;
    }
    if (this.mode === 'poll') this.poll(stream);
    await this.refresh(stream);
  }

  remove(stream: NotificationStream): void {
    this.streams.delete(stream);
    clearInterval(this.pollers.get(stream));
    this.pollers.delete(stream);
    stream.close();
  }

  /** Refreshes the recipient's streams in this process (after a change made here). */
  nudge(recipient: { orgId: string; userId: string }): void {
    for (const stream of this.streams) {
      const { orgId, userId } = stream.recipient;
      if (orgId === recipient.orgId && userId === recipient.userId) void this.refresh(stream);
    }
  }

  async close(): Promise<void> {
    for (const stream of [...this.streams]) this.remove(stream);
    await this.unlisten?.().catch(() => {});
    this.unlisten = null;
  }

  private async start(): Promise<void> {
    this.mode = 'starting';
    try {
      const listener = await this.database.sql.listen(
        NOTIFICATION_CHANNEL,
        (payload) => this.onSignal(payload),
        () => this.onListen(),
      );
      this.unlisten = () => listener.unlisten();
      if (await this.probeListen()) {
        this.mode = 'listen';
        return;
      }
      await this.unlisten();
      this.unlisten = null;
      this.log.info('LISTEN delivers nothing on this database; notification streams poll instead');
    } catch (error) {
      this.log.warn({ err: error }, 'LISTEN failed; notification streams poll instead');
    }
    this.mode = 'poll';
    for (const stream of this.streams) this.poll(stream);
  }

  private async probeListen(): Promise<boolean> {
    const token = randomUUID();
    const arrived = new Promise<boolean>((resolve) => {
      this.probe = { token, arrived: () => resolve(true) };
      setTimeout(() => resolve(false), PROBE_MS).unref();
    });
    await this.database.sql`select pg_notify(${NOTIFICATION_CHANNEL}, ${JSON.stringify({ probe: token })})`;
    const ok = await arrived;
    this.probe = null;
    return ok;
  }

  /** postgres.js listens again by itself after a lost connection; signals sent meanwhile are caught up. */
  private onListen(): void {
    this.listens += 1;
    if (this.listens > 1) for (const stream of this.streams) void this.refresh(stream);
  }

  private onSignal(payload: string): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(payload);
    } catch {
      return;
    }
    const signal = Signal.safeParse(parsed);
    if (!signal.success) return;
    const { probe, orgId, userId } = signal.data;
    if (probe && probe === this.probe?.token) this.probe.arrived();
    if (orgId && userId) this.nudge({ orgId, userId });
  }

  private poll(stream: NotificationStream): void {
    if (this.pollers.has(stream)) return;
    this.pollers.set(
      stream,
      setInterval(() => void this.refresh(stream), POLL_MS),
    );
  }

  private async refresh(stream: NotificationStream): Promise<void> {
    try {
      await stream.refresh();
    } catch (error) {
      this.log.warn({ err: error }, 'a notification stream could not refresh');
    }
  }
}
