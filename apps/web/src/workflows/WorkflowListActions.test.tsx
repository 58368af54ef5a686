import type { Workflow } from '@crmflow/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { signedInRoutes } from '../test/fixtures.ts';
import { apiError, mockApi, ok } from '../test/mock-api.ts';
import { renderApp } from '../test/render-app.tsx';
import { birthdayGraph, sampleWorkflows, workflow, workflowList } from './workflow-fixtures.testing.ts';

const OrderBody = z.object({ ids: z.array(z.string()) });

function setup(path: string, items: Workflow[] = sampleWorkflows()) {
  let stored = items;
  const api = mockApi([
    ...signedInRoutes(),
    {
      path: '/api/workflows',
      reply: (call) => {
        const module = call.url.searchParams.get('module');
        const kind = call.url.searchParams.get('kind');
        return ok(
          workflowList(
            stored.filter((item) => (!module || item.module === module) && (!kind || item.kind === kind)),
          ),
        );
      },
    },
    {
      method: 'PUT',
      path: '/api/workflows/order',
      reply: (call) => {
        const body = OrderBody.parse(call.body);
        const byId = new Map(stored.map((item) => [item.id, item]));
        const ordered = body.ids.map((id, priority) => ({ ...byId.get(id)!, priority }));
        stored = [...stored.filter((item) => !body.ids.includes(item.id)), ...ordered];
        return ok({ items: ordered });
      },
    },
    {
      method: 'DELETE',
      path: /^\/api\/workflows\/[^/]+$/,
      reply: (call) => {
        stored = stored.filter((item) => `/api/workflows/${item.id}` !== call.url.pathname);
        return { status: 204 };
      },
    },
  ]);
  return { api, ...renderApp(path) };
}

const names = () =>
  screen.getAllByTestId('workflow-row').map((row) => within(row).getAllByRole('link')[0]?.textContent);

/** What a browser hands the page during a drag; jsdom has no DataTransfer of its own. */
function dataTransfer() {
  const data = new Map<string, string>();
  return {
    effectAllowed: '',
    dropEffect: '',
    setData: (type: string, value: string) => data.set(type, value),
    getData: (type: string) => data.get(type) ?? '',
  };
}

describe('workflow priority order', () => {
  it('sends the new order when a row is dropped on another', async () => {
    const { api } = setup('/workflows?module=order');
    await screen.findAllByTestId('workflow-row');
    expect(names()).toEqual(['Xác nhận đơn hàng', 'Giao nhiệm vụ chăm sóc', 'Ghi doanh số']);

    const [first, , third] = screen.getAllByTestId('workflow-row');
    const transfer = dataTransfer();
    fireEvent.dragStart(third!, { dataTransfer: transfer });
    fireEvent.dragOver(first!, { dataTransfer: transfer });
    fireEvent.drop(first!, { dataTransfer: transfer });

    await waitFor(() => expect(api.callsTo('PUT', '/api/workflows/order')).toHaveLength(1));
    expect(api.callsTo('PUT', '/api/workflows/order')[0]?.body).toEqual({
      module: 'order',
      kind: 'event',
      ids: [
        'ffffffff-0000-4000-8000-000000000003',
        'ffffffff-0000-4000-8000-000000000001',
        'ffffffff-0000-4000-8000-000000000002',
      ],
    });
    expect(names()).toEqual(['Ghi doanh số', 'Xác nhận đơn hàng', 'Giao nhiệm vụ chăm sóc']);
    expect(await screen.findByText('Đã lưu thứ tự ưu tiên.')).toBeInTheDocument();
  });

  it('moves a row with the keyboard buttons', async () => {
    const { api, user } = setup('/workflows?module=order');
    await user.click(await screen.findByRole('button', { name: 'Đưa “Xác nhận đơn hàng” xuống dưới' }));
    await waitFor(() => expect(api.callsTo('PUT', '/api/workflows/order')).toHaveLength(1));
    expect(api.callsTo('PUT', '/api/workflows/order')[0]?.body).toMatchObject({
      ids: [
        'ffffffff-0000-4000-8000-000000000002',
        'ffffffff-0000-4000-8000-000000000001',
        'ffffffff-0000-4000-8000-000000000003',
      ],
    });
    expect(screen.getByRole('button', { name: 'Đưa “Giao nhiệm vụ chăm sóc” lên trên' })).toBeDisabled();
  });

  it('puts the rows back when the server refuses the order', async () => {
    const { api, user } = setup('/workflows?module=order');
    api.use({
      method: 'PUT',
      path: '/api/workflows/order',
      reply: () => apiError(403, { code: 'forbidden', message: 'Không được phép' }),
    });
    await user.click(await screen.findByRole('button', { name: 'Đưa “Xác nhận đơn hàng” xuống dưới' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Bạn không có quyền thực hiện thao tác này.');
    await waitFor(() =>
      expect(names()).toEqual(['Xác nhận đơn hàng', 'Giao nhiệm vụ chăm sóc', 'Ghi doanh số']),
    );
  });

  it('offers no reordering across modules', async () => {
    setup('/workflows');
    await screen.findAllByTestId('workflow-row');
    expect(screen.queryByTestId('drag-handle')).not.toBeInTheDocument();
    expect(screen.getAllByTestId('workflow-row')[0]).not.toHaveAttribute('draggable');
    expect(screen.getByText(/Chọn một phân hệ .* để sắp xếp thứ tự ưu tiên/)).toBeInTheDocument();
  });
});

describe('workflow row actions', () => {
  it('deletes an inactive workflow after confirmation', async () => {
    const { api, user } = setup('/workflows');
    const row = (await screen.findAllByTestId('workflow-row')).find((r) =>
      r.textContent?.includes('Ghi doanh số'),
    )!;
    await user.click(within(row).getByRole('button', { name: 'Xóa “Ghi doanh số”' }));
    const dialog = screen.getByRole('dialog', { name: 'Xóa quy trình?' });
    expect(dialog).toHaveTextContent('Quy trình “Ghi doanh số” sẽ bị xóa');
    expect(api.callsTo('DELETE', '/api/workflows/ffffffff-0000-4000-8000-000000000003')).toHaveLength(0);
    await user.click(within(dialog).getByRole('button', { name: 'Xóa' }));
    await waitFor(() =>
      expect(api.callsTo('DELETE', '/api/workflows/ffffffff-0000-4000-8000-000000000003')).toHaveLength(1),
    );
    await waitFor(() => expect(names()).not.toContain('Ghi doanh số'));
    expect(screen.getByText('Đã xóa “Ghi doanh số”.')).toBeInTheDocument();
  });

  it('keeps the workflow when the confirmation is cancelled', async () => {
    const { api, user } = setup('/workflows');
    const row = (await screen.findAllByTestId('workflow-row')).find((r) =>
      r.textContent?.includes('Ghi doanh số'),
    )!;
    await user.click(within(row).getByRole('button', { name: 'Xóa “Ghi doanh số”' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Hủy' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(api.callsTo('DELETE', /\/api\/workflows\//)).toHaveLength(0);
  });

  it('refuses to delete an active workflow and says why, to the keyboard too', async () => {
    const { api, user } = setup('/workflows');
    const row = (await screen.findAllByTestId('workflow-row')).find((r) =>
      r.textContent?.includes('Xác nhận đơn hàng'),
    )!;
    const remove = within(row).getByRole('button', { name: 'Xóa “Xác nhận đơn hàng”' });
    expect(remove).toHaveAttribute('aria-disabled', 'true');
    expect(remove).toHaveAccessibleDescription(
      'Không thể xóa quy trình đang kích hoạt: hãy ngừng kích hoạt trước.',
    );
    expect(within(row).getByRole('tooltip')).toHaveTextContent('Không thể xóa quy trình đang kích hoạt');
    remove.focus();
    await user.keyboard('{Enter}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(api.callsTo('DELETE', /\/api\/workflows\//)).toHaveLength(0);
  });

  it('clones a workflow and links to the inactive copy', async () => {
    const { api, user } = setup('/workflows');
    api.use({
      method: 'POST',
      path: '/api/workflows/ffffffff-0000-4000-8000-000000000001/clone',
      reply: () => ({
        status: 201,
        body: workflow({ id: 'ffffffff-0000-4000-8000-000000000006', name: 'Xác nhận đơn hàng (bản sao)' }),
      }),
    });
    const row = (await screen.findAllByTestId('workflow-row')).find((r) =>
      r.textContent?.includes('Xác nhận đơn hàng'),
    )!;
    await user.click(within(row).getByRole('button', { name: 'Nhân bản “Xác nhận đơn hàng”' }));
    const status = await screen.findByText('Đã tạo “Xác nhận đơn hàng (bản sao)” (chưa kích hoạt).');
    expect(within(status.closest('[role="status"]')!).getByRole('link')).toHaveAttribute(
      'href',
      '/workflows/ffffffff-0000-4000-8000-000000000006',
    );
  });
});

describe('empty lists and care processes', () => {
  it('teaches what a workflow does and offers both ways to start', async () => {
    setup('/workflows', []);
    expect(
      await screen.findByRole('heading', { name: 'Chưa có quy trình nào — tạo mới hoặc dùng mẫu' }),
    ).toBeInTheDocument();
    expect(
      screen
        .getAllByRole('link', { name: /Thêm/ })
        .every((link) => link.getAttribute('href') === '/workflows/new?kind=event'),
    ).toBe(true);
    expect(screen.getByRole('link', { name: 'Dùng mẫu' })).toHaveAttribute('href', '/templates?kind=event');
  });

  it('lists care processes as summary cards, asking the server for that kind only', async () => {
    const care = workflow({
      id: 'ffffffff-0000-4000-8000-000000000008',
      module: 'contact',
      kind: 'schedule',
      name: 'Chúc mừng sinh nhật',
      graph: birthdayGraph,
    });
    const { api } = setup('/care-processes', [...sampleWorkflows(), care]);
    const card = await screen.findByTestId('workflow-card');
    expect(within(card).getByText('Hằng năm vào Ngày sinh, lúc 08:00')).toBeInTheDocument();
    expect(within(card).getByRole('link', { name: 'Chúc mừng sinh nhật' })).toHaveAttribute(
      'href',
      '/care-processes/ffffffff-0000-4000-8000-000000000008',
    );
    expect(screen.getByRole('link', { name: /Thêm/ })).toHaveAttribute(
      'href',
      '/workflows/new?kind=schedule',
    );
    expect(api.callsTo('GET', '/api/workflows')[0]?.url.searchParams.get('kind')).toBe('schedule');
    expect(screen.getByTestId('workflows-total')).toHaveTextContent('1 quy trình chăm sóc');
  });
});
