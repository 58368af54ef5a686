import type { ServerResponse } from 'node:http';
import type { AppNotification, UnreadCount } from '@crmflow/contracts';
import type { Db } from '@crmflow/db';
import { notificationsSince, type Recipient, toNotification, unreadCount } from './notifications.service.ts';

/** A comment line every so often keeps proxies and browsers from closing an idle stream. */
export const HEARTBEAT_MS = 25_000;
/** Notifications may commit a little after their `createdAt`; the window looks back this far. */
const LOOK_BACK_MS = 10 * 60_000;

/**
 * One open Server-Sent Events response of one user. `refresh` sends the notifications created
 * since the stream opened that it has not sent yet, then the unread count when it changed;
 * it is what both a LISTEN signal and the polling fallback call.
 */
export class NotificationStream {
  readonly recipient: Recipient;
  private readonly db: Db;
  private readonly response: ServerResponse;
  private readonly sent = new Map<string, number>();
  private since: Date;
  private lastUnread: number | null = null;
  private heartbeat: NodeJS.Timeout | undefined;
  private running: Promise<void> | null = null;
  private pending = false;
  closed = false;

  constructor(args: { db: Db; response: ServerResponse; recipient: Recipient }) {
    this.db = args.db;
    this.response = args.response;
    this.recipient = args.recipient;
    this.since = new Date(Date.now() - LOOK_BACK_MS);
  }

  /**
   * Takes what is there as known (the client lists it itself). Called before the response
   * starts, so a failure here is still an ordinary error response.
   */
  async prime(): Promise<void> {
    const existing = await notificationsSince({ db: this.db, recipient: this.recipient, since: this.since });
    for (const row of existing) this.sent.set(row.id, row.createdAt.getTime());
  }

  /** The event-stream headers and the heartbeat; a notification made after this is sent on the stream. */
  start(): void {
    this.response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    this.response.write('retry: 5000\n\n');
    this.heartbeat = setInterval(() => this.write(': heartbeat\n\n'), HEARTBEAT_MS);
  }

  /** Runs one refresh at a time; a signal during a refresh runs another right after it. */
  refresh(): Promise<void> {
    if (this.running) {
      this.pending = true;
      return this.running;
    }
    this.running = this.refreshOnce().finally(() => {
      this.running = null;
      if (this.pending && !this.closed) {
        this.pending = false;
        void this.refresh();
      }
    });
    return this.running;
  }

  private async refreshOnce(): Promise<void> {
    if (this.closed) return;
    const rows = await notificationsSince({ db: this.db, recipient: this.recipient, since: this.since });
    for (const row of rows) {
      if (this.sent.has(row.id)) continue;
      this.sent.set(row.id, row.createdAt.getTime());
      this.send('notification', toNotification(row));
    }
    const unread = await unreadCount({ db: this.db, recipient: this.recipient });
    if (unread !== this.lastUnread) {
      this.lastUnread = unread;
      this.send('unread', { unread });
    }
    this.forgetOld();
  }

  /** Keeps the memory of sent ids bounded: what is older than the look-back window is never asked for again. */
  private forgetOld(): void {
    const horizon = Date.now() - LOOK_BACK_MS;
    if (horizon <= this.since.getTime()) return;
    this.since = new Date(horizon);
    for (const [id, createdAt] of this.sent) if (createdAt <= horizon) this.sent.delete(id);
  }

  private send(event: 'notification' | 'unread', data: AppNotification | UnreadCount): void {
    this.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  private write(chunk: string): void {
    if (!this.closed && this.response.writable) this.response.write(chunk);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.heartbeat);
    if (!this.response.writableEnded) this.response.end();
  }
}
