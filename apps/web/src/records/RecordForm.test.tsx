import { type FieldMeta, type ModuleMeta, standardModules } from '@crmflow/flow';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { accountRecord, moduleList, orderRecord, signedInRoutes } from '../test/fixtures.ts';
import { apiError, mockApi, ok } from '../test/mock-api.ts';
import { renderApp } from '../test/render-app.tsx';

const custom = (field: Partial<FieldMeta> & Pick<FieldMeta, 'key' | 'labelVi' | 'type'>): FieldMeta => ({
  labelEn: field.labelVi,
  options: [],
  refModule: null,
  required: false,
  system: false,
  ...field,
});

/** Accounts with one custom field of every type the standard fields do not cover. */
const accountWithEveryType: ModuleMeta = {
  ...standardModules.account,
  fields: [
    ...standardModules.account.fields,
    custom({ key: 'employees', labelVi: 'Số nhân viên', type: 'number' }),
    custom({ key: 'revenue', labelVi: 'Doanh thu năm', type: 'money' }),
    custom({ key: 'vip', labelVi: 'Khách VIP', type: 'boolean' }),
    custom({ key: 'notes', labelVi: 'Ghi chú', type: 'textarea' }),
    custom({ key: 'last_visit', labelVi: 'Lần gặp gần nhất', type: 'datetime' }),
    custom({ key: 'parent_id', labelVi: 'Công ty mẹ', type: 'reference', refModule: 'account' }),
    custom({
      key: 'segments',
      labelVi: 'Nhóm khách hàng',
      type: 'multipicklist',
      options: [
        { value: 'sme', labelVi: 'Doanh nghiệp nhỏ', labelEn: 'SME' },
        { value: 'enterprise', labelVi: 'Doanh nghiệp lớn', labelEn: 'Enterprise' },
      ],
    }),
  ],
};

function setupOrder() {
  const record = orderRecord();
  const api = mockApi([
    ...signedInRoutes(),
    {
      path: '/api/records/order/cccccccc-0000-4000-8000-000000000001',
      reply: () =>
        ok({
          ...record,
          related: {
            account_id: { id: 'dddddddd-0000-4000-8000-000000000001', title: accountRecord.title },
            contact_id: null,
          },
        }),
    },
  ]);
  return { api, record, ...renderApp('/records/order/cccccccc-0000-4000-8000-000000000001') };
}

describe('record form', () => {
  it('renders one control per field, fitting its type', async () => {
    const modules = moduleList();
    mockApi([
      ...signedInRoutes(),
      {
        path: '/api/modules',
        reply: () =>
          ok({ items: modules.items.map((m) => (m.key === 'account' ? accountWithEveryType : m)) }),
      },
    ]);
    renderApp('/records/account/new');
    const form = await screen.findByTestId('record-form');
    const control = (label: string) => within(form).getByLabelText(label);

    expect(control('Tên khách hàng')).toHaveAttribute('type', 'text');
    expect(control('Tên khách hàng')).toHaveAttribute('aria-required', 'true');
    expect(control('Email')).toHaveAttribute('type', 'email');
    expect(control('Điện thoại')).toHaveAttribute('type', 'tel');
    expect(control('Ngày thành lập')).toHaveAttribute('type', 'date');
    expect(control('Lần gặp gần nhất')).toHaveAttribute('type', 'datetime-local');
    expect(control('Số nhân viên')).toHaveRole('spinbutton');
    expect(control('Doanh thu năm')).toHaveAttribute('inputmode', 'numeric');
    expect(control('Khách VIP')).toHaveRole('checkbox');
    expect(control('Ghi chú').tagName).toBe('TEXTAREA');
    expect(control('Công ty mẹ')).toHaveAttribute('aria-autocomplete', 'list');
    expect(within(control('Lĩnh vực')).getByRole('option', { name: 'Bán lẻ' })).toBeInTheDocument();
    expect(within(control('Chủ sở hữu')).getByRole('option', { name: 'Trần Thị Lan' })).toBeInTheDocument();
    const segments = within(form).getByRole('group', { name: 'Nhóm khách hàng' });
    expect(within(segments).getAllByRole('checkbox')).toHaveLength(2);
  });

  it('shows an existing order with formatted money, its reference titles and its lines', async () => {
    setupOrder();
    const form = await screen.findByTestId('record-form');
    expect(within(form).getByLabelText('Tổng tiền')).toHaveValue('2.500.000');
    expect(within(form).getByLabelText('Khách hàng')).toHaveValue('Công ty Cổ phần Ánh Dương');
    expect(within(form).getByLabelText('Tình trạng')).toHaveValue('delivered');
    const line = within(form).getByTestId('order-line');
    await waitFor(() =>
      expect(within(line).getByLabelText('Dòng 1: Hàng hóa')).toHaveValue('Máy lọc nước RO'),
    );
    expect(within(line).getByLabelText('Dòng 1: Số lượng')).toHaveValue(2);
    expect(screen.getByTestId('lines-total').textContent?.replace(/\u00a0/g, ' ')).toBe('2.500.000 ₫');
  });

  it('shows a 400 field error next to its field', async () => {
    const { api, user } = setupOrder();
    api.use({
      method: 'PATCH',
      path: '/api/records/order/cccccccc-0000-4000-8000-000000000001',
      reply: () =>
        apiError(400, {
          code: 'invalid_input',
          message: 'Dữ liệu không hợp lệ',
          details: [{ field: 'data.code', message: 'Số đơn hàng đã tồn tại.' }],
        }),
    });
    const code = await screen.findByLabelText('Số đơn hàng');
    await user.clear(code);
    await user.type(code, 'DH-0002');
    await user.click(screen.getByTestId('record-save'));

    await waitFor(() => expect(code).toHaveAccessibleDescription('Số đơn hàng đã tồn tại.'));
    expect(code).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Tổng tiền')).not.toHaveAttribute('aria-invalid');
  });

  it('sends only what changed, with the version it was read at', async () => {
    const { api, user, record } = setupOrder();
    api.use({
      method: 'PATCH',
      path: '/api/records/order/cccccccc-0000-4000-8000-000000000001',
      reply: () => ok({ ...record, data: { ...record.data, status: 'cancelled' }, version: 4 }),
    });
    await user.selectOptions(await screen.findByLabelText('Tình trạng'), 'Đã hủy');
    await user.click(screen.getByTestId('record-save'));

    expect(await screen.findByText('Đã lưu bản ghi.')).toBeInTheDocument();
    expect(api.callsTo('PATCH', '/api/records/order/cccccccc-0000-4000-8000-000000000001')[0]?.body).toEqual({
      data: { status: 'cancelled' },
      version: 3,
    });
  });

  it('explains a version conflict and reloads the record on request', async () => {
    const { api, user, record } = setupOrder();
    api.use({
      method: 'PATCH',
      path: '/api/records/order/cccccccc-0000-4000-8000-000000000001',
      reply: () => apiError(409, { code: 'version_conflict', message: 'Xung đột phiên bản' }),
    });
    const code = await screen.findByLabelText('Số đơn hàng');
    await user.type(code, '-A');
    await user.click(screen.getByTestId('record-save'));
    expect(await screen.findByText('Bản ghi đã được thay đổi')).toBeInTheDocument();

    api.use({
      path: '/api/records/order/cccccccc-0000-4000-8000-000000000001',
      reply: () => ok({ ...record, data: { ...record.data, code: 'DH-0001-B' }, version: 5 }),
    });
    await user.click(screen.getByRole('button', { name: 'Tải lại bản ghi' }));
    await waitFor(() => expect(screen.getByLabelText('Số đơn hàng')).toHaveValue('DH-0001-B'));
    expect(screen.queryByText('Bản ghi đã được thay đổi')).not.toBeInTheDocument();
  });

  it('asks before deleting, then deletes and returns to the list', async () => {
    const { api, user, router } = setupOrder();
    api.use({
      method: 'DELETE',
      path: '/api/records/order/cccccccc-0000-4000-8000-000000000001',
      reply: () => ({ status: 204 }),
    });
    api.use({ path: '/api/records/order', reply: () => ok({ items: [], total: 0, page: 1, pageSize: 20 }) });
    await user.click(await screen.findByRole('button', { name: 'Xóa' }));
    const dialog = screen.getByRole('dialog', { name: 'Xóa bản ghi?' });
    expect(api.callsTo('DELETE', '/api/records/order/cccccccc-0000-4000-8000-000000000001')).toHaveLength(0);

    await user.click(within(dialog).getByRole('button', { name: 'Xóa' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/records/order'));
    expect(api.callsTo('DELETE', '/api/records/order/cccccccc-0000-4000-8000-000000000001')).toHaveLength(1);
  });

  it('creates a record with a reference picked by searching, after flagging a missing required field', async () => {
    const created = orderRecord({
      id: 'cccccccc-0000-4000-8000-000000000009',
      version: 1,
      data: { code: 'DH-0009' },
    });
    const api = mockApi([
      ...signedInRoutes(),
      {
        path: '/api/records/account',
        reply: () => ok({ items: [accountRecord], total: 1, page: 1, pageSize: 10 }),
      },
      { method: 'POST', path: '/api/records/order', reply: () => ({ status: 201, body: created }) },
      { path: '/api/records/order/cccccccc-0000-4000-8000-000000000009', reply: () => ok(created) },
    ]);
    const { user, router } = renderApp('/records/order/new');
    await user.click(await screen.findByTestId('record-save'));
    const code = screen.getByLabelText('Số đơn hàng');
    expect(code).toHaveAccessibleDescription('Vui lòng nhập trường này.');
    expect(api.callsTo('POST', '/api/records/order')).toHaveLength(0);

    await user.type(code, 'DH-0009');
    await user.type(screen.getByLabelText('Khách hàng'), 'ánh');
    await waitFor(() =>
      expect(api.callsTo('GET', '/api/records/account').at(-1)?.url.searchParams.get('q')).toBe('ánh'),
    );
    await user.click(await screen.findByRole('option', { name: 'Công ty Cổ phần Ánh Dương' }));
    expect(screen.getByLabelText('Khách hàng')).toHaveValue('Công ty Cổ phần Ánh Dương');
    await user.type(screen.getByLabelText('Tổng tiền'), '1500000');
    expect(screen.getByLabelText('Tổng tiền')).toHaveValue('1.500.000');
    await user.click(screen.getByTestId('record-save'));

    await waitFor(() =>
      expect(router.state.location.pathname).toBe('/records/order/cccccccc-0000-4000-8000-000000000009'),
    );
    expect(api.callsTo('POST', '/api/records/order')[0]?.body).toEqual({
      data: { code: 'DH-0009', account_id: 'dddddddd-0000-4000-8000-000000000001', total: 1500000 },
    });
    expect(await screen.findByText('Đã tạo bản ghi.')).toBeInTheDocument();
  });
});
