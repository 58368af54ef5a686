import { RecordRuns, RunPage, type RunRefs, RunStatus } from '@crmflow/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiRequest } from './client.ts';

/** Runs across the organization (`GET /api/runs`), for the run history list. */

/** The statuses a run goes through; the list stays readable if the server adds one. */
export const runStatuses = RunStatus.options;
export type { RunStatus } from '@crmflow/contracts';

/** Names of nothing: what a panel reads before any run or test answered. */
export const noRefs: RunRefs = { users: [], records: [], providers: [] };

export function isRunStatus(status: string): status is RunStatus {
  return runStatuses.some((known) => known === status);
}

/** Runs still moving on their own: the list refreshes while it shows one. */
export const inProgressStatuses: readonly string[] = ['queued', 'running'];

export const RUNS_PAGE_SIZE = 20;
export const RUNS_REFRESH_MS = 3000;
/** How often the first page looks for runs started since it loaded. */
export const RUNS_NEW_MS = 15_000;

export interface RunListQuery {
  status?: string;
  workflowId?: string;
  page: number;
}

export const runKeys = {
  all: ['runs'] as const,
  list: (query: RunListQuery) => ['runs', 'list', query] as const,
};

export function useRuns(query: RunListQuery) {
  return useQuery({
    queryKey: runKeys.list(query),
    queryFn: ({ signal }) =>
      apiRequest({
        path: '/api/runs',
        query: {
          status: query.status,
          workflowId: query.workflowId,
          page: query.page,
          pageSize: RUNS_PAGE_SIZE,
        },
        schema: RunPage,
        signal,
      }),
    placeholderData: keepPreviousData,
    // Quickly while a run shown is still moving; slowly on the first page, where new runs appear.
    refetchInterval: (current) => {
      if (current.state.data?.items.some((run) => inProgressStatuses.includes(run.status)))
        return RUNS_REFRESH_MS;
      return query.page === 1 ? RUNS_NEW_MS : false;
    },
  });
}

/** The latest runs on one record (`GET /api/records/:module/:id/runs`), for its page. */
export function useRecordRuns(module: string, id: string | undefined) {
  return useQuery({
    queryKey: ['runs', 'record', module, id ?? ''] as const,
    queryFn: ({ signal }) =>
      apiRequest({
        path: `/api/records/${encodeURIComponent(module)}/${encodeURIComponent(id ?? '')}/runs`,
        schema: RecordRuns,
        signal,
      }),
    enabled: Boolean(id),
    // An edit just saved starts runs a moment later: look again soon, quickly while one moves.
    refetchInterval: (current) =>
      current.state.data?.items.some((run) => inProgressStatuses.includes(run.status))
        ? RUNS_REFRESH_MS
        : RUNS_NEW_MS,
  });
}
