import { vi } from 'vitest';

export interface ApiCallRecord {
  method: string;
  url: URL;
  body: unknown;
  headers: Headers;
}

export interface MockReply {
  status?: number;
  body?: unknown;
}

export interface MockRoute {
  method?: string;
  /** Matched against the pathname; a string must be equal, a RegExp must match. */
  path: string | RegExp;
  reply: (call: ApiCallRecord) => MockReply | Promise<MockReply>;
}

const json = (reply: MockReply) =>
  new Response(reply.body === undefined ? null : JSON.stringify(reply.body), {
    status: reply.status ?? 200,
    headers: reply.body === undefined ? {} : { 'Content-Type': 'application/json' },
  });

/**
 * Replaces `fetch` with a small router answering contract-shaped JSON. Later routes win, so a test
 * can override one answer of a shared set. Unknown calls answer 404 the way the API does.
 */
export function mockApi(routes: MockRoute[]) {
  const calls: ApiCallRecord[] = [];
  const table = [...routes];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input instanceof Request ? input.url : input), 'http://localhost');
    const method = (init?.method ?? 'GET').toUpperCase();
    const body = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    const call = { method, url, body, headers: new Headers(init?.headers) };
    calls.push(call);
    const route = [...table]
      .reverse()
      .find(
        (candidate) =>
          (candidate.method ?? 'GET') === method &&
          (typeof candidate.path === 'string'
            ? candidate.path === url.pathname
            : candidate.path.test(url.pathname)),
      );
    if (!route)
      return json({ status: 404, body: { error: { code: 'not_found', message: 'Không tìm thấy' } } });
    return json(await route.reply(call));
  });
  vi.stubGlobal('fetch', fetchMock);
  return {
    calls,
    /** Adds a route that takes precedence over the ones given so far. */
    use(route: MockRoute) {
      table.push(route);
    },
    /** Calls to one path, e.g. every list request of a module. */
    callsTo(method: string, path: string | RegExp) {
      return calls.filter(
        (call) =>
          call.method === method &&
          (typeof path === 'string' ? call.url.pathname === path : path.test(call.url.pathname)),
      );
    },
  };
}

export const ok = (body: unknown): MockReply => ({ status: 200, body });
export const apiError = (
  status: number,
  error: { code: string; message: string; details?: unknown },
): MockReply => ({
  status,
  body: { error },
});
