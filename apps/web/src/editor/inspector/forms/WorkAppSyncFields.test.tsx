import type { FlowGraph } from '@crmflow/flow';
import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { providerView } from '../../../test/fixtures.ts';
import { ok } from '../../../test/mock-api.ts';
import { installFlowShims, renderInspector, trigger } from '../../test/render-editor.tsx';

const graph: FlowGraph = {
  nodes: [
    trigger(),
    {
      id: 'n2',
      type: 'create_task',
      position: { x: 0, y: 150 },
      config: { title: 'Gọi khách', assignee: { field: 'owner_id' } },
    },
  ],
  edges: [{ id: 'e1', source: 'n1', target: 'n2' }],
};

const workAppRoutes = [
  {
    path: '/api/providers',
    reply: () =>
      ok({
        items: [
          providerView({
            id: '15151515-0000-4000-8000-000000000002',
            kind: 'workapp',
            adapter: 'http',
            name: 'AMIS Công việc',
            isDefault: true,
          }),
        ],
      }),
  },
  {
    path: '/api/providers/15151515-0000-4000-8000-000000000002/projects',
    reply: () => ok({ items: [{ id: 'p-kd', name: 'Kinh doanh' }] }),
  },
  {
    path: '/api/providers/15151515-0000-4000-8000-000000000002/projects/p-kd/groups',
    reply: () => ok({ items: [{ id: 'g-1', name: 'Việc cần làm' }] }),
  },
];

beforeEach(() => {
  installFlowShims();
});

describe('create_task: Đồng bộ sang ứng dụng công việc', () => {
  it('picks a project and a group the default work app lists', async () => {
    const { user, configOf } = renderInspector({ graph, select: 'n2', routes: workAppRoutes });
    await user.click(screen.getByLabelText('Đồng bộ sang ứng dụng công việc'));
    expect(configOf('n2')).toMatchObject({ workApp: { providerId: '', projectId: '', groupId: '' } });
    const project = screen.getByLabelText('Dự án');
    await waitFor(() =>
      expect(within(project).getByRole('option', { name: 'Kinh doanh' })).toBeInTheDocument(),
    );
    await user.selectOptions(project, 'p-kd');
    const group = screen.getByLabelText('Nhóm công việc');
    await waitFor(() =>
      expect(within(group).getByRole('option', { name: 'Việc cần làm' })).toBeInTheDocument(),
    );
    await user.selectOptions(group, 'g-1');
    expect(configOf('n2')).toMatchObject({ workApp: { providerId: '', projectId: 'p-kd', groupId: 'g-1' } });
    await user.click(screen.getByLabelText('Đồng bộ sang ứng dụng công việc'));
    expect(configOf('n2')).toMatchObject({ workApp: null });
  });
});
