import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Access, authorizationMatrix } from './authorization-matrix.ts';
import { type StaffedHarness, startHarness, type TestTenant, type TestUser } from './harness.ts';

type Caller = 'anonymous' | 'member' | 'manager' | 'admin' | 'otherOrgAdmin';
const callers: Caller[] = ['anonymous', 'member', 'manager', 'otherOrgAdmin', 'admin'];
const rank = { member: 1, manager: 2, admin: 3 } as const;

/**
 * What each caller must get, from the route's access level: anonymous 401 (unless public), a
 * role below the level 403, a role at or above it anything but 401/403/5xx, and another
 * organization's admin never a 2xx on this organization's resource (404 where no body is read).
 */
function expectation(access: Access, caller: Caller, namesResource: boolean, hasBody: boolean) {
  if (caller === 'anonymous') return access === 'public' ? 'allowed' : 401;
  if (caller === 'otherOrgAdmin') {
    if (!namesResource) return 'allowed';
    return hasBody ? 'refused' : 404;
  }
  if (access === 'public') return 'allowed';
  return rank[caller] >= rank[access] ? 'allowed' : 403;
}

describe('authorization matrix, from the route table', () => {
  const h = {} as StaffedHarness & { other: TestTenant; victim: TestUser };
  const fixtures: Record<string, string> = {};
  beforeAll(async () => {
    Object.assign(h, await startHarness());
    h.member = await h.addUser({ role: 'member' });
    h.manager = await h.addUser({ role: 'manager' });
    h.victim = await h.addUser({ role: 'member' });
    h.other = await h.addOrganization('Công ty Khác');
    const record = await h.call('POST', '/api/records/contact', { data: { name: 'Khách của A' } });
    fixtures.records = record.json().id;
    const workflow = await h.call('POST', '/api/workflows', {
      module: 'contact',
      kind: 'event',
      name: 'Quy trình của A',
    });
    fixtures.workflows = workflow.json().id;
    fixtures.users = h.victim.id;
  });
  afterAll(() => h.close?.());

  /** The path with its parameters filled: this organization's resources where there are some. */
  const fill = (url: string): { path: string; namesResource: boolean } => {
    const prefix = url.split('/')[2] ?? '';
    let namesResource = false;
    const path = url.replace(/:(\w+)/g, (_whole, name: string) => {
      if (name === 'module') return 'contact';
      if (name === 'version' || name === 'index') return '1';
      if (name === 'id' && fixtures[prefix]) {
        namesResource = true;
        return fixtures[prefix];
      }
      return randomUUID();
    });
    return { path, namesResource };
  };

  it('has an entry for every route, and no entry for a route that is gone', () => {
    const routes = h.app.apiRoutes.map((r) => `${r.method} ${r.url}`);
    const missing = routes.filter((key) => !(key in authorizationMatrix));
    // Add each as one line to apps/server/src/test/authorization-matrix.ts.
    expect(missing, `routes without an entry in authorization-matrix.ts:\n${missing.join('\n')}`).toEqual([]);
    expect(Object.keys(authorizationMatrix).filter((key) => !routes.includes(key))).toEqual([]);
  });

  it('answers every route × caller as its entry says', async () => {
    const headersOf: Record<Caller, Record<string, string>> = {
      anonymous: {},
      member: h.member.headers,
      manager: h.manager.headers,
      admin: h.admin.headers,
      otherOrgAdmin: h.other.admin.headers,
    };
    const wrong: string[] = [];
    for (const route of h.app.apiRoutes) {
      const access = authorizationMatrix[`${route.method} ${route.url}`];
      if (!access) continue;
      const { path, namesResource } = fill(route.url);
      const hasBody = ['POST', 'PUT', 'PATCH'].includes(route.method);
      for (const caller of callers) {
        // As a stream: the notification stream answers its status and then stays open.
        const controller = new AbortController();
        const res = await h.app.inject({
          method: route.method as 'GET',
          url: path,
          headers: headersOf[caller],
          payloadAsStream: true,
          signal: controller.signal,
          ...(hasBody ? { payload: {} } : {}),
        });
        controller.abort();
        const expected = expectation(access, caller, namesResource, hasBody);
        const status = res.statusCode;
        const ok =
          expected === 'allowed'
            ? status !== 401 && status !== 403 && status < 500
            : expected === 'refused'
              ? status >= 400 && status < 500 && status !== 401
              : status === expected;
        if (!ok) wrong.push(`${route.method} ${route.url} as ${caller}: ${status}, expected ${expected}`);
      }
    }
    expect(wrong).toEqual([]);
  }, 120_000);
});
