import { render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { admin, member, orderRecord, signedInRoutes } from '../../test/fixtures.ts';
import { apiError, mockApi, ok } from '../../test/mock-api.ts';
import { renderApp } from '../../test/render-app.tsx';
import { SmsCounter } from './SmsTemplateForm.tsx';

describe('SmsCounter', () => {
  it.each([
    ['a', '1 ký tự · 1 tin', 'GSM-7'],
    ['a'.repeat(160), '160 ký tự · 1 tin', 'GSM-7'],
    ['a'.repeat(161), '161 ký tự · 2 tin', 'GSM-7'],
    ['€'.repeat(80), '160 ký tự · 1 tin', 'GSM-7'],
    ['Chúc mừng sinh nhật', '19 ký tự · 1 tin', 'Unicode'],
    ['ă'.repeat(71), '71 ký tự · 2 tin', 'Unicode'],
  ])('counts %j as the engine bills it', (text, counted, encoding) => {
    render(<SmsCounter text={text} />);
    const counter = screen.getByTestId('sms-counter');
    expect(within(counter).getByText(counted)).toBeInTheDocument();
    expect(within(counter).getByText(encoding)).toBeInTheDocument();
  });
});

describe('ZNS templates page', () => {
  it('imports an approved template from the provider into a new template, then saves it', async () => {
    const api = mockApi([
      ...signedInRoutes(admin),
      { path: '/api/zns-templates', reply: () => ok({ items: [] }) },
      {
        path: '/api/zns-templates/from-provider',
        reply: () =>
          ok({
            provider: { id: '15151515-0000-4000-8000-000000000031', name: 'Cổng Zalo OA' },
            supported: true,
            templates: [
              {
                id: '301122',
                name: 'Xác nhận đơn hàng',
                params: [{ key: 'customer_name', type: 'text', maxLength: 30 }],
              },
            ],
            error: null,
          }),
      },
      {
        method: 'POST',
        path: '/api/zns-templates',
        reply: ({ body }) => ({
          status: 201,
          body: {
            id: '18181818-0000-4000-8000-000000000001',
            createdAt: '2026-01-01T00:00:00.000Z',
            updatedAt: '2026-01-01T00:00:00.000Z',
            ...(body as object),
          },
        }),
      },
    ]);
    const { user } = renderApp('/settings/message-templates/zns');
    await user.click(await screen.findByRole('button', { name: 'Nhập từ nhà cung cấp' }));
    const list = await screen.findByRole('list', { name: 'Mẫu ZNS đã duyệt của OA' });
    await user.click(within(list).getByRole('button', { name: /Xác nhận đơn hàng/ }));
    const form = screen.getByRole('form', { name: 'Mẫu mới' });
    expect(within(form).getByLabelText('Mã mẫu ZNS (do Zalo duyệt)')).toHaveValue('301122');
    expect(within(form).getByLabelText('Độ dài tối đa 1')).toHaveValue(30);
    await user.click(within(form).getByRole('button', { name: 'Lưu' }));
    expect(await screen.findByText('Đã lưu.')).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/zns-templates')[0]?.body).toEqual({
      name: 'Xác nhận đơn hàng',
      providerTemplateId: '301122',
      params: [{ key: 'customer_name', type: 'text', maxLength: 30 }],
    });
  });
});

describe('SMS templates page for a member', () => {
  it('keeps Save reachable, says why it cannot be used and sends nothing', async () => {
    const api = mockApi([
      ...signedInRoutes(member),
      {
        path: '/api/sms-templates',
        reply: () =>
          ok({
            items: [
              {
                id: '18181818-0000-4000-8000-000000000002',
                module: 'contact',
                length: 25,
                segments: 1,
                encoding: 'UCS-2',
                name: 'Chúc mừng sinh nhật',
                body: 'Chúc mừng sinh nhật #name',
                createdAt: '2026-01-01T00:00:00.000Z',
                updatedAt: '2026-01-01T00:00:00.000Z',
              },
            ],
          }),
      },
    ]);
    const { user } = renderApp('/settings/message-templates/sms');
    const form = await screen.findByRole('form', { name: 'Chúc mừng sinh nhật' });
    const save = within(form).getByRole('button', { name: 'Lưu' });
    expect(save).toHaveAttribute('aria-disabled', 'true');
    expect(save).toHaveAccessibleDescription('Chỉ quản trị viên và quản lý mới sửa được mẫu.');
    await user.click(save);
    await user.type(within(form).getByLabelText('Tên mẫu'), '{Enter}');
    expect(api.callsTo('PUT', /\/api\/sms-templates/)).toHaveLength(0);
    expect(api.callsTo('POST', /\/api\/sms-templates/)).toHaveLength(0);
  });
});

describe('print template preview', () => {
  it.each([
    { records: [], body: '<p>#code</p>', reason: 'Chọn một bản ghi để xem PDF.' },
    { records: [orderRecord()], body: '', reason: 'Mẫu in chưa có nội dung.' },
  ])('says why the PDF cannot be shown yet: $reason', async ({ records, body, reason }) => {
    const api = mockApi([
      ...signedInRoutes(admin),
      {
        path: '/api/print-templates',
        reply: () =>
          ok({
            items: [
              {
                id: '18181818-0000-4000-8000-000000000003',
                module: 'order',
                name: 'Phiếu giao hàng',
                // Stored bodies are never empty; a blank one reads as no content.
                body: body || ' ',
                createdAt: '2026-01-01T00:00:00.000Z',
                updatedAt: '2026-01-01T00:00:00.000Z',
              },
            ],
          }),
      },
      {
        path: '/api/records/order',
        reply: () => ok({ items: records, total: records.length, page: 1, pageSize: 10 }),
      },
    ]);
    const { user } = renderApp('/settings/print-templates');
    await screen.findByRole('button', { name: 'Xem PDF' });
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Xem PDF' })).toHaveAccessibleDescription(reason),
    );
    expect(screen.getByRole('button', { name: 'Xem PDF' })).toHaveAttribute('aria-disabled', 'true');
    await user.click(screen.getByRole('button', { name: 'Xem PDF' }));
    expect(api.callsTo('POST', '/api/print-templates/preview')).toHaveLength(0);
  });
});

describe('custom fields page', () => {
  it('adds a picklist field with a key and option values made from the Vietnamese labels', async () => {
    const api = mockApi([
      ...signedInRoutes(admin),
      {
        method: 'POST',
        path: '/api/modules/contact/fields',
        reply: ({ body }) => ({ status: 201, body: { refModule: null, system: false, ...(body as object) } }),
      },
    ]);
    const { user } = renderApp('/settings/fields/contact');
    await user.click(await screen.findByRole('button', { name: 'Thêm trường' }));
    const form = screen.getByRole('form', { name: 'Thêm trường' });
    await user.type(within(form).getByLabelText('Tên tiếng Việt'), 'Hạng thành viên');
    await user.type(within(form).getByLabelText('Tên tiếng Anh'), 'Membership tier');
    await user.selectOptions(within(form).getByLabelText('Kiểu dữ liệu'), 'Danh sách chọn');
    await user.click(within(form).getByRole('button', { name: 'Thêm lựa chọn' }));
    await user.type(within(form).getByLabelText('Nhãn tiếng Việt 1'), 'Kim cương');
    await user.type(within(form).getByLabelText('Nhãn tiếng Anh 1'), 'Diamond');
    await user.click(within(form).getByLabelText('Bắt buộc nhập'));
    await user.click(within(form).getByRole('button', { name: 'Lưu' }));
    expect(api.callsTo('POST', '/api/modules/contact/fields')[0]?.body).toEqual({
      key: 'hang_thanh_vien',
      labelVi: 'Hạng thành viên',
      labelEn: 'Membership tier',
      type: 'picklist',
      required: true,
      options: [{ value: 'kim_cuong', labelVi: 'Kim cương', labelEn: 'Diamond' }],
    });
  });

  it('shows a refusal beside the field it names, and keeps the form', async () => {
    mockApi([
      ...signedInRoutes(admin),
      {
        method: 'POST',
        path: '/api/modules/contact/fields',
        reply: () =>
          apiError(400, {
            code: 'invalid_input',
            message: 'Dữ liệu gửi lên không hợp lệ',
            details: [{ field: 'labelEn', message: 'Không được để trống' }],
          }),
      },
    ]);
    const { user } = renderApp('/settings/fields/contact');
    await user.click(await screen.findByRole('button', { name: 'Thêm trường' }));
    const form = screen.getByRole('form', { name: 'Thêm trường' });
    await user.type(within(form).getByLabelText('Tên tiếng Việt'), 'Mã Zalo');
    await user.click(within(form).getByRole('button', { name: 'Lưu' }));
    const english = within(form).getByLabelText('Tên tiếng Anh');
    expect(await within(form).findByText('Không được để trống')).toBeInTheDocument();
    expect(english).toHaveAttribute('aria-invalid', 'true');
    expect(within(form).getByLabelText('Tên tiếng Việt')).toHaveValue('Mã Zalo');
  });
});
