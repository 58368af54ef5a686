import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppNotification } from '../api/notifications.ts';
import { signedInRoutes } from '../test/fixtures.ts';
import { mockApi, ok } from '../test/mock-api.ts';
import { renderApp } from '../test/render-app.tsx';

/** Stands in for the browser's EventSource: the test decides what the server sends. */
class FakeEventSource extends EventTarget {
  static last: FakeEventSource | null = null;
  readonly url: string;
  closed = false;
  constructor(url: string) {
    super();
    this.url = url;
    FakeEventSource.last = this;
  }
  close() {
    this.closed = true;
  }
  emit(type: string, data: unknown) {
    act(() => {
      this.dispatchEvent(new MessageEvent(type, { data: JSON.stringify(data) }));
    });
  }
}

const note = (overrides: Partial<AppNotification> = {}): AppNotification => ({
  id: '12121212-0000-4000-8000-000000000001',
  message: 'Đơn hàng ĐH-0001 đã giao',
  link: '/records/order/cccccccc-0000-4000-8000-000000000001',
  readAt: null,
  createdAt: '2025-03-16T09:30:00.000Z',
  ...overrides,
});

beforeEach(() => {
  FakeEventSource.last = null;
  vi.stubGlobal('EventSource', FakeEventSource);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

function setup(items: AppNotification[] = [note()], unread = 1) {
  const api = mockApi([
    ...signedInRoutes(),
    { path: '/api/workflows', reply: () => ok({ items: [], limits: {} }) },
    { path: '/api/notifications', reply: () => ok({ items, unread }) },
    { method: 'POST', path: /^\/api\/notifications\/.+\/read$/, reply: () => ({ status: 204 }) },
    { method: 'POST', path: '/api/notifications/read-all', reply: () => ({ status: 204 }) },
  ]);
  return { api, ...renderApp('/workflows') };
}

const count = () => screen.queryByTestId('notification-count')?.textContent ?? null;

describe('notifications bell', () => {
  it('counts unread notifications and follows the live stream', async () => {
    setup();
    await waitFor(() => expect(count()).toBe('1'));
    expect(FakeEventSource.last?.url).toBe('/api/notifications/stream');

    FakeEventSource.last?.emit(
      'notification',
      note({
        id: '12121212-0000-4000-8000-000000000002',
        message: 'Nhiệm vụ mới: Gọi chăm sóc ĐH-0002',
        link: '/records/task/t-2',
      }),
    );
    FakeEventSource.last?.emit('unread', { unread: 2 });
    await waitFor(() => expect(count()).toBe('2'));
    expect(screen.getByRole('button', { name: 'Thông báo: 2 chưa đọc' })).toBeInTheDocument();

    FakeEventSource.last?.emit('unread', { unread: 0 });
    await waitFor(() => expect(count()).toBeNull());
    expect(screen.getByRole('button', { name: 'Thông báo' })).toBeInTheDocument();
  });

  it('adds each notification once, and takes the count only from the server', async () => {
    const { user } = setup();
    await waitFor(() => expect(count()).toBe('1'));
    // The count may come before the notification that changed it: it must not be counted twice.
    FakeEventSource.last?.emit('unread', { unread: 2 });
    FakeEventSource.last?.emit(
      'notification',
      note({ id: '12121212-0000-4000-8000-000000000002', message: 'Nhiệm vụ mới' }),
    );
    FakeEventSource.last?.emit(
      'notification',
      note({ id: '12121212-0000-4000-8000-000000000002', message: 'Nhiệm vụ mới' }),
    );
    FakeEventSource.last?.emit('notification', note());
    await user.click(screen.getByRole('button', { name: /Thông báo/ }));
    expect(screen.getAllByTestId('notification-item')).toHaveLength(2);
    expect(count()).toBe('2');
  });

  it('lists the latest notifications, newest first, linking to their target', async () => {
    const { user, router } = setup();
    await waitFor(() => expect(count()).toBe('1'));
    FakeEventSource.last?.emit(
      'notification',
      note({
        id: '12121212-0000-4000-8000-000000000002',
        message: 'Nhiệm vụ mới',
        link: '/records/task/t-2',
      }),
    );
    await user.click(screen.getByRole('button', { name: /Thông báo/ }));
    const items = screen.getAllByTestId('notification-item');
    expect(items.map((item) => within(item).getByRole('link').textContent)).toEqual([
      'Nhiệm vụ mới',
      'Đơn hàng ĐH-0001 đã giao',
    ]);
    await user.click(within(items[1]!).getByRole('link'));
    expect(router.state.location.pathname).toBe('/records/order/cccccccc-0000-4000-8000-000000000001');
    expect(screen.queryByTestId('notification-item')).not.toBeInTheDocument();
  });

  it('marks one notification read, then all', async () => {
    const { api, user } = setup(
      [note(), note({ id: '12121212-0000-4000-8000-000000000002', message: 'Nhiệm vụ mới' })],
      2,
    );
    await waitFor(() => expect(count()).toBe('2'));
    await user.click(screen.getByRole('button', { name: /Thông báo/ }));
    const first = screen.getAllByTestId('notification-item')[0]!;
    await user.click(within(first).getByRole('button', { name: 'Đánh dấu đã đọc' }));
    await waitFor(() => expect(count()).toBe('1'));
    await waitFor(() =>
      expect(
        api.callsTo('POST', '/api/notifications/12121212-0000-4000-8000-000000000001/read'),
      ).toHaveLength(1),
    );

    await user.click(screen.getByRole('button', { name: 'Đánh dấu tất cả đã đọc' }));
    await waitFor(() => expect(count()).toBeNull());
    await waitFor(() => expect(api.callsTo('POST', '/api/notifications/read-all')).toHaveLength(1));
    expect(screen.getByRole('button', { name: 'Đánh dấu tất cả đã đọc' })).toBeDisabled();
  });

  it('closes the stream when the user leaves the signed-in screens', async () => {
    const { unmount } = setup();
    await waitFor(() => expect(FakeEventSource.last).not.toBeNull());
    const source = FakeEventSource.last;
    unmount();
    expect(source?.closed).toBe(true);
  });
});
