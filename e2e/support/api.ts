/** The JSON API as a signed-in user, for a journey to prepare data and to check what the UI did. */

export type ApiClient = {
  /** Any request; the answer's status and its JSON body (undefined when empty). */
  call<T>(path: string, init?: { method?: string; body?: unknown }): Promise<{ status: number; body: T }>;
  /** A read that must succeed: throws with the status otherwise. */
  get<T = unknown>(path: string): Promise<T>;
};

export type Credentials = { email: string; password: string };

/** The demo organization's administrator, seeded in every test database. */
export const demoAdmin: Credentials = { email: 'admin@example.com', password: 'admin' };

export async function apiToken(baseUrl: string, credentials: Credentials = demoAdmin): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(credentials),
  });
  const { token } = (await res.json()) as { token: string };
  return token;
}

export async function apiClient(baseUrl: string, credentials: Credentials = demoAdmin): Promise<ApiClient> {
  const token = await apiToken(baseUrl, credentials);
  const call: ApiClient['call'] = async (path, init = {}) => {
    const res = await fetch(`${baseUrl}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        authorization: `Bearer ${token}`,
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
  return {
    call,
    async get<T>(path: string): Promise<T> {
      const res = await call<T>(path);
      if (res.status < 200 || res.status >= 300) throw new Error(`${path} answered ${res.status}`);
      return res.body;
    },
  };
}
