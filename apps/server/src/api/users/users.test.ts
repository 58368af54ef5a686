import { auditLog } from '@crmflow/db';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useStaffedHarness } from '../../test/harness.ts';

describe('users', () => {
  const newUser = {
    email: 'binh@example.vn',
    name: 'Lê Văn Bình',
    role: 'member',
    password: 'mat-khau-binh',
  };
  const h = useStaffedHarness();

  it('lets any role list the organization’s users, and only those', async () => {
    const other = await h.addOrganization();
    const res = await h.app.inject({ method: 'GET', url: '/api/users', headers: h.member.headers });
    expect(res.statusCode).toBe(200);
    const ids = res.json().items.map((user: { id: string }) => user.id);
    expect(ids).toEqual(expect.arrayContaining([h.admin.id, h.member.id, h.manager.id]));
    expect(ids).not.toContain(other.admin.id);
    expect(res.json().items[0]).not.toHaveProperty('passwordHash');
  });

  it.each([
    ['member', 'POST', '/api/users'],
    ['manager', 'POST', '/api/users'],
    ['member', 'PATCH', '/api/users/00000000-0000-4000-8000-000000000000'],
    ['manager', 'GET', '/api/tokens'],
    ['member', 'POST', '/api/tokens'],
    ['member', 'POST', '/api/modules/contact/fields'],
  ] as const)('refuses a %s %s %s with 403, before reading the body', async (role, method, url) => {
    const caller = role === 'member' ? h.member : h.manager;
    const res = await h.app.inject({ method, url, headers: caller.headers, payload: {} });
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toEqual({
      code: 'forbidden',
      message: 'Bạn không có quyền thực hiện thao tác này',
    });
  });

  it('lets an admin add a user who can then sign in, and records it in the audit log', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: h.headers,
      payload: newUser,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      email: 'binh@example.vn',
      role: 'member',
      active: true,
      locale: null,
      phone: null,
    });
    const login = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'Binh@Example.vn', password: 'mat-khau-binh' },
    });
    expect(login.statusCode).toBe(200);
    const entries = await h.database.db.select().from(auditLog).where(eq(auditLog.entityId, res.json().id));
    expect(entries.map((entry) => [entry.action, entry.actorId])).toEqual([['user.create', h.admin.id]]);
  });

  it('refuses an email already in use', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: h.headers,
      payload: { ...newUser, email: h.member.email },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('email_taken');
  });

  it('deactivates a user, who is then signed out', async () => {
    const user = await h.addUser({ role: 'member' });
    const login = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.email, password: user.password },
    });
    const session = { authorization: `Bearer ${login.json().token}` };
    const res = await h.app.inject({
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      headers: h.headers,
      payload: { active: false },
    });
    expect(res.json().active).toBe(false);
    expect((await h.app.inject({ method: 'GET', url: '/api/me', headers: session })).statusCode).toBe(401);
    expect((await h.app.inject({ method: 'GET', url: '/api/me', headers: user.headers })).statusCode).toBe(
      401,
    );
  });

  it('keeps at least one active admin', async () => {
    const other = await h.addOrganization();
    const url = `/api/users/${other.admin.id}`;
    for (const payload of [{ role: 'member' }, { active: false }]) {
      const res = await h.app.inject({ method: 'PATCH', url, headers: other.admin.headers, payload });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('last_admin');
    }
  });

  it('answers 404 for another organization’s user', async () => {
    const other = await h.addOrganization();
    const res = await h.app.inject({
      method: 'PATCH',
      url: `/api/users/${other.admin.id}`,
      headers: h.headers,
      payload: { name: 'Đổi tên' },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('user_not_found');
  });
});
