import type { OutboxMessage } from '@crmflow/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { signedInRoutes } from '../test/fixtures.ts';
import { mockApi, ok } from '../test/mock-api.ts';
import { renderApp } from '../test/render-app.tsx';

function message(overrides: Partial<OutboxMessage> = {}): OutboxMessage {
  return {
    id: '99999999-0000-4000-8000-000000000001',
    channel: 'email',
    recipient: 'khachhang@example.com',
    subject: 'Xác nhận đơn hàng ĐH-0001',
    body: '<p>Chào anh Minh,</p><p>Đơn hàng <b>ĐH-0001</b> đã được giao.</p><script>alert(1)</script>',
    status: 'captured',
    attempts: 1,
    error: null,
    runId: '88888888-0000-4000-8000-000000000001',
    nodeId: 'n3',
    createdAt: '2025-03-16T09:30:00.000Z',
    sentAt: null,
    attachments: [{ name: 'ĐH-0001.pdf', contentType: 'application/pdf', size: 24_576 }],
    ...overrides,
  };
}

const messages = [
  message(),
  message({
    id: '99999999-0000-4000-8000-000000000002',
    channel: 'sms',
    recipient: '0901234567',
    subject: null,
    body: 'Chúc mừng sinh nhật chị Lan! Cửa hàng tặng chị mã giảm giá 10% cho đơn hàng tiếp theo.',
    status: 'sent',
    sentAt: '2025-03-16T01:00:05.000Z',
    attachments: [],
  }),
  message({
    id: '99999999-0000-4000-8000-000000000003',
    channel: 'zns',
    recipient: '84901234567',
    subject: null,
    body: null,
    status: 'failed',
    error: 'Mẫu ZNS chưa được duyệt',
    attempts: 3,
    attachments: [],
  }),
];

function setup(path = '/outbox') {
  const api = mockApi([
    ...signedInRoutes(),
    { path: '/api/outbox', reply: () => ok({ items: messages, total: messages.length }) },
    ...messages.map((item) => ({
      path: `/api/outbox/${item.id}`,
      reply: () =>
        ok({
          ...item,
          payload: item.channel === 'zns' ? { templateId: '231456', params: { name: 'Lan' } } : {},
        }),
    })),
  ]);
  return { api, ...renderApp(path) };
}

describe('outbox', () => {
  it('lists every message with its channel, recipient, content, status and run', async () => {
    setup();
    const rows = await screen.findAllByTestId('outbox-row');
    const cells = within(rows[0]!)
      .getAllByRole('cell')
      .map((cell) => cell.textContent);
    expect(cells).toEqual([
      'Email',
      'khachhang@example.com',
      'Xác nhận đơn hàng ĐH-0001',
      'Đã lưu (không gửi thật)',
      '16/03/2025 16:30',
      'Xem lần chạy',
    ]);
    expect(within(rows[0]!).getByRole('link', { name: 'Xem lần chạy' })).toHaveAttribute(
      'href',
      '/runs/88888888-0000-4000-8000-000000000001',
    );
    expect(within(rows[1]!).getByText('Đã gửi')).toBeInTheDocument();
    expect(within(rows[2]!).getByText('Zalo ZNS')).toBeInTheDocument();
    expect(within(rows[2]!).getByText('Thất bại')).toBeInTheDocument();
    expect(within(rows[2]!).getByText('Mẫu ZNS chưa được duyệt')).toBeInTheDocument();
  });

  it('previews an email in a sandboxed frame, with its attachments to download', async () => {
    const { user, router } = setup();
    await user.click(await screen.findByRole('button', { name: 'Xác nhận đơn hàng ĐH-0001' }));
    const preview = await screen.findByTestId('outbox-preview');
    expect(router.state.location.search).toBe('?message=99999999-0000-4000-8000-000000000001');
    const frame = within(preview).getByTitle('Nội dung email');
    expect(frame).toHaveAttribute('sandbox', '');
    expect(frame.getAttribute('srcdoc')).toContain('<b>ĐH-0001</b> đã được giao');
    expect(within(preview).getByText(/lưu lại thay vì gửi thật/)).toBeInTheDocument();
    const download = within(preview).getByRole('link', { name: 'Tải xuống ĐH-0001.pdf' });
    expect(download).toHaveAttribute(
      'href',
      '/api/outbox/99999999-0000-4000-8000-000000000001/attachments/0',
    );
    expect(within(preview).getByText(/24 KB/)).toBeInTheDocument();

    await user.click(within(preview).getByRole('button', { name: 'Đóng xem trước' }));
    expect(screen.queryByTestId('outbox-preview')).not.toBeInTheDocument();
  });

  it('shows an SMS as text with the parts it will be billed as', async () => {
    const { user } = setup();
    const rows = await screen.findAllByTestId('outbox-row');
    await user.click(within(rows[1]!).getAllByRole('cell')[1]!);
    const preview = await screen.findByTestId('outbox-preview');
    expect(within(preview).getByText(/Chúc mừng sinh nhật chị Lan!/)).toBeInTheDocument();
    expect(within(preview).getByTestId('sms-segments')).toHaveTextContent('2 tin nhắn · 86 ký tự · UCS-2');
    expect(within(preview).queryByTitle('Nội dung email')).not.toBeInTheDocument();
  });

  it('shows what went to the provider for a ZNS message, and why it failed', async () => {
    setup('/outbox?message=99999999-0000-4000-8000-000000000003');
    const preview = await screen.findByTestId('outbox-preview');
    expect(within(preview).getByText('Mẫu ZNS chưa được duyệt')).toBeInTheDocument();
    await waitFor(() => expect(within(preview).getByText(/"templateId": "231456"/)).toBeInTheDocument());
  });

  it('filters by channel and status through the API', async () => {
    const { api, user } = setup();
    await screen.findAllByTestId('outbox-row');
    await user.selectOptions(screen.getByLabelText('Kênh'), 'sms');
    await user.selectOptions(screen.getByLabelText('Trạng thái'), 'captured');
    await waitFor(() => {
      const last = api.callsTo('GET', '/api/outbox').at(-1)?.url.searchParams;
      expect([last?.get('channel'), last?.get('status')]).toEqual(['sms', 'captured']);
    });
  });
});
