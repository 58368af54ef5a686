import type { Run } from '@crmflow/contracts';

/** A finished run of "Xác nhận đơn hàng" on order ĐH-0001; override what a test is about. */
export function sampleRun(overrides: Partial<Run> = {}): Run {
  return {
    id: '99999999-0000-4000-8000-000000000001',
    workflowId: 'ffffffff-0000-4000-8000-000000000001',
    workflowName: 'Xác nhận đơn hàng',
    workflowVersionId: '88888888-0000-4000-8000-000000000001',
    workflowVersion: 1,
    module: 'order',
    recordId: 'cccccccc-0000-4000-8000-000000000001',
    recordTitle: 'ĐH-0001',
    status: 'succeeded',
    reason: null,
    depth: 0,
    cause: {},
    occurrence: null,
    createdAt: '2025-03-16T09:30:00.000Z',
    startedAt: '2025-03-16T09:30:00.000Z',
    finishedAt: '2025-03-16T09:30:02.400Z',
    ...overrides,
  };
}
