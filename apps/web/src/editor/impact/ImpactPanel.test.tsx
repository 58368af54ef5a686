import type { Workflow } from '@crmflow/contracts';
import type { FlowGraph } from '@crmflow/flow';
import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ImpactPreview } from '../../api/workflow-impact.ts';
import { signedInRoutes } from '../../test/fixtures.ts';
import { type MockRoute, mockApi, ok } from '../../test/mock-api.ts';
import { renderApp } from '../../test/render-app.tsx';
import { editorApiRoutes, installFlowShims } from '../test/render-editor.tsx';

const graph: FlowGraph = {
  nodes: [
    { id: 't', type: 'trigger', position: { x: 0, y: 0 }, config: { on: 'update', fields: ['status'] } },
    {
      id: 'mark',
      type: 'update_fields',
      position: { x: 0, y: 150 },
      config: { name: 'Đề nghị ghi doanh số', values: [{ field: 'revenue_status', value: 'proposed' }] },
    },
  ],
  edges: [{ id: 'e1', source: 't', target: 'mark' }],
};

const flow = (overrides: Partial<Workflow> = {}): Workflow => ({
  id: 'ffffffff-0000-4000-8000-000000000001',
  module: 'order',
  kind: 'event',
  name: 'Giao hàng xong',
  description: '',
  status: 'inactive',
  priority: 0,
  version: 3,
  versionId: '88888888-0000-4000-8000-000000000003',
  graph,
  createdAt: '2025-03-01T00:00:00.000Z',
  updatedAt: '2025-03-01T00:00:00.000Z',
  activatedAt: null,
  createdBy: null,
  stats: { runs: 0, failed: 0, lastRunAt: null, lastRunStatus: null },
  validation: [],
  ...overrides,
});

const impact = (days: number): ImpactPreview => ({
  kind: 'event',
  days,
  from: '2025-02-15T00:00:00.000Z',
  to: '2025-03-17T00:00:00.000Z',
  scanned: 40,
  runs: days === 30 ? 3 : 1,
  records: days === 30 ? 2 : 1,
  items: [
    {
      recordId: 'cccccccc-0000-4000-8000-000000000001',
      title: 'DH-0001',
      at: '2025-03-16T09:30:00.000Z',
      actions: [
        {
          nodeId: 'mark',
          type: 'update_fields',
          status: 'would_run',
          reason: 'Sẽ cập nhật 1 trường',
          preview: { changes: [{ field: 'revenue_status', from: 'none', to: 'proposed' }] },
        },
      ],
    },
    {
      recordId: 'cccccccc-0000-4000-8000-000000000002',
      title: 'DH-0002',
      at: '2025-03-10T09:30:00.000Z',
      actions: null,
    },
  ],
});

function routes(workflow: Workflow, extra: MockRoute[] = []): MockRoute[] {
  return [
    ...signedInRoutes(),
    ...editorApiRoutes(),
    { path: `/api/workflows/${workflow.id}`, reply: () => ok(workflow) },
    {
      method: 'POST',
      path: `/api/workflows/${workflow.id}/impact`,
      reply: (request) => ok(impact((request.body as { days: number }).days)),
    },
    ...extra,
  ];
}

beforeEach(() => {
  installFlowShims();
});

describe('"Nếu kích hoạt…" in the editor', () => {
  it('shows the count, the records as links and each action’s effect, and asks again for another period', async () => {
    const api = mockApi(routes(flow()));
    const { user } = renderApp('/workflows/ffffffff-0000-4000-8000-000000000001');
    await user.click(await screen.findByRole('button', { name: 'Nếu kích hoạt…' }));
    const panel = await screen.findByTestId('impact-panel');
    expect(await within(panel).findByTestId('impact-summary')).toHaveTextContent(
      'Sẽ chạy 3 lần trên 2 bản ghi',
    );
    const runs = within(panel).getAllByTestId('impact-run');
    expect(runs).toHaveLength(2);
    expect(within(runs[0] as HTMLElement).getByRole('link', { name: 'DH-0001' })).toHaveAttribute(
      'href',
      '/records/order/cccccccc-0000-4000-8000-000000000001',
    );
    expect(within(runs[0] as HTMLElement).getByTestId('impact-action')).toHaveTextContent(
      'Cập nhật thông tin "Đề nghị ghi doanh số": Sẽ cập nhật 1 trường',
    );
    expect(within(panel).getByText('và 1 lần chạy khác')).toBeVisible();
    await user.selectOptions(within(panel).getByTestId('impact-days'), '7');
    expect(await within(panel).findByText('Sẽ chạy 1 lần')).toBeVisible();
    expect(
      api
        .callsTo('POST', '/api/workflows/ffffffff-0000-4000-8000-000000000001/impact')
        .map((call) => call.body),
    ).toEqual([{ days: 30 }, { days: 7 }]);
  });

  it('shows the conflict warnings of the saved flow above the canvas, with the chain of a loop', async () => {
    mockApi(
      routes(
        flow({
          conflicts: [
            {
              kind: 'cycle',
              nodeIds: ['mark'],
              text: { vi: 'Vòng lặp giữa các quy trình: …', en: 'A loop between flows: …' },
              chain: [
                {
                  workflowId: 'ffffffff-0000-4000-8000-000000000001',
                  workflowName: 'Giao hàng xong',
                  nodeId: 'mark',
                  module: 'order',
                  fields: ['revenue_status'],
                },
                {
                  workflowId: 'ffffffff-0000-4000-8000-000000000002',
                  workflowName: 'Ghi doanh số',
                  nodeId: 'w',
                  module: 'order',
                  fields: ['status'],
                },
              ],
            },
          ],
        }),
      ),
    );
    renderApp('/workflows/ffffffff-0000-4000-8000-000000000001');
    const warnings = await screen.findByTestId('conflict-warnings');
    expect(warnings).toHaveTextContent('1 cảnh báo với các quy trình khác');
    expect(warnings).toHaveTextContent('Vòng lặp giữa các quy trình: …');
    const chain = within(warnings).getByRole('list', { name: 'Chuỗi quy trình' });
    expect(
      within(chain)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Giao hàng xong', 'Ghi doanh số', 'Giao hàng xong']);
    expect(within(chain).getByRole('link', { name: 'Ghi doanh số' })).toHaveAttribute(
      'href',
      '/workflows/ffffffff-0000-4000-8000-000000000002',
    );
  });
});
