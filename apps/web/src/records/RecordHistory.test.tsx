import type { HistoryEntry } from '@crmflow/contracts';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { admin, member, orderRecord, signedInRoutes } from '../test/fixtures.ts';
import { mockApi, ok } from '../test/mock-api.ts';
import { renderApp } from '../test/render-app.tsx';

const entry = (overrides: Partial<HistoryEntry>): HistoryEntry => ({
  id: '12121212-0000-4000-8000-000000000001',
  at: '2025-03-16T09:30:00.000Z',
  operation: 'update',
  source: 'ui',
  actor: { id: member.id, name: member.name },
  run: null,
  changes: [],
  ...overrides,
});

function setup(items: HistoryEntry[]) {
  mockApi([
    ...signedInRoutes(),
    { path: '/api/records/order/cccccccc-0000-4000-8000-000000000001', reply: () => ok(orderRecord()) },
    { path: '/api/records/order/cccccccc-0000-4000-8000-000000000001/runs', reply: () => ok({ items: [] }) },
    {
      path: '/api/records/order/cccccccc-0000-4000-8000-000000000001/history',
      reply: () => ok({ items, total: items.length, page: 1, pageSize: 20 }),
    },
  ]);
  renderApp('/records/order/cccccccc-0000-4000-8000-000000000001');
}

describe("a record's change history", () => {
  it('shows each change with field labels, values as the form shows them, the user and the run', async () => {
    setup([
      entry({
        id: '12121212-0000-4000-8000-000000000002',
        source: 'workflow',
        actor: null,
        run: { id: 'run-7', workflowId: 'wf-1', workflowName: 'Giao hàng xong' },
        changes: [
          { field: 'status', before: 'confirmed', after: 'delivered' },
          { field: 'total', before: 2000000, after: 2500000 },
        ],
      }),
      entry({ changes: [{ field: 'owner_id', before: admin.id, after: member.id }] }),
      entry({
        id: '12121212-0000-4000-8000-000000000000',
        operation: 'create',
        actor: { id: admin.id, name: admin.name },
      }),
    ]);
    const section = await screen.findByTestId('record-history');
    expect(within(section).getByRole('heading', { name: 'Lịch sử thay đổi' })).toBeVisible();
    const entries = await within(section).findAllByTestId('history-entry');
    expect(entries).toHaveLength(3);
    const [byRun, byUser, created] = entries as [HTMLElement, HTMLElement, HTMLElement];
    expect(within(byRun).getByText('Tình trạng')).toBeVisible();
    expect(within(byRun).getByText('Đã xác nhận')).toBeVisible();
    expect(within(byRun).getByText('Đã giao hàng')).toBeVisible();
    expect(within(byRun).getByText('2.500.000 ₫')).toBeVisible();
    expect(within(byRun).getByRole('link', { name: /Giao hàng xong/ })).toHaveAttribute(
      'href',
      '/runs/run-7',
    );
    expect(within(byUser).getByText(admin.name)).toBeVisible();
    expect(within(byUser).getAllByText(member.name).length).toBeGreaterThanOrEqual(2);
    expect(within(created).getByText('Tạo bản ghi')).toBeVisible();
  });

  it('says so when nothing is recorded yet', async () => {
    setup([]);
    expect(await screen.findByText('Chưa có thay đổi nào được ghi lại.')).toBeVisible();
  });
});
