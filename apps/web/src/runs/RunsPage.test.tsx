import type { Run } from '@crmflow/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { signedInRoutes } from '../test/fixtures.ts';
import { mockApi, ok } from '../test/mock-api.ts';
import { renderApp } from '../test/render-app.tsx';
import { sampleWorkflows, workflowList } from '../workflows/workflow-fixtures.testing.ts';
import { sampleRun } from './run-fixtures.testing.ts';

const run = sampleRun;

const runs = [
  run(),
  run({
    id: '99999999-0000-4000-8000-000000000002',
    status: 'failed',
    reason: 'Máy chủ email từ chối người nhận',
    finishedAt: '2025-03-16T09:32:05.000Z',
  }),
  run({
    id: '99999999-0000-4000-8000-000000000003',
    status: 'dropped',
    reason: 'Vượt quá độ sâu 5 của chuỗi quy trình',
    recordId: null,
    recordTitle: null,
  }),
];

interface Setup {
  path?: string;
  items?: Run[];
  total?: number;
}

function setup({ path = '/runs', items = runs, total }: Setup = {}) {
  const api = mockApi([
    ...signedInRoutes(),
    { path: '/api/workflows', reply: () => ok(workflowList(sampleWorkflows())) },
    { path: '/api/runs', reply: () => ok({ items, total: total ?? items.length }) },
  ]);
  return {
    api,
    ...renderApp(path),
    runCalls: () => api.callsTo('GET', '/api/runs').map((call) => call.url.searchParams),
  };
}

describe('run history', () => {
  it('lists runs with their workflow, record, status, times and duration', async () => {
    setup();
    const rows = await screen.findAllByTestId('run-row');
    expect(rows).toHaveLength(3);
    const cells = within(rows[0]!)
      .getAllByRole('cell')
      .map((cell) => cell.textContent);
    expect(cells).toEqual([
      'Xác nhận đơn hàng',
      'ĐH-0001',
      'Thành công',
      '16/03/2025 16:30',
      '16/03/2025 16:30',
      '2,4 giây',
    ]);
    expect(within(rows[0]!).getByRole('link', { name: 'ĐH-0001' })).toHaveAttribute(
      'href',
      '/records/order/cccccccc-0000-4000-8000-000000000001',
    );
    expect(within(rows[0]!).getByRole('link', { name: /Xác nhận đơn hàng/ })).toHaveAttribute(
      'href',
      '/runs/99999999-0000-4000-8000-000000000001',
    );
    expect(within(rows[1]!).getByText('Thất bại')).toBeInTheDocument();
    expect(within(rows[1]!).getByText('Máy chủ email từ chối người nhận')).toBeInTheDocument();
    expect(within(rows[1]!).getByText('2 phút 5 giây')).toBeInTheDocument();
    expect(within(rows[2]!).getByText('Đã chặn')).toBeInTheDocument();
    expect(within(rows[2]!).getByText('Vượt quá độ sâu 5 của chuỗi quy trình')).toBeInTheDocument();
    expect(within(rows[2]!).getByText('(Không còn bản ghi)')).toBeInTheDocument();
    expect(screen.getByTestId('runs-total')).toHaveTextContent('3 lần chạy');
  });

  it('opens a run on the canvas when its row is clicked', async () => {
    const { user, router } = setup();
    const rows = await screen.findAllByTestId('run-row');
    await user.click(within(rows[1]!).getAllByRole('cell')[3]!);
    expect(router.state.location.pathname).toBe('/runs/99999999-0000-4000-8000-000000000002');
  });

  it('filters by status and workflow, and pages through the API', async () => {
    const { user, runCalls } = setup({ total: 45 });
    await screen.findAllByTestId('run-row');
    await user.selectOptions(screen.getByLabelText('Trạng thái'), 'failed');
    await waitFor(() => expect(runCalls().at(-1)?.get('status')).toBe('failed'));
    await user.selectOptions(screen.getByLabelText('Quy trình'), 'ffffffff-0000-4000-8000-000000000002');
    await waitFor(() =>
      expect(runCalls().at(-1)?.get('workflowId')).toBe('ffffffff-0000-4000-8000-000000000002'),
    );
    expect(runCalls().at(-1)?.get('status')).toBe('failed');
    await user.click(screen.getByRole('button', { name: 'Trang sau' }));
    await waitFor(() => expect(runCalls().at(-1)?.get('page')).toBe('2'));
    expect(screen.getByText('Trang 2 / 3')).toBeInTheDocument();
  });

  it('reads the filters from the address, so a workflow’s run link lands filtered', async () => {
    const { runCalls } = setup({ path: '/runs?workflowId=ffffffff-0000-4000-8000-000000000001', items: [] });
    expect(await screen.findByText('Không có lần chạy nào khớp với bộ lọc.')).toBeInTheDocument();
    expect(runCalls()[0]?.get('workflowId')).toBe('ffffffff-0000-4000-8000-000000000001');
  });

  it('refreshes by itself while a run is in progress', async () => {
    const { runCalls } = setup({ items: [run({ status: 'running', finishedAt: null })] });
    expect(await screen.findByText('Đang tự cập nhật')).toBeInTheDocument();
    await waitFor(() => expect(runCalls().length).toBeGreaterThan(1), { timeout: 6000 });
  });

  it('does not poll quickly when every run has finished', async () => {
    const { runCalls } = setup();
    await screen.findAllByTestId('run-row');
    await new Promise((resolve) => setTimeout(resolve, 3500));
    expect(runCalls()).toHaveLength(1);
    expect(screen.queryByText('Đang tự cập nhật')).not.toBeInTheDocument();
  });
});
