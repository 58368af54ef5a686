import type { User, Workflow } from '@crmflow/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { member, signedInRoutes } from '../test/fixtures.ts';
import { apiError, mockApi, ok } from '../test/mock-api.ts';
import { renderApp } from '../test/render-app.tsx';
import { sampleWorkflows, workflowList } from './workflow-fixtures.testing.ts';

/** A server holding `items`: lists filter by module and kind as the API does. */
interface Setup {
  items?: Workflow[];
  path?: string;
  user?: User;
}

function setup({ items = sampleWorkflows(), path = '/workflows', user }: Setup = {}) {
  let stored = items;
  const api = mockApi([
    ...signedInRoutes(user),
    {
      path: '/api/workflows',
      reply: (call) => {
        const module = call.url.searchParams.get('module');
        const kind = call.url.searchParams.get('kind');
        const shown = stored.filter(
          (item) => (!module || item.module === module) && (!kind || item.kind === kind),
        );
        const active = {
          order: stored.filter((item) => item.module === 'order' && item.status === 'active').length,
        };
        return ok(workflowList(shown, active));
      },
    },
  ]);
  const view = renderApp(path);
  return {
    api,
    ...view,
    replace(next: Workflow[]) {
      stored = next;
    },
  };
}

const rows = () => screen.getAllByTestId('workflow-row');
const rowOf = async (name: string) => {
  const row = (await screen.findAllByTestId('workflow-row')).find((candidate) =>
    candidate.textContent?.includes(name),
  );
  if (!row) throw new Error(`no row for ${name}`);
  return row;
};

describe('workflow list', () => {
  it('shows each workflow with its module, trigger in words, status, last run and run counts', async () => {
    const { api } = setup();
    const row = await rowOf('Xác nhận đơn hàng');
    expect(within(row).getByText('Báo người phụ trách khi đơn hàng đổi tình trạng')).toBeInTheDocument();
    expect(within(row).getByText('Đơn hàng')).toBeInTheDocument();
    expect(within(row).getByText('Khi sửa bản ghi, đổi bất kỳ: Tình trạng')).toBeInTheDocument();
    expect(within(row).getByRole('switch', { name: 'Kích hoạt “Xác nhận đơn hàng”' })).toBeChecked();
    expect(within(row).getByText('16/03/2025 16:30')).toBeInTheDocument();
    expect(within(row).getByText('Thất bại')).toBeInTheDocument();
    expect(within(row).getByRole('link', { name: /12 lần/ })).toHaveAttribute(
      'href',
      '/runs?workflowId=ffffffff-0000-4000-8000-000000000001',
    );
    expect(within(row).getByText('2 lỗi')).toBeInTheDocument();
    expect(within(row).getByRole('link', { name: 'Xác nhận đơn hàng' })).toHaveAttribute(
      'href',
      '/workflows/ffffffff-0000-4000-8000-000000000001',
    );
    expect(api.callsTo('GET', '/api/workflows')[0]?.url.searchParams.get('kind')).toBe('event');
  });

  it('counts the active workflows of the module shown against the limit', async () => {
    setup({ path: '/workflows?module=order' });
    const chip = await screen.findByTestId('active-count');
    expect(chip).toHaveTextContent('Đơn hàng');
    expect(chip).toHaveTextContent('Đã kích hoạt 1/10');
    expect(rows()).toHaveLength(3);
  });

  it('switches to the summary view and remembers the choice', async () => {
    const first = setup();
    const { user } = first;
    await screen.findByTestId('workflows-table');
    await user.click(screen.getByRole('button', { name: 'Tóm tắt' }));
    const cards = screen.getAllByTestId('workflow-card');
    expect(cards).toHaveLength(4);
    expect(within(cards[1]!).getByText('Khi sửa bản ghi, đổi bất kỳ: Tình trạng')).toBeInTheDocument();
    expect(screen.queryByTestId('workflows-table')).not.toBeInTheDocument();

    first.unmount();
    setup();
    expect(await screen.findByTestId('workflow-cards')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Tóm tắt' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('activates with the switch and explains the limit when the module is full', async () => {
    const { api, user } = setup();
    api.use({
      method: 'POST',
      path: '/api/workflows/ffffffff-0000-4000-8000-000000000002/activate',
      reply: () => apiError(409, { code: 'active_limit', message: 'Đã đạt giới hạn' }),
    });
    const row = await rowOf('Giao nhiệm vụ chăm sóc');
    await user.click(within(row).getByRole('switch', { name: 'Kích hoạt “Giao nhiệm vụ chăm sóc”' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'Không thể kích hoạt “Giao nhiệm vụ chăm sóc”: phân hệ Đơn hàng đã có 10 quy trình đang kích hoạt',
    );
    expect(api.callsTo('POST', '/api/workflows/ffffffff-0000-4000-8000-000000000002/activate')).toHaveLength(
      1,
    );
    expect(within(row).getByRole('switch')).not.toBeChecked();
  });

  it('deactivates an active workflow and shows its new state', async () => {
    const { api, user, replace } = setup();
    api.use({
      method: 'POST',
      path: '/api/workflows/ffffffff-0000-4000-8000-000000000001/deactivate',
      reply: () => {
        const next = sampleWorkflows().map((item) => ({ ...item, status: 'inactive' as const }));
        replace(next);
        return ok(next[1]);
      },
    });
    const row = await rowOf('Xác nhận đơn hàng');
    await user.click(within(row).getByRole('switch'));
    expect(await screen.findByText('Đã ngừng kích hoạt “Xác nhận đơn hàng”.')).toBeInTheDocument();
    await waitFor(() => expect(within(row).getByRole('switch')).not.toBeChecked());
  });

  it('lists what keeps an unfinished workflow from activating, with a way to open it', async () => {
    const { api, user } = setup();
    api.use({
      method: 'POST',
      path: '/api/workflows/ffffffff-0000-4000-8000-000000000003/activate',
      reply: () =>
        apiError(422, {
          code: 'invalid_graph',
          message: "Bước 'Gửi email xác nhận': chưa có người nhận: hãy chọn ít nhất một người nhận.",
          details: [
            {
              nodeId: 'n2',
              path: 'config.to',
              code: 'recipients_missing',
              message: "Bước 'Gửi email xác nhận': chưa có người nhận: hãy chọn ít nhất một người nhận.",
            },
          ],
        }),
    });
    await user.click(within(await rowOf('Ghi doanh số')).getByRole('switch'));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Chưa thể kích hoạt “Ghi doanh số” vì thiết lập còn lỗi:');
    expect(alert).toHaveTextContent(
      "Bước 'Gửi email xác nhận': chưa có người nhận: hãy chọn ít nhất một người nhận.",
    );
    expect(within(alert).getByRole('link', { name: 'Mở để sửa' })).toHaveAttribute(
      'href',
      '/workflows/ffffffff-0000-4000-8000-000000000003',
    );
  });

  it('shows members the status without letting them change it, and says why', async () => {
    setup({ user: member, path: '/workflows?module=order' });
    const row = await rowOf('Xác nhận đơn hàng');
    const toggle = within(row).getByRole('switch');
    expect(toggle).toHaveAttribute('aria-disabled', 'true');
    expect(toggle).toHaveAccessibleDescription(
      'Chỉ quản lý hoặc quản trị viên mới có thể kích hoạt, ngừng kích hoạt và sắp xếp quy trình.',
    );
    expect(within(row).queryByRole('button', { name: /Đưa .* lên trên/ })).not.toBeInTheDocument();
  });
});
