import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { signedInRoutes } from '../test/fixtures.ts';
import { mockApi, ok } from '../test/mock-api.ts';
import { renderApp } from '../test/render-app.tsx';

const VAPID_KEY = 'BP-_AQ';
const endpoint = 'https://fcm.googleapis.com/fcm/send/dien-thoai-1';
const device = {
  id: '14141414-0000-4000-8000-000000000001',
  label: 'Chrome · Android',
  endpoint,
  createdAt: '2026-12-07T09:00:00Z',
  lastPushedAt: null,
};

/** A browser with a service worker and the Push API, whose user answers the permission prompt with `answer`. */
function pushCapableBrowser(answer: NotificationPermission) {
  let subscription: { endpoint: string; toJSON(): object } | null = null;
  const subscribe = vi.fn(async (_options: { applicationServerKey: Uint8Array }) => {
    subscription = { endpoint, toJSON: () => ({ endpoint, keys: { p256dh: 'BEl6', auth: 'c2VjcmV0' } }) };
    return subscription;
  });
  const registration = { pushManager: { getSubscription: async () => subscription, subscribe } };
  vi.stubGlobal('navigator', {
    ...navigator,
    userAgent: 'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/131.0 Mobile Safari/537.36',
    serviceWorker: { ready: Promise.resolve(registration), getRegistration: async () => registration },
  });
  vi.stubGlobal('PushManager', class {});
  vi.stubGlobal('Notification', { permission: 'default', requestPermission: async () => answer });
  return { subscribe };
}

describe('profile: push on this device', () => {
  it('asks permission, subscribes with the server’s key, registers the device and shows it as this one', async () => {
    const browser = pushCapableBrowser('granted');
    let devices: (typeof device)[] = [];
    const api = mockApi([
      ...signedInRoutes(),
      { path: '/api/push/subscriptions', reply: () => ok({ items: devices }) },
      { path: '/api/push/vapid-public-key', reply: () => ok({ publicKey: VAPID_KEY }) },
      {
        method: 'POST',
        path: '/api/push/subscriptions',
        reply: () => {
          devices = [device];
          return { status: 201, body: device };
        },
      },
    ]);
    renderApp('/profile');
    await userEvent.click(await screen.findByRole('button', { name: 'Bật thông báo trên thiết bị này' }));

    await screen.findByText('Thiết bị này đang nhận thông báo.');
    expect([...(browser.subscribe.mock.calls[0]?.[0].applicationServerKey ?? [])]).toEqual([4, 255, 191, 1]);
    const posted = api.calls.find((call) => call.method === 'POST');
    expect(posted?.body).toEqual({
      endpoint,
      keys: { p256dh: 'BEl6', auth: 'c2VjcmV0' },
      label: 'Chrome · Android',
    });
    expect(await screen.findByText('Thiết bị này')).toBeInTheDocument();
  });

  it('says so when the user does not allow notifications, and registers nothing', async () => {
    const browser = pushCapableBrowser('denied');
    const api = mockApi([
      ...signedInRoutes(),
      { path: '/api/push/subscriptions', reply: () => ok({ items: [] }) },
    ]);
    renderApp('/profile');
    await userEvent.click(await screen.findByRole('button', { name: 'Bật thông báo trên thiết bị này' }));
    await screen.findByText(/Bạn chưa cho phép thông báo/);
    expect(browser.subscribe).not.toHaveBeenCalled();
    await waitFor(() => expect(api.calls.some((call) => call.method === 'POST')).toBe(false));
  });
});
