import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { admin, member, signedInRoutes } from '../test/fixtures.ts';
import { apiError, mockApi, ok } from '../test/mock-api.ts';
import { renderApp } from '../test/render-app.tsx';

const token = {
  id: '77777777-0000-4000-8000-000000000001',
  name: 'Đồng bộ kho',
  prefix: 'crm_ab12',
  createdAt: '2025-03-01T03:00:00.000Z',
  lastUsedAt: null,
};

describe('settings: users', () => {
  it('lets an admin invite a user with name, email, role and password', async () => {
    const api = mockApi([
      ...signedInRoutes(admin),
      {
        method: 'POST',
        path: '/api/users',
        reply: () => ({
          status: 201,
          body: {
            ...member,
            id: 'aaaaaaaa-0000-4000-8000-000000000004',
            name: 'Đỗ Văn Bình',
            email: 'binh.do@example.com',
            role: 'manager',
          },
        }),
      },
    ]);
    const { user } = renderApp('/settings/users');
    await user.click(await screen.findByRole('button', { name: 'Mời người dùng' }));
    const dialog = screen.getByRole('dialog', { name: 'Mời người dùng mới' });
    await user.type(within(dialog).getByLabelText('Họ và tên'), 'Đỗ Văn Bình');
    await user.type(within(dialog).getByLabelText('Email'), 'binh.do@example.com');
    await user.selectOptions(within(dialog).getByLabelText('Vai trò'), 'Quản lý');
    await user.type(within(dialog).getByLabelText('Mật khẩu ban đầu'), 'matkhau123');
    await user.click(within(dialog).getByRole('button', { name: 'Tạo người dùng' }));

    expect(await screen.findByText('Đã tạo người dùng Đỗ Văn Bình.')).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/users')[0]?.body).toEqual({
      name: 'Đỗ Văn Bình',
      email: 'binh.do@example.com',
      role: 'manager',
      password: 'matkhau123',
    });
  });

  it('shows a 400 answer next to the invite field it names', async () => {
    mockApi([
      ...signedInRoutes(admin),
      {
        method: 'POST',
        path: '/api/users',
        reply: () =>
          apiError(400, {
            code: 'invalid_input',
            message: 'Dữ liệu không hợp lệ',
            details: [{ field: 'email', message: 'Email đã được dùng.' }],
          }),
      },
    ]);
    const { user } = renderApp('/settings/users');
    await user.click(await screen.findByRole('button', { name: 'Mời người dùng' }));
    await user.type(screen.getByLabelText('Họ và tên'), 'Trần Thị Lan');
    await user.type(screen.getByLabelText('Email'), 'lan.tran@example.com');
    await user.type(screen.getByLabelText('Mật khẩu ban đầu'), 'matkhau123');
    await user.click(screen.getByRole('button', { name: 'Tạo người dùng' }));
    await waitFor(() =>
      expect(screen.getByLabelText('Email')).toHaveAccessibleDescription('Email đã được dùng.'),
    );
  });

  it('deactivates another user, never the admin themself', async () => {
    const api = mockApi([
      ...signedInRoutes(admin),
      {
        method: 'PATCH',
        path: '/api/users/aaaaaaaa-0000-4000-8000-000000000002',
        reply: () => ok({ ...member, active: false }),
      },
    ]);
    const { user } = renderApp('/settings/users');
    await user.click(await screen.findByRole('button', { name: 'Ngừng kích hoạt Trần Thị Lan' }));
    await waitFor(() =>
      expect(api.callsTo('PATCH', '/api/users/aaaaaaaa-0000-4000-8000-000000000002')[0]?.body).toEqual({
        active: false,
      }),
    );
    expect(screen.queryByRole('button', { name: 'Ngừng kích hoạt Nguyễn Văn An' })).not.toBeInTheDocument();
  });

  it('shows members the list read-only', async () => {
    mockApi(signedInRoutes(member));
    renderApp('/settings/users');
    expect(await screen.findAllByTestId('user-row')).toHaveLength(2);
    expect(screen.getByText('Chỉ quản trị viên mới có thể thay đổi mục này.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Mời người dùng' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Ngừng kích hoạt/ })).not.toBeInTheDocument();
  });
});

describe('settings: API tokens', () => {
  it('shows a new token once, with a copy button, then only its prefix', async () => {
    const api = mockApi([
      ...signedInRoutes(admin),
      { path: '/api/tokens', reply: () => ok({ items: [] }) },
      {
        method: 'POST',
        path: '/api/tokens',
        reply: () => ({
          status: 201,
          body: { id: '77777777-0000-4000-8000-000000000001', name: 'Đồng bộ kho', token: 'crm_ab12_secret' },
        }),
      },
    ]);
    const { user } = renderApp('/settings/tokens');
    await user.type(await screen.findByLabelText('Tên token'), 'Đồng bộ kho');
    api.use({ path: '/api/tokens', reply: () => ok({ items: [token] }) });
    await user.click(screen.getByRole('button', { name: 'Tạo token' }));

    expect(await screen.findByLabelText('Giá trị token')).toHaveValue('crm_ab12_secret');
    expect(screen.getByRole('button', { name: 'Sao chép' })).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/tokens')[0]?.body).toEqual({ name: 'Đồng bộ kho' });
    const row = await screen.findByTestId('token-row');
    expect(row).toHaveTextContent('crm_ab12…');
    expect(row).not.toHaveTextContent('secret');

    await user.click(screen.getByRole('button', { name: 'Tôi đã lưu token' }));
    expect(screen.queryByLabelText('Giá trị token')).not.toBeInTheDocument();
  });

  it('revokes a token after confirmation', async () => {
    const api = mockApi([
      ...signedInRoutes(admin),
      { path: '/api/tokens', reply: () => ok({ items: [token] }) },
      {
        method: 'DELETE',
        path: '/api/tokens/77777777-0000-4000-8000-000000000001',
        reply: () => ({ status: 204 }),
      },
    ]);
    const { user } = renderApp('/settings/tokens');
    await user.click(await screen.findByRole('button', { name: 'Thu hồi token Đồng bộ kho' }));
    const dialog = screen.getByRole('dialog', { name: 'Thu hồi token?' });
    await user.click(within(dialog).getByRole('button', { name: 'Thu hồi' }));
    await waitFor(() =>
      expect(api.callsTo('DELETE', '/api/tokens/77777777-0000-4000-8000-000000000001')).toHaveLength(1),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('tells members only admins manage tokens, without asking the API for them', async () => {
    const api = mockApi(signedInRoutes(member));
    renderApp('/settings/tokens');
    expect(await screen.findByText('Chỉ quản trị viên mới có thể thay đổi mục này.')).toBeInTheDocument();
    expect(api.callsTo('GET', '/api/tokens')).toHaveLength(0);
    expect(screen.queryByLabelText('Tên token')).not.toBeInTheDocument();
  });
});
