/**
 * What a push carries (see `PushPayload` in the engine) and how the service worker shows it.
 * Pure, so the worker's decisions are tested without a worker.
 */
export type PushMessage = { title: string; body: string; url: string; tag: string | undefined };

const FALLBACK_TITLE = 'crmflow';

/** Reads a push's JSON leniently: a malformed push still shows something rather than nothing. */
export function pushMessageOf(data: unknown): PushMessage {
  const value = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
  const text = (key: string) => (typeof value[key] === 'string' ? (value[key] as string) : '');
  return {
    title: text('title') || FALLBACK_TITLE,
    body: text('body'),
    url: safeAppPath(text('url')),
    tag: text('tag') || undefined,
  };
}

/**
 * Where a click on a push leads: a path of this app only (`/records/order/…`). Anything else —
 * another origin, `//host`, a `javascript:` URL — opens the app's start page instead.
 */
export function safeAppPath(url: string): string {
  if (!url.startsWith('/') || url.startsWith('//') || url.startsWith('/\\')) return '/';
  return url;
}
