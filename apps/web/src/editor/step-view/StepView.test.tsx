import type { RunRefs } from '@crmflow/contracts';
import { type FieldMeta, type ModuleCatalog, standardModules } from '@crmflow/flow';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { changeLocale } from '../../i18n/index.ts';
import { StepErrorMessage, StepResult, TechnicalDetails } from './StepView.tsx';
import { stepLookups } from './step-lookups.ts';

const ids = {
  lan: '11111111-1111-4111-8111-111111111111',
  minh: '22222222-2222-4222-8222-222222222222',
  task: '33333333-3333-4333-8333-333333333333',
  smtp: '44444444-4444-4444-8444-444444444444',
  hook: '55555555-5555-4555-8555-555555555555',
  outbox: '66666666-6666-4666-8666-666666666666',
  product: '77777777-7777-4777-8777-777777777777',
};

const refs: RunRefs = {
  users: [
    { id: ids.lan, name: 'Trần Thị Lan' },
    { id: ids.minh, name: 'Lê Văn Minh' },
  ],
  records: [
    { id: ids.task, module: 'task', title: 'Gọi chăm sóc đơn DH-001', deleted: false },
    { id: ids.product, module: 'product', title: 'Máy lọc nước RO', deleted: false },
  ],
  providers: [{ id: ids.hook, name: 'Kho Hoa Sen', kind: 'webhook' }],
};

const tier: FieldMeta = {
  key: 'loyalty_tier',
  labelVi: 'Hạng thành viên',
  labelEn: 'Loyalty tier',
  type: 'picklist',
  options: [{ value: 'gold', labelVi: 'Vàng', labelEn: 'Gold' }],
  refModule: null,
  required: false,
  system: false,
};
const catalog: ModuleCatalog = {
  ...standardModules,
  order: { ...standardModules.order, fields: [...standardModules.order.fields, tier] },
};

function renderStep(node: ReactNode) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, enabled: false } } });
  return render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter>{node}</MemoryRouter>
    </QueryClientProvider>,
  );
}

const lookups = stepLookups({ refs, catalog });

describe('step renderers', () => {
  it.each([
    [
      'send_email (a test run)',
      'send_email',
      {
        provider: { id: null, name: 'Email hệ thống', adapter: 'system' },
        subject: 'Cảm ơn quý khách',
        html: '<p>Xin chào <b>Hồng</b></p>',
        to: ['hong@example.vn'],
        unreachable: [],
        attachment: { name: 'Bao-gia-DH-001.pdf', format: 'pdf' },
      },
      ['Tiêu đề', 'Cảm ơn quý khách', 'hong@example.vn', 'Email hệ thống', 'Bao-gia-DH-001.pdf'],
    ],
    [
      'send_email (a run)',
      'send_email',
      {
        provider: { id: null, adapter: 'system', name: null },
        subject: 'Cảm ơn quý khách',
        attachments: [{ name: 'Bao-gia.pdf', contentType: 'application/pdf', size: 2048 }],
        recipients: [{ to: 'hong@example.vn', source: 'email', status: 'sent', outboxId: ids.outbox }],
      },
      ['Bao-gia.pdf', '2 KB', 'Đã gửi'],
    ],
    [
      'send_sms',
      'send_sms',
      {
        provider: { id: null, name: 'SMS thử', adapter: 'capture' },
        text: 'Chào chị Hồng',
        to: ['+84912345678'],
        unreachable: [{ to: '', source: 'phone', status: 'unreachable', error: 'Chưa có số điện thoại' }],
      },
      ['Chào chị Hồng', '13 ký tự · 1 tin (Unicode)', 'chỉ lưu vào Hộp thư đi', 'Không liên lạc được'],
    ],
    [
      'send_zalo_zns',
      'send_zalo_zns',
      {
        templateName: 'Xác nhận đơn',
        params: { customer_name: 'Hồng', order_code: 'DH-001' },
        recipients: [],
      },
      ['Xác nhận đơn', 'customer_name', 'DH-001'],
    ],
    [
      'webhook',
      'webhook',
      { provider: { id: ids.hook, adapter: 'http' }, url: 'https://kho.example.vn/hook', httpStatus: 202 },
      ['Kho Hoa Sen', 'https://kho.example.vn/hook', 'HTTP 202: máy nhận đã nhận'],
    ],
    [
      'create_task',
      'create_task',
      { taskId: ids.task, title: 'Gọi chăm sóc', assigneeId: ids.lan, related: [ids.minh], attachments: [] },
      ['Gọi chăm sóc đơn DH-001', 'Trần Thị Lan', 'Lê Văn Minh'],
    ],
    [
      'notify',
      'notify',
      { message: 'Đơn DH-001 đã giao', recipients: [ids.lan, ids.minh] },
      ['Đơn DH-001 đã giao', 'Trần Thị Lan, Lê Văn Minh'],
    ],
    [
      'update_fields (custom field, picklist, money)',
      'update_fields',
      {
        updated: true,
        module: 'order',
        recordId: 'x',
        values: { status: 'delivered', total: 1500000, loyalty_tier: 'gold' },
      },
      ['Tình trạng', 'Đã giao hàng', 'Tổng tiền', '1.500.000', 'Hạng thành viên', 'Vàng'],
    ],
    [
      'assign_owner',
      'assign_owner',
      { previousOwnerId: ids.lan, ownerId: ids.minh },
      ['Từ', 'Trần Thị Lan', 'Bàn giao cho', 'Lê Văn Minh'],
    ],
    [
      'add_care_card',
      'add_care_card',
      { cards: [{ cardKey: 'k', productId: ids.product }], ownerId: ids.lan, careDate: '2025-07-01' },
      ['1 thẻ', 'Máy lọc nước RO', '01/07/2025', 'Trần Thị Lan'],
    ],
    [
      'record_revenue',
      'record_revenue',
      { kind: 'recorded', amount: '2500000' },
      ['Đã ghi nhận', '2.500.000'],
    ],
    ['delay', 'delay', { until: '2025-07-01T02:00:00.000Z' }, ['Chờ tới', '01/07/2025 09:00']],
  ] as const)('%s shows labelled values, no raw ids', (_name, nodeType, value, texts) => {
    const { container } = renderStep(
      <StepResult nodeType={nodeType} value={value} lookups={lookups} module={catalog.order} />,
    );
    for (const text of texts) expect(container.textContent).toContain(text);
    for (const id of Object.values(ids)) expect(container.textContent).not.toContain(id);
    expect(container.textContent).not.toMatch(/[{}"]/);
  });

  it('links the task it made to the task', () => {
    renderStep(
      <StepResult
        nodeType="create_task"
        value={{ taskId: ids.task }}
        lookups={lookups}
        module={catalog.order}
      />,
    );
    expect(screen.getByRole('link', { name: 'Gọi chăm sóc đơn DH-001' })).toHaveAttribute(
      'href',
      `/records/task/${ids.task}`,
    );
  });

  it('shows the email in a frame that runs nothing, and offers its attachment for download', () => {
    renderStep(
      <StepResult
        nodeType="send_email"
        value={{
          html: '<script>alert(1)</script><p>Xin chào</p>',
          attachments: [{ name: 'Bao-gia.pdf', size: 10 }],
          recipients: [{ to: 'a@b.vn', source: 'email', status: 'sent', outboxId: ids.outbox }],
        }}
        lookups={lookups}
        module={catalog.order}
      />,
    );
    const frame = screen.getByTitle('Nội dung email');
    expect(frame).toHaveAttribute('sandbox', '');
    expect(frame).toHaveAttribute('srcdoc', '<script>alert(1)</script><p>Xin chào</p>');
    expect(screen.getByRole('link', { name: 'Bao-gia.pdf' })).toHaveAttribute(
      'href',
      `/api/outbox/${ids.outbox}/attachments/0`,
    );
  });

  it('keeps ids and JSON behind the technical details', () => {
    renderStep(<TechnicalDetails parts={{ nodeId: 'n3', output: { taskId: ids.task } }} />);
    const details = screen.getByText('Chi tiết kỹ thuật').closest('details');
    expect(details).not.toHaveAttribute('open');
    expect(within(details ?? document.body).getByText(new RegExp(ids.task))).toBeInTheDocument();
  });
});

describe('step errors', () => {
  const smtpError = {
    code: 'delivery_failed',
    message: 'Không gửi được email tới ai (a@b.vn). Máy chủ SMTP từ chối đăng nhập.',
    details: {
      vi: 'Không gửi được email tới ai (a@b.vn). Máy chủ SMTP từ chối đăng nhập.',
      en: 'Could not deliver the email to anyone (a@b.vn). The SMTP server refused the sign-in.',
      cause: 'auth',
      recipients: [{ to: 'a@b.vn', source: 'email', status: 'failed', code: 'auth' }],
    },
  };

  it.each([
    ['vi', 'Máy chủ SMTP từ chối đăng nhập.', 'Mở Thiết lập → Nhà cung cấp'],
    ['en', 'The SMTP server refused the sign-in.', 'Open Settings → Providers'],
  ] as const)(
    'in %s: the sentence in the reader’s language, and where to fix it',
    async (locale, text, link) => {
      await changeLocale(locale);
      renderStep(<StepErrorMessage error={smtpError} nodeType="send_email" />);
      const alert = screen.getByRole('alert');
      expect(alert).toHaveTextContent(text);
      expect(within(alert).getByRole('link', { name: link })).toHaveAttribute('href', '/settings/providers');
    },
  );

  it.each([
    [
      { code: 'template_missing', message: 'x', details: { vi: 'x', en: 'x' } },
      'create_task',
      '/settings/print-templates',
    ],
    [
      { code: 'template_missing', message: 'x', details: { vi: 'x', en: 'x' } },
      'send_sms',
      '/settings/message-templates',
    ],
    [{ code: 'provider_missing', message: 'x' }, 'send_sms', '/settings/providers'],
    [
      { code: 'delivery_failed', message: 'x', details: { cause: 'private_address' } },
      'webhook',
      '/settings/organization',
    ],
    [{ code: 'no_active_user', message: 'x' }, 'assign_owner', '/settings/allocation-rules'],
  ])('%o on %s links to %s', (error, nodeType, href) => {
    renderStep(<StepErrorMessage error={error} nodeType={nodeType} />);
    expect(within(screen.getByRole('alert')).getByRole('link')).toHaveAttribute('href', href);
  });

  it('falls back to the stored message when the error has one language only', async () => {
    await changeLocale('en');
    renderStep(<StepErrorMessage error={{ code: 'internal_error', message: 'Lỗi cũ' }} nodeType="notify" />);
    expect(screen.getByRole('alert')).toHaveTextContent('Lỗi cũ');
    expect(within(screen.getByRole('alert')).queryByRole('link')).toBeNull();
  });
});
