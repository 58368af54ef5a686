import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { signedInRoutes } from '../test/fixtures.ts';
import { mockApi, ok } from '../test/mock-api.ts';
import { renderApp } from '../test/render-app.tsx';

describe('app layout', () => {
  it('lists the sections in product order and marks the current one', async () => {
    mockApi([
      ...signedInRoutes(),
      { path: '/api/records/contact', reply: () => ok({ items: [], total: 0, page: 1, pageSize: 20 }) },
    ]);
    renderApp('/records/contact');
    const nav = await screen.findByRole('navigation', { name: 'Điều hướng chính' });
    const links = within(nav).getAllByRole('link');
    expect(links.map((link) => link.querySelector('.nav-link__text')?.textContent)).toEqual([
      'Việc của tôi',
      'Thẻ chăm sóc',
      'Quy trình làm việc',
      'Quy trình chăm sóc',
      'Mẫu quy trình',
      'Dữ liệu',
      'Lịch sử chạy',
      'Hộp thư đi',
      'Thiết lập',
    ]);
    expect(within(nav).getByRole('link', { name: 'Dữ liệu' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByRole('link', { name: 'Dữ liệu' })).toHaveAttribute('href', '/records/order');
  });

  it.each([
    ['/care-processes', 'Quy trình chăm sóc', /theo ngày sinh nhật/],
    ['/outbox', 'Hộp thư đi', /Chưa có tin nào\. Mọi email, SMS/],
  ])('%s shows an empty state saying what the page will hold', async (path, title, sentence) => {
    mockApi([
      ...signedInRoutes(),
      { path: '/api/workflows', reply: () => ok({ items: [], limits: {} }) },
      { path: '/api/outbox', reply: () => ok({ items: [], total: 0 }) },
    ]);
    renderApp(path);
    expect(await screen.findByRole('heading', { level: 1, name: title })).toBeInTheDocument();
    expect(await screen.findByText(sentence)).toBeInTheDocument();
  });

  it('switches to English, remembers it, and tells the server', async () => {
    const api = mockApi([
      ...signedInRoutes(),
      { method: 'PATCH', path: '/api/me', reply: () => ({ status: 200, body: {} }) },
    ]);
    const { user } = renderApp('/workflows');
    await user.click(await screen.findByRole('button', { name: /^Tài khoản của bạn/ }));
    await user.click(screen.getByRole('button', { name: 'English' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Workflows' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
    expect(localStorage.getItem('crmflow.locale')).toBe('en');
    await waitFor(() => expect(api.callsTo('PATCH', '/api/me')[0]?.body).toEqual({ locale: 'en' }));
    expect(api.callsTo('PATCH', '/api/me')[0]?.headers.get('Accept-Language')).toBe('en');
  });

  it('logs out and returns to the sign-in page', async () => {
    const api = mockApi([
      ...signedInRoutes(),
      { method: 'POST', path: '/api/auth/logout', reply: () => ({ status: 204 }) },
    ]);
    const { user, router } = renderApp('/workflows');
    await user.click(await screen.findByRole('button', { name: /^Tài khoản của bạn/ }));
    api.use({
      path: '/api/me',
      reply: () => ({ status: 401, body: { error: { code: 'unauthenticated', message: 'x' } } }),
    });
    await user.click(screen.getByRole('button', { name: 'Đăng xuất' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/login'));
    expect(api.callsTo('POST', '/api/auth/logout')).toHaveLength(1);
    expect(await screen.findByRole('heading', { name: 'Đăng nhập' })).toBeInTheDocument();
  });
});
