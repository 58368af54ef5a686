import { notifications } from '@crmflow/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOTIFICATION_CHANNEL } from './notifications.service.ts';
import { type ListenBehaviour, type StreamApp, startStreamApp } from './stream-app.testing.ts';

type Event = { event: string; data: unknown };

/** Reads an event stream over real HTTP and collects its events as they arrive. */
async function openStream(url: string, headers: Record<string, string>) {
  const abort = new AbortController();
  const res = await fetch(url, { headers, signal: abort.signal });
  const events: Event[] = [];
  const decoder = new TextDecoder();
  let buffer = '';
  const reading = (async () => {
    if (!res.body) return;
    try {
      for await (const chunk of res.body) {
        buffer += decoder.decode(chunk, { stream: true });
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.+)$/m.exec(block)?.[1];
          const data = /^data: (.+)$/m.exec(block)?.[1];
          if (event && data) events.push({ event, data: JSON.parse(data) });
          end = buffer.indexOf('\n\n');
        }
      }
    } catch {
      // aborted
    }
  })();
  const waitFor = async (match: (event: Event) => boolean, timeoutMs = 8000) => {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const found = events.find(match);
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`no matching event; got ${JSON.stringify(events)}`);
  };
  return { res, events, waitFor, close: () => abort.abort(), reading };
}

describe.each<[string, ListenBehaviour]>([
  ['LISTEN of the database', 'database'],
  ['polling, LISTEN refused', 'refused'],
  ['polling, LISTEN silent', 'silent'],
])('notification stream over a listening server, %s', (_name, behaviour) => {
  let h: StreamApp;
  let base: string;
  let otherUserId: string;
  beforeAll(async () => {
    h = await startStreamApp(behaviour);
    base = h.baseUrl;
    otherUserId = h.otherUserId;
  });
  afterAll(() => h.close());

  /** What the engine does: insert the row and signal it, in one transaction. */
  const notify = (userId: string, message: string) =>
    h.database.sql.begin(async (tx) => {
      const [row] =
        await tx`insert into notifications (org_id, user_id, message) values (${h.orgId}, ${userId}, ${message}) returning id`;
      const payload = JSON.stringify({ orgId: h.orgId, userId, id: row?.id });
      await tx`select pg_notify(${NOTIFICATION_CHANNEL}, ${payload})`;
    });

  it('refuses an anonymous caller', async () => {
    const res = await fetch(`${base}/api/notifications/stream`);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { code: 'unauthenticated' } });
  });

  it('sends the unread count, then a notification made after connecting, and not other users’ ones', async () => {
    await h.database.db
      .insert(notifications)
      .values({ orgId: h.orgId, userId: h.userId, message: 'Cũ, chưa đọc' });
    const stream = await openStream(`${base}/api/notifications/stream`, h.headers);
    expect(stream.res.status).toBe(200);
    expect(stream.res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect((await stream.waitFor((e) => e.event === 'unread')).data).toEqual({ unread: 1 });

    await notify(otherUserId, 'Không phải của bạn');
    await notify(h.userId, 'Đơn hàng DH-0042 đã giao');
    const arrived = await stream.waitFor((e) => e.event === 'notification');
    expect(arrived.data).toMatchObject({ message: 'Đơn hàng DH-0042 đã giao', readAt: null, link: null });
    await stream.waitFor((e) => e.event === 'unread' && JSON.stringify(e.data) === '{"unread":2}');
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(
      stream.events
        .filter((e) => e.event === 'notification')
        .map((e) => (e.data as { message: string }).message),
    ).toEqual(['Đơn hàng DH-0042 đã giao']);

    const read = await fetch(`${base}/api/notifications/read-all`, { method: 'POST', headers: h.headers });
    expect(await read.json()).toEqual({ updated: 2, unread: 0 });
    await stream.waitFor((e) => e.event === 'unread' && JSON.stringify(e.data) === '{"unread":0}');
    stream.close();
    await stream.reading;
  });

  it('lets the server close while a stream is open', async () => {
    const stream = await openStream(`${base}/api/notifications/stream`, h.headers);
    await stream.waitFor((e) => e.event === 'unread');
    // Without the streams ending first the server would wait for them forever; the bound leaves
    // room for the test client's own idle sockets, which it keeps for up to 4 s.
    const closing = h.app.close().then(() => 'closed');
    const outcome = await Promise.race([
      closing,
      new Promise((resolve) => setTimeout(() => resolve('stuck'), 10_000)),
    ]);
    expect(outcome).toBe('closed');
    await stream.reading;
  });
});
