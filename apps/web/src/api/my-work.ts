import { CareCardList, RecordPage } from '@crmflow/contracts';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from './client.ts';

/** Open tasks a list of "my tasks" shows at most; a salesperson's day holds far fewer. */
export const MY_TASKS_LIMIT = 200;

/** The signed-in user's open tasks (records of the `task` module they own), earliest due first. */
export function useMyOpenTasks(userId: string | undefined) {
  return useQuery({
    queryKey: ['records', 'task', 'mine', userId],
    queryFn: ({ signal }) =>
      apiRequest({
        path: '/api/records/task',
        query: {
          'filter.owner_id': userId,
          'filter.status': 'open',
          sort: 'due_date',
          order: 'asc',
          pageSize: MY_TASKS_LIMIT,
        },
        schema: RecordPage,
        signal,
      }),
    enabled: Boolean(userId),
    // Tasks are assigned by workflows while the list is elsewhere: opening it always asks again.
    refetchOnMount: 'always',
  });
}

export type CareCardQuery = { owner?: 'me'; from?: string; to?: string };

export function useCareCards(query: CareCardQuery) {
  return useQuery({
    queryKey: ['care-cards', query],
    queryFn: ({ signal }) =>
      apiRequest({
        path: '/api/care-cards',
        query: { ...query },
        schema: CareCardList,
        signal,
      }),
  });
}
