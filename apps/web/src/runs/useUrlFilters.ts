import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

export type FilterValues<K extends string> = Partial<Record<K, string>> & { page: number };
export type FilterChange<K extends string> = Partial<Record<K, string | undefined>> & { page?: number };

/**
 * Filters and the page of a list kept in the address, so it can be shared and reloaded. Changing a
 * filter goes back to page 1; an empty value removes the filter.
 */
export function useUrlFilters<K extends string>(
  keys: readonly K[],
): [FilterValues<K>, (change: FilterChange<K>) => void] {
  const [searchParams, setSearchParams] = useSearchParams();
  const page = Number.parseInt(searchParams.get('page') ?? '1', 10);
  const values: Partial<Record<K, string>> = {};
  for (const key of keys) {
    const value = searchParams.get(key);
    if (value) values[key] = value;
  }
  const filters: FilterValues<K> = { ...values, page: Number.isFinite(page) && page > 0 ? page : 1 };

  const update = useCallback(
    (change: FilterChange<K>) => {
      setSearchParams((previous) => {
        const next = new URLSearchParams(previous);
        for (const [key, value] of Object.entries(change)) {
          if (key === 'page') continue;
          if (typeof value === 'string' && value !== '') next.set(key, value);
          else next.delete(key);
        }
        if (change.page && change.page > 1) next.set('page', String(change.page));
        else next.delete('page');
        return next;
      });
    },
    [setSearchParams],
  );

  return [filters, update];
}
