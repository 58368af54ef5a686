import type { Workflow } from '@crmflow/contracts';
import type { FlowGraph } from '@crmflow/flow';
import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CarePreview } from '../../api/care-preview.ts';
import { signedInRoutes } from '../../test/fixtures.ts';
import { type MockRoute, mockApi, ok } from '../../test/mock-api.ts';
import { renderApp } from '../../test/render-app.tsx';
import { editorApiRoutes, installFlowShims } from '../test/render-editor.tsx';
import { hiddenCount } from './CarePreviewPanel.tsx';

const graph: FlowGraph = {
  nodes: [
    {
      id: 'n1',
      type: 'trigger',
      position: { x: 0, y: 0 },
      config: { dateField: 'birthday', recurrence: 'yearly', offsetDays: 0, window: 'day', runAt: '08:00' },
    },
    {
      id: 'n2',
      type: 'notify',
      position: { x: 0, y: 150 },
      config: { name: 'Nhắc', to: { fields: ['owner_id'], users: [] }, message: 'Sinh nhật #name' },
    },
  ],
  edges: [{ id: 'e1', source: 'n1', target: 'n2' }],
};

const careProcess = (overrides: Partial<Workflow> = {}): Workflow => ({
  id: 'ffffffff-0000-4000-8000-000000000005',
  module: 'contact',
  kind: 'schedule',
  name: 'Chúc mừng sinh nhật',
  description: '',
  status: 'inactive',
  priority: 0,
  version: 2,
  versionId: '88888888-0000-4000-8000-000000000002',
  graph,
  createdAt: '2025-03-01T00:00:00.000Z',
  updatedAt: '2025-03-01T00:00:00.000Z',
  activatedAt: null,
  createdBy: null,
  stats: { runs: 0, failed: 0, lastRunAt: null, lastRunStatus: null },
  validation: [],
  ...overrides,
});

const record = (n: number, fireDate = '2025-03-17') => ({
  id: `cccccccc-0000-4000-8000-${String(n).padStart(12, '0')}`,
  title: `Khách hàng ${n}`,
  occurrence: fireDate,
  fireDate,
});

const preview: CarePreview = {
  today: { date: '2025-03-17', total: 102, records: Array.from({ length: 100 }, (_, i) => record(i + 1)) },
  thisWeek: {
    from: '2025-03-17',
    to: '2025-03-23',
    total: 2,
    records: [record(1), record(200, '2025-03-19')],
  },
  nextRuns: ['17', '18', '19', '20', '21', '22', '23'].map((day, i) => ({
    date: `2025-03-${day}`,
    total: i,
  })),
};

function routes(workflow: Workflow, extra: MockRoute[] = []): MockRoute[] {
  return [
    ...signedInRoutes(),
    ...editorApiRoutes(),
    { path: `/api/workflows/${workflow.id}`, reply: () => ok(workflow) },
    { path: `/api/workflows/${workflow.id}/preview`, reply: () => ok(preview) },
    ...extra,
  ];
}

beforeEach(() => {
  installFlowShims();
});

describe('next runs of a care process in the editor', () => {
  it('lists who is due today and this week, and the next seven runs', async () => {
    const api = mockApi(routes(careProcess()));
    const { user } = renderApp('/workflows/ffffffff-0000-4000-8000-000000000005');
    await user.click(await screen.findByRole('button', { name: 'Lịch chạy tới' }));
    const panel = await screen.findByTestId('care-preview');
    const today = await within(panel).findByTestId('care-preview-today');
    expect(today).toHaveTextContent('Hôm nay (17/03/2025)');
    expect(today).toHaveTextContent('102 bản ghi');
    expect(within(today).getAllByRole('listitem')).toHaveLength(100);
    expect(today).toHaveTextContent('và 2 bản ghi khác');
    const week = within(panel).getByTestId('care-preview-week');
    expect(week).toHaveTextContent('Tuần này (17/03/2025 – 23/03/2025)');
    expect(within(week).getByText('Khách hàng 200').parentElement).toHaveTextContent('19/03/2025');
    const runs = within(within(panel).getByTestId('care-preview-runs')).getAllByRole('listitem');
    expect(runs.map((row) => row.textContent)).toEqual([
      '17/03/20250 bản ghi',
      '18/03/20251 bản ghi',
      '19/03/20252 bản ghi',
      '20/03/20253 bản ghi',
      '21/03/20254 bản ghi',
      '22/03/20255 bản ghi',
      '23/03/20256 bản ghi',
    ]);
    expect(api.callsTo('GET', '/api/workflows/ffffffff-0000-4000-8000-000000000005/preview')).toHaveLength(1);
    await user.click(within(panel).getByRole('button', { name: 'Đóng lịch chạy tới' }));
    await waitFor(() => expect(screen.queryByTestId('care-preview')).toBeNull());
  });

  it('says the preview is of the saved version while there are unsaved changes', async () => {
    mockApi(routes(careProcess()));
    const { user } = renderApp('/workflows/ffffffff-0000-4000-8000-000000000005');
    const name = await screen.findByLabelText('Tên quy trình');
    await user.type(name, ' khách hàng');
    await user.click(screen.getByRole('button', { name: 'Lịch chạy tới' }));
    await screen.findByText('Có thay đổi chưa lưu: lưu quy trình để xem theo bản mới.');
  });

  it('is offered for care processes only', async () => {
    mockApi(
      routes(
        careProcess({
          kind: 'event',
          module: 'order',
          graph: {
            ...graph,
            nodes: [
              { id: 'n1', type: 'trigger', position: { x: 0, y: 0 }, config: { on: 'create' } },
              ...graph.nodes.slice(1),
            ],
          },
        }),
      ),
    );
    renderApp('/workflows/ffffffff-0000-4000-8000-000000000005');
    await screen.findByLabelText('Tên quy trình');
    expect(screen.queryByRole('button', { name: 'Lịch chạy tới' })).toBeNull();
  });

  it('counts the records a list leaves out', () => {
    expect(hiddenCount({ total: 102, records: preview.today.records })).toBe(2);
    expect(hiddenCount({ total: 2, records: preview.thisWeek.records })).toBe(0);
    expect(hiddenCount({ total: 0, records: [] })).toBe(0);
  });
});
