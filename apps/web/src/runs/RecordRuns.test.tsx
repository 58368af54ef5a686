import type { Run } from '@crmflow/contracts';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { orderRecord, signedInRoutes } from '../test/fixtures.ts';
import { mockApi, ok } from '../test/mock-api.ts';
import { renderApp } from '../test/render-app.tsx';
import { sampleRun } from './run-fixtures.testing.ts';

const run = (overrides: Partial<Run>) =>
  sampleRun({ workflowName: 'Giao hàng xong thì gọi chăm sóc', ...overrides });

function setup(runs: Run[]) {
  const api = mockApi([
    ...signedInRoutes(),
    { path: '/api/records/order/cccccccc-0000-4000-8000-000000000001', reply: () => ok(orderRecord()) },
    {
      path: '/api/records/order/cccccccc-0000-4000-8000-000000000001/runs',
      reply: () => ok({ items: runs }),
    },
  ]);
  return { api, ...renderApp('/records/order/cccccccc-0000-4000-8000-000000000001') };
}

describe("a record's run history", () => {
  it('lists the runs on the record under its form, each opening the run', async () => {
    setup([
      run({}),
      run({
        id: '99999999-0000-4000-8000-000000000002',
        workflowName: 'Xác nhận đơn hàng',
        status: 'failed',
        reason: 'Máy chủ email từ chối',
      }),
    ]);
    const section = await screen.findByTestId('record-runs');
    expect(
      within(section).getByRole('heading', { name: 'Quy trình đã chạy trên bản ghi này' }),
    ).toBeVisible();
    const rows = await within(section).findAllByTestId('run-row');
    expect(rows).toHaveLength(2);
    expect(within(rows[1] as HTMLElement).getByText('Thất bại')).toBeVisible();
    expect(within(section).getByRole('link', { name: /Xác nhận đơn hàng/ })).toHaveAttribute(
      'href',
      '/runs/99999999-0000-4000-8000-000000000002',
    );
    // Every run is on this record: no record column.
    expect(within(section).queryByRole('columnheader', { name: 'Bản ghi' })).toBeNull();
  });

  it('says so when nothing has run on the record yet', async () => {
    setup([]);
    expect(await screen.findByText('Chưa có quy trình nào chạy trên bản ghi này.')).toBeVisible();
  });

  it('is not shown on a new record', async () => {
    mockApi(signedInRoutes());
    renderApp('/records/order/new');
    await screen.findByTestId('record-form');
    expect(screen.queryByTestId('record-runs')).toBeNull();
  });
});
