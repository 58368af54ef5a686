/// <reference lib="webworker" />
import { clientsClaim } from 'workbox-core';
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  type PrecacheEntry,
  precacheAndRoute,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { pushMessageOf } from './push-display.ts';

/** `__WB_MANIFEST` is replaced at build by the list of the app's files (vite-plugin-pwa). */
declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (PrecacheEntry | string)[] };

// The app shell, precached at install: the app opens on a phone with a poor connection.
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
// Client-side routes get the shell; the API and the operators' endpoints go to the network.
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('/index.html'), {
    denylist: [/^\/api(\/|$)/, /^\/(healthz|readyz|metrics)$/],
  }),
);
// A new release takes over at once instead of waiting for every tab to close.
void self.skipWaiting();
clientsClaim();

self.addEventListener('push', (event) => {
  let data: unknown = null;
  try {
    data = event.data?.json();
  } catch {
    data = { body: event.data?.text() ?? '' };
  }
  const message = pushMessageOf(data);
  event.waitUntil(
    self.registration.showNotification(message.title, {
      body: message.body,
      tag: message.tag,
      icon: '/icon-192.png',
      badge: '/icon-192.png',
      data: { url: message.url },
    }),
  );
});

/** A click opens the record: in a window of the app already open if there is one, else a new one. */
self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const { url } = pushMessageOf({ url: (event.notification.data as { url?: unknown } | null)?.url });
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
      const open = windows.find((client) => new URL(client.url).origin === self.location.origin);
      if (open) {
        await open.focus();
        await open.navigate(url);
        return;
      }
      await self.clients.openWindow(url);
    })(),
  );
});
