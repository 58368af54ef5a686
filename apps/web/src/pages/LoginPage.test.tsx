import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { admin, meAs, signedInRoutes } from '../test/fixtures.ts';
import { apiError, mockApi, ok } from '../test/mock-api.ts';
import { renderApp } from '../test/render-app.tsx';

async function signIn(user: ReturnType<typeof renderApp>['user'], password = 'sai-mat-khau') {
  await user.type(screen.getByLabelText('Email'), 'admin@example.com');
  await user.type(screen.getByLabelText('Mật khẩu'), password);
  await user.click(screen.getByRole('button', { name: 'Đăng nhập' }));
}

describe('LoginPage', () => {
  it.each([
    [401, 'invalid_credentials', 'Email hoặc mật khẩu không đúng.'],
    [429, 'rate_limited', 'Bạn đã thử đăng nhập sai quá nhiều lần. Vui lòng đợi ít phút rồi thử lại.'],
    [429, 'too_many_requests', 'Bạn đã thử đăng nhập sai quá nhiều lần. Vui lòng đợi ít phút rồi thử lại.'],
  ])('shows a %i %s answer inline and stays on the page', async (status, code, text) => {
    mockApi([
      {
        method: 'POST',
        path: '/api/auth/login',
        reply: () => apiError(status, { code, message: 'server text' }),
      },
    ]);
    const { user, router } = renderApp('/login');
    await signIn(user);
    expect(await screen.findByRole('alert')).toHaveTextContent(text);
    expect(router.state.location.pathname).toBe('/login');
    expect(screen.getByLabelText('Mật khẩu')).toHaveAttribute('aria-invalid', 'true');
  });

  it('shows the server message for errors it has no wording of its own for', async () => {
    mockApi([
      {
        method: 'POST',
        path: '/api/auth/login',
        reply: () => apiError(400, { code: 'invalid_input', message: 'Email không hợp lệ' }),
      },
    ]);
    const { user } = renderApp('/login');
    await signIn(user);
    expect(await screen.findByRole('alert')).toHaveTextContent('Email không hợp lệ');
  });

  it('signs in with the typed credentials and opens the workflows page', async () => {
    let signedIn = false;
    const api = mockApi([
      ...signedInRoutes(),
      {
        path: '/api/me',
        reply: () =>
          signedIn ? ok(meAs(admin)) : apiError(401, { code: 'unauthenticated', message: 'Chưa đăng nhập' }),
      },
      {
        method: 'POST',
        path: '/api/auth/login',
        reply: () => {
          signedIn = true;
          return ok({ token: 't', ...meAs(admin) });
        },
      },
    ]);
    const { user, router } = renderApp('/login');
    await signIn(user, 'admin');
    expect(await screen.findByRole('heading', { name: 'Quy trình làm việc' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/workflows');
    const [login] = api.callsTo('POST', '/api/auth/login');
    expect(login?.body).toEqual({ email: 'admin@example.com', password: 'admin' });
    expect(login?.headers.get('Accept-Language')).toBe('vi');
    expect(screen.getByTestId('organization-name')).toHaveTextContent('Công ty TNHH Minh Phát');
  });

  it('takes a user who is already signed in straight to the page they asked for', async () => {
    mockApi(signedInRoutes());
    const { router } = renderApp('/login');
    expect(await screen.findByRole('heading', { name: 'Quy trình làm việc' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/workflows');
  });

  it('sends a guest who opens a signed-in page to the login page', async () => {
    mockApi([
      { path: '/api/me', reply: () => apiError(401, { code: 'unauthenticated', message: 'Chưa đăng nhập' }) },
    ]);
    const { router } = renderApp('/records/order');
    expect(await screen.findByRole('heading', { name: 'Đăng nhập' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
  });
});
