import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../../test/harness.ts';

const signupBody = (email: string) => ({
  organizationName: 'Công ty CP Hoa Sen',
  name: 'Trần Thị Lan',
  email,
  password: 'mat-khau-manh',
});

function sessionCookie(setCookie: string | string[] | undefined): string {
  const header = Array.isArray(setCookie) ? setCookie.join(';') : (setCookie ?? '');
  const match = /crmflow_session=([^;]+)/.exec(header);
  if (!match?.[1]) throw new Error(`no session cookie in ${header}`);
  return `crmflow_session=${match[1]}`;
}

describe('auth', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it('signs up a new organization, whose admin is then signed in by cookie', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/auth/signup',
      payload: signupBody('lan@hoasen.vn'),
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.user).toMatchObject({ email: 'lan@hoasen.vn', role: 'admin', active: true });
    expect(body.organization).toMatchObject({
      name: 'Công ty CP Hoa Sen',
      timeZone: 'Asia/Ho_Chi_Minh',
      locale: 'vi',
    });
    const cookie = sessionCookie(res.headers['set-cookie']);
    expect(String(res.headers['set-cookie'])).toMatch(/HttpOnly/i);
    expect(String(res.headers['set-cookie'])).toMatch(/SameSite=Lax/i);

    const me = await h.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json().organization.id).toBe(body.organization.id);

    const modules = await h.app.inject({ method: 'GET', url: '/api/modules', headers: { cookie } });
    expect(
      modules.json().items.find((m: { key: string }) => m.key === 'order').fields.length,
    ).toBeGreaterThan(5);
  });

  it('refuses a second sign-up with the same email, whatever its case', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/auth/signup',
      payload: signupBody('LAN@hoasen.vn'),
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('email_taken');
  });

  it('names each invalid sign-up field', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/auth/signup',
      payload: { organizationName: '', email: 'not-an-email', password: 'short' },
    });
    expect(res.statusCode).toBe(400);
    const fields = res
      .json()
      .error.details.map((d: { field: string }) => d.field)
      .sort();
    expect(fields).toEqual(['email', 'name', 'organizationName', 'password']);
  });

  it('logs in with the session token usable as cookie and as bearer, and logs out', async () => {
    const login = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: h.admin.email, password: h.admin.password },
    });
    expect(login.statusCode).toBe(200);
    const { token, user } = login.json();
    expect(user.id).toBe(h.admin.id);
    const cookie = sessionCookie(login.headers['set-cookie']);
    const bearer = { authorization: `Bearer ${token}` };
    expect((await h.app.inject({ method: 'GET', url: '/api/me', headers: bearer })).statusCode).toBe(200);

    const logout = await h.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect(logout.statusCode).toBe(204);
    expect(String(logout.headers['set-cookie'])).toMatch(/crmflow_session=;/);
    expect((await h.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).statusCode).toBe(401);
    expect((await h.app.inject({ method: 'GET', url: '/api/me', headers: bearer })).statusCode).toBe(401);
  });

  it('answers a wrong password with 401 in the caller’s language', async () => {
    const vi = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: h.admin.email, password: 'sai-mat-khau' },
    });
    expect(vi.statusCode).toBe(401);
    expect(vi.json().error).toEqual({
      code: 'invalid_credentials',
      message: 'Email hoặc mật khẩu không đúng',
    });
    const en = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'accept-language': 'en-US,en;q=0.9' },
      payload: { email: 'nobody@example.vn', password: 'whatever' },
    });
    expect(en.statusCode).toBe(401);
    expect(en.json().error.message).toBe('Wrong email or password');
  });

  it('locks an email and address out after 10 failures, even with the right password', async () => {
    const user = await h.addUser({ role: 'member' });
    const attempt = (password: string, ip = '10.0.0.7', headers: Record<string, string> = {}) =>
      h.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: ip,
        headers,
        payload: { email: user.email, password },
      });
    for (let i = 0; i < 10; i += 1) expect((await attempt('sai')).statusCode).toBe(401);
    const locked = await attempt(user.password);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('rate_limited');
    expect(locked.headers['retry-after']).toBe('900');
    // Not behind a trusted proxy: a forwarded-for header does not buy a fresh counter.
    expect((await attempt(user.password, '10.0.0.7', { 'x-forwarded-for': '203.0.113.9' })).statusCode).toBe(
      429,
    );
    expect((await attempt(user.password, '10.0.0.8')).statusCode).toBe(200);
  });

  it('refuses anonymous calls with 401 before reading the body', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/records/contact',
      payload: { nonsense: true },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('unauthenticated');
    const badToken = await h.app.inject({
      method: 'GET',
      url: '/api/me',
      headers: { authorization: 'Bearer crm_nope' },
    });
    expect(badToken.statusCode).toBe(401);
  });

  it('answers in the user’s own language once chosen', async () => {
    const patched = await h.app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: h.headers,
      payload: { locale: 'en' },
    });
    expect(patched.json().user.locale).toBe('en');
    const res = await h.app.inject({
      method: 'GET',
      url: '/api/records/contact/not-a-uuid',
      headers: h.headers,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      message: 'The request is not valid',
      details: [{ field: 'id', message: 'Not a valid id' }],
    });
    await h.app.inject({ method: 'PATCH', url: '/api/me', headers: h.headers, payload: { locale: null } });
  });
});

describe('auth with sign-up switched off', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ config: { signup: false } });
  });
  afterAll(() => h.close());

  it('refuses sign-up with 403 signup_disabled', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/auth/signup',
      payload: signupBody('an@example.vn'),
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('signup_disabled');
  });
});
