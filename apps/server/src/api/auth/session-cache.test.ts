import { randomUUID } from 'node:crypto';
import { users } from '@crmflow/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../../app.ts';
import type { App } from '../../app-types.ts';
import { type Harness, startHarness, type TestUser } from '../../test/harness.ts';
import type { AuthContext } from './auth-context.ts';
import { hashToken } from './credentials.ts';
import { SESSION_CACHE_TTL_MS, sessionEntries } from './session-cache.ts';

const someone = { via: 'session', sessionId: 's' } as AuthContext;
const inAnHour = (now: number) => new Date(now + 3_600_000);

describe('session cache bookkeeping', () => {
  it.each([
    { case: 'fresh', after: 0, expiresIn: 3_600_000, generationMoved: false, served: true },
    {
      case: 'just before the bound',
      after: SESSION_CACHE_TTL_MS - 1,
      expiresIn: 3_600_000,
      generationMoved: false,
      served: true,
    },
    {
      case: 'older than the bound',
      after: SESSION_CACHE_TTL_MS,
      expiresIn: 3_600_000,
      generationMoved: false,
      served: false,
    },
    { case: 'session expired', after: 10, expiresIn: 10, generationMoved: false, served: false },
    { case: 'read raced a change', after: 0, expiresIn: 3_600_000, generationMoved: true, served: false },
  ])('$case → served: $served', ({ after, expiresIn, generationMoved, served }) => {
    let now = 1_000_000;
    const entries = sessionEntries(() => now);
    const at = entries.generation();
    if (generationMoved) entries.clear();
    entries.set('hash', someone, new Date(now + expiresIn), at);
    now += after;
    expect(entries.get('hash') === someone).toBe(served);
  });

  it('forgets everything on clear', () => {
    const entries = sessionEntries(() => 0);
    entries.set('a', someone, inAnHour(0), entries.generation());
    entries.set('b', someone, inAnHour(0), entries.generation());
    expect(entries.size()).toBe(2);
    entries.clear();
    expect([entries.get('a'), entries.get('b'), entries.size()]).toEqual([undefined, undefined, 0]);
  });
});

/**
 * Two API processes on one database: `h.app` and `other`. A change made through one, or by
 * plain SQL, must be seen by the other within a notification's delay, and by the one that made
 * it at once.
 */
describe('session cache across processes', () => {
  let h: Harness;
  let other: App;
  const postgres = () => h.database.mode === 'postgres';

  beforeAll(async () => {
    h = await startHarness();
    other = await buildApp({ database: h.database, boss: h.boss, config: h.config });
    await other.ready();
    if (postgres()) {
      await vi.waitFor(() => {
        expect(h.app.sessionCache.active() && other.sessionCache.active()).toBe(true);
      });
    }
  });
  afterAll(async () => {
    await other.close();
    await h.close();
  });

  async function signIn(user: TestUser): Promise<{ token: string; headers: { authorization: string } }> {
    const res = await h.call('POST', '/api/auth/login', { email: user.email, password: user.password });
    expect(res.statusCode).toBe(200);
    const token: string = res.json().token;
    return { token, headers: { authorization: `Bearer ${token}` } };
  }
  const me = (app: App, headers: { authorization: string }) =>
    app.inject({ method: 'GET', url: '/api/me', headers });

  it('serves a session read once from the cache (PostgreSQL; the embedded database has none)', async () => {
    const user = await h.addUser({ role: 'member' });
    const session = await signIn(user);
    expect((await me(other, session.headers)).statusCode).toBe(200);
    expect(other.sessionCache.get(hashToken(session.token))?.user.id).toBe(postgres() ? user.id : undefined);
  });

  it('refuses a signed-out session at once where it signed out, and in the other process', async () => {
    const user = await h.addUser({ role: 'member' });
    const session = await signIn(user);
    expect((await me(h.app, session.headers)).statusCode).toBe(200);
    expect((await me(other, session.headers)).statusCode).toBe(200);

    expect((await h.call('POST', '/api/auth/logout', undefined, session.headers)).statusCode).toBe(204);
    expect((await me(h.app, session.headers)).statusCode).toBe(401);
    await vi.waitFor(async () => expect((await me(other, session.headers)).statusCode).toBe(401), {
      timeout: 2_000,
    });
  });

  it('shows a demoted user’s new role at once here, and in the other process', async () => {
    const user = await h.addUser({ role: 'manager' });
    const session = await signIn(user);
    expect((await me(other, session.headers)).json().user.role).toBe('manager');
    expect((await me(h.app, session.headers)).json().user.role).toBe('manager');

    const demoted = await h.call('PATCH', `/api/users/${user.id}`, { role: 'member' });
    expect(demoted.statusCode).toBe(200);
    expect((await me(h.app, session.headers)).json().user.role).toBe('member');
    const activate = await h.app.inject({
      method: 'POST',
      url: `/api/workflows/${randomUUID()}/activate`,
      headers: session.headers,
    });
    expect(activate.statusCode).toBe(403);
    await vi.waitFor(async () => expect((await me(other, session.headers)).json().user.role).toBe('member'), {
      timeout: 2_000,
    });
  });

  it('refuses a user deactivated by plain SQL, as another process would, in both processes', async () => {
    const user = await h.addUser({ role: 'member' });
    const session = await signIn(user);
    expect((await me(h.app, session.headers)).statusCode).toBe(200);
    expect((await me(other, session.headers)).statusCode).toBe(200);

    await h.database.db.update(users).set({ active: false }).where(eq(users.id, user.id));
    for (const app of [h.app, other]) {
      await vi.waitFor(async () => expect((await me(app, session.headers)).statusCode).toBe(401), {
        timeout: 2_000,
      });
    }
  });
});
