import type { Workflow } from '@crmflow/contracts';
import type { FlowGraph } from '@crmflow/flow';
import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { member, signedInRoutes } from '../../test/fixtures.ts';
import { apiError, type MockRoute, mockApi, ok } from '../../test/mock-api.ts';
import { renderApp } from '../../test/render-app.tsx';
import { editorApiRoutes, installFlowShims, trigger } from '../test/render-editor.tsx';

const validGraph: FlowGraph = {
  nodes: [
    trigger(),
    {
      id: 'n2',
      type: 'notify',
      position: { x: 0, y: 150 },
      config: { name: 'Báo', to: { fields: ['owner_id'], users: [] }, message: 'Đơn #code đã giao' },
    },
  ],
  edges: [{ id: 'e1', source: 'n1', target: 'n2' }],
};

function workflow(overrides: Partial<Workflow> = {}): Workflow {
  return {
    id: 'ffffffff-0000-4000-8000-000000000001',
    module: 'order',
    kind: 'event',
    name: 'Báo khi giao hàng',
    description: '',
    status: 'inactive',
    priority: 0,
    version: 3,
    versionId: '88888888-0000-4000-8000-000000000003',
    graph: validGraph,
    createdAt: '2025-03-01T00:00:00.000Z',
    updatedAt: '2025-03-01T00:00:00.000Z',
    activatedAt: null,
    createdBy: null,
    stats: { runs: 0, failed: 0, lastRunAt: null, lastRunStatus: null },
    validation: [],
    ...overrides,
  };
}

function routes(current: Workflow, extra: MockRoute[] = []): MockRoute[] {
  return [
    ...signedInRoutes(),
    ...editorApiRoutes(),
    { path: '/api/workflows/ffffffff-0000-4000-8000-000000000001', reply: () => ok(current) },
    ...extra,
  ];
}

beforeEach(() => {
  installFlowShims();
});

describe('workflow editor page', () => {
  it('saves the name and the graph as they are on the canvas', async () => {
    const api = mockApi(
      routes(workflow(), [
        {
          method: 'PUT',
          path: '/api/workflows/ffffffff-0000-4000-8000-000000000001',
          reply: (call) => ok({ ...workflow(), ...(call.body as object), version: 4 }),
        },
      ]),
    );
    const { user } = renderApp('/workflows/ffffffff-0000-4000-8000-000000000001');
    const name = await screen.findByLabelText('Tên quy trình');
    await user.clear(name);
    await user.type(name, 'Báo chủ sở hữu');
    await waitFor(() => expect(screen.getByTestId('dirty-state')).toHaveTextContent('Có thay đổi chưa lưu'));
    await user.click(screen.getByTestId('editor-save'));
    await screen.findByText('Đã lưu quy trình.');
    const [put] = api.callsTo('PUT', '/api/workflows/ffffffff-0000-4000-8000-000000000001');
    expect(put?.body).toMatchObject({ name: 'Báo chủ sở hữu', graph: validGraph });
    await waitFor(() => expect(screen.getByTestId('dirty-state')).toHaveTextContent('Đã lưu'));
  });

  it('refuses to activate an invalid flow and lists why', async () => {
    const broken = { ...validGraph, edges: [] };
    const api = mockApi(routes(workflow({ graph: broken })));
    const { user } = renderApp('/workflows/ffffffff-0000-4000-8000-000000000001');
    await screen.findByTestId('editor-activate');
    // Still reachable from the keyboard, it says why it cannot be used and does nothing.
    await waitFor(() =>
      expect(screen.getByTestId('editor-activate')).toHaveAttribute('aria-disabled', 'true'),
    );
    const activate = screen.getByTestId('editor-activate');
    expect(activate).toBeEnabled();
    expect(activate).toHaveAccessibleDescription('Chưa thể kích hoạt: còn 1 lỗi.');
    await user.click(activate);
    expect(api.callsTo('POST', '/api/workflows/ffffffff-0000-4000-8000-000000000001/activate')).toHaveLength(
      0,
    );
    const reason = screen.getByRole('button', { name: 'Chưa thể kích hoạt: còn 1 lỗi.' });
    await user.click(reason);
    expect(
      within(screen.getByTestId('problem-list')).getByText(
        /chưa được nối từ bước 'Khi nào' nên sẽ không bao giờ chạy/,
      ),
    ).toBeInTheDocument();
  });

  it('keeps the trigger entry of the palette reachable once the flow has one, and says why', async () => {
    mockApi(routes(workflow()));
    const { user } = renderApp('/workflows/ffffffff-0000-4000-8000-000000000001');
    const palette = await screen.findByTestId('palette');
    const entry = await waitFor(() => {
      const found = palette.querySelector<HTMLButtonElement>('[data-node-type="trigger"]');
      expect(found).not.toBeNull();
      return found as HTMLButtonElement;
    });
    expect(entry).toHaveAttribute('aria-disabled', 'true');
    expect(entry).toBeEnabled();
    expect(entry).toHaveAccessibleDescription('Quy trình đã có bước "Khi nào".');
    const nodesBefore = document.querySelectorAll('.react-flow__node').length;
    await user.click(entry);
    expect(document.querySelectorAll('.react-flow__node')).toHaveLength(nodesBefore);
    const notify = palette.querySelector('[data-node-type="notify"]');
    expect(notify).not.toHaveAttribute('aria-disabled');
  });

  it('tells the 10-per-module limit in the server’s words', async () => {
    mockApi(
      routes(workflow(), [
        {
          method: 'POST',
          path: '/api/workflows/ffffffff-0000-4000-8000-000000000001/activate',
          reply: () =>
            apiError(409, {
              code: 'active_limit',
              message: 'Phân hệ Đơn hàng đã có 10 quy trình đang kích hoạt.',
            }),
        },
      ]),
    );
    const { user } = renderApp('/workflows/ffffffff-0000-4000-8000-000000000001');
    const activate = await screen.findByTestId('editor-activate');
    await waitFor(() => expect(activate).toBeEnabled());
    await user.click(activate);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Phân hệ Đơn hàng đã có 10 quy trình đang kích hoạt.',
    );
  });

  it('shows an active flow read-only; a member is told to ask a manager', async () => {
    const api = mockApi([...routes(workflow({ status: 'active' })), ...signedInRoutes(member).slice(0, 1)]);
    const { user } = renderApp('/workflows/ffffffff-0000-4000-8000-000000000001');
    const banner = await screen.findByTestId('read-only-banner');
    expect(banner).toHaveTextContent('Quy trình đang kích hoạt — chỉ xem');
    expect(banner).toHaveTextContent('Nhờ quản lý ngừng kích hoạt nếu cần sửa.');
    expect(screen.queryByTestId('palette')).toBeNull();
    expect(screen.queryByTestId('editor-save')).toBeNull();
    const deactivate = screen.getByRole('button', { name: 'Ngừng kích hoạt' });
    expect(deactivate).toHaveAttribute('aria-disabled', 'true');
    expect(deactivate).toHaveAccessibleDescription(
      'Chỉ quản lý hoặc quản trị viên mới kích hoạt hay ngừng kích hoạt được quy trình.',
    );
    await user.click(deactivate);
    expect(
      api.callsTo('POST', '/api/workflows/ffffffff-0000-4000-8000-000000000001/deactivate'),
    ).toHaveLength(0);
  });
});
