import { notifications } from '@crmflow/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness, type TestUser } from '../../test/harness.ts';

describe('notifications API', () => {
  let h: Harness;
  let seller: TestUser;
  let ids: string[];
  beforeAll(async () => {
    h = await startHarness();
    seller = await h.addUser({ role: 'member' });
    const base = Date.parse('2026-05-04T02:00:00Z');
    const rows = await h.database.db
      .insert(notifications)
      .values([
        {
          orgId: h.org.id,
          userId: seller.id,
          message: 'Đơn hàng DH-001 đã giao',
          link: '/records/order/1',
          createdAt: new Date(base),
        },
        {
          orgId: h.org.id,
          userId: seller.id,
          message: 'Bạn được giao nhiệm vụ mới',
          createdAt: new Date(base + 1000),
        },
        {
          orgId: h.org.id,
          userId: seller.id,
          message: 'Khách hàng mới: Công ty An Phát',
          createdAt: new Date(base + 2000),
          readAt: new Date(base + 3000),
        },
        {
          orgId: h.org.id,
          userId: h.admin.id,
          message: 'Thông báo của quản trị viên',
          createdAt: new Date(base),
        },
      ])
      .returning({ id: notifications.id });
    ids = rows.map((row) => row.id);
  });
  afterAll(() => h.close());

  const call = (method: 'GET' | 'POST', url: string, headers = seller.headers) =>
    h.app.inject({ method, url, headers });

  it('lists the user’s own notifications newest first with the unread count, and only unread on request', async () => {
    const all = await call('GET', '/api/notifications');
    expect(all.statusCode).toBe(200);
    expect(all.json().unread).toBe(2);
    expect(all.json().items.map((n: { message: string }) => n.message)).toEqual([
      'Khách hàng mới: Công ty An Phát',
      'Bạn được giao nhiệm vụ mới',
      'Đơn hàng DH-001 đã giao',
    ]);
    expect(all.json().items[2]).toMatchObject({ link: '/records/order/1', readAt: null });
    const unread = await call('GET', '/api/notifications?unread=true');
    expect(unread.json().items.map((n: { id: string }) => n.id)).toEqual([ids[1], ids[0]]);
  });

  it('marks one read, keeping the first reading time, and refuses another user’s (404)', async () => {
    const first = await call('POST', `/api/notifications/${ids[0]}/read`);
    expect(first.statusCode).toBe(200);
    expect(first.json().readAt).toEqual(expect.any(String));
    const again = await call('POST', `/api/notifications/${ids[0]}/read`);
    expect(again.json().readAt).toBe(first.json().readAt);
    expect((await call('GET', '/api/notifications')).json().unread).toBe(1);
    const foreign = await call('POST', `/api/notifications/${ids[3]}/read`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.code).toBe('notification_not_found');
  });

  it('marks all read for the caller only', async () => {
    const res = await call('POST', '/api/notifications/read-all');
    expect(res.json()).toEqual({ updated: 1, unread: 0 });
    expect((await call('GET', '/api/notifications?unread=true')).json()).toEqual({ items: [], unread: 0 });
    expect((await call('GET', '/api/notifications', h.headers)).json().unread).toBe(1);
  });
});
