/**
 * Registers the service worker (`/sw.js`, built from `sw.ts`) in a production build: it makes
 * the app installable and shows Web Push notifications. Registered from this module rather than
 * an inline script, so a strict Content-Security-Policy needs no exception for it.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {
      // No worker (private mode, an old browser): the app works the same, without push.
    });
  });
}
