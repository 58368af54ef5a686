import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

export interface ListParams {
  q: string;
  sort: string | undefined;
  order: 'asc' | 'desc';
  page: number;
}

/**
 * Search, sort and page live in the address, so a list can be shared, reloaded and navigated back to.
 * Changing the search or the sort goes back to page 1.
 */
export function useListParams(): [ListParams, (change: Partial<ListParams>) => void] {
  const [searchParams, setSearchParams] = useSearchParams();
  const page = Number.parseInt(searchParams.get('page') ?? '1', 10);
  const params: ListParams = {
    q: searchParams.get('q') ?? '',
    sort: searchParams.get('sort') ?? undefined,
    order: searchParams.get('order') === 'desc' ? 'desc' : 'asc',
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };

  const update = useCallback(
    (change: Partial<ListParams>) => {
      setSearchParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          const resetsPage = 'q' in change || 'sort' in change || 'order' in change;
          for (const [key, value] of Object.entries(change)) {
            if (value === undefined || value === '' || (key === 'page' && value === 1)) next.delete(key);
            else next.set(key, String(value));
          }
          if (resetsPage && !('page' in change)) next.delete('page');
          return next;
        },
        { replace: 'q' in change },
      );
    },
    [setSearchParams],
  );

  return [params, update];
}
