import {
  type RecordData,
  RecordDetail,
  RecordPage,
  RecordView,
  type RecordWithRelated,
} from '@crmflow/contracts';
import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest, apiSend } from './client.ts';

export const RECORDS_PAGE_SIZE = 20;

/** A record as the screens hold it: as written (`RecordView`), or as read with what it points at. */
export type CrmRecord = RecordView & Partial<Pick<RecordWithRelated, 'related'>>;

export interface RecordListQuery {
  module: string;
  q?: string;
  sort?: string;
  order?: 'asc' | 'desc';
  page?: number;
  pageSize?: number;
}

const recordPath = (module: string, id?: string) =>
  id
    ? `/api/records/${encodeURIComponent(module)}/${encodeURIComponent(id)}`
    : `/api/records/${encodeURIComponent(module)}`;

export const recordKeys = {
  module: (module: string) => ['records', module] as const,
  list: (query: RecordListQuery) => ['records', query.module, 'list', query] as const,
  one: (module: string, id: string) => ['records', module, 'one', id] as const,
};

function fetchRecord({ module, id, signal }: { module: string; id: string; signal?: AbortSignal }) {
  return apiRequest({ path: recordPath(module, id), schema: RecordDetail, signal });
}

export function useRecords(query: RecordListQuery, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: recordKeys.list(query),
    queryFn: ({ signal }) =>
      apiRequest({
        path: recordPath(query.module),
        query: {
          q: query.q,
          sort: query.sort,
          order: query.sort ? query.order : undefined,
          page: query.page ?? 1,
          pageSize: query.pageSize ?? RECORDS_PAGE_SIZE,
        },
        schema: RecordPage,
        signal,
      }),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

export function useRecord(module: string, id: string | undefined) {
  return useQuery({
    queryKey: recordKeys.one(module, id ?? ''),
    queryFn: ({ signal }) => fetchRecord({ module, id: id ?? '', signal }),
    enabled: Boolean(id),
  });
}

/** The display title of a record: its `title`, else its title field, else nothing. */
export function recordTitle(record: CrmRecord, titleField?: string): string | null {
  if (record.title) return record.title;
  const value = titleField ? record.data[titleField] : undefined;
  return typeof value === 'string' && value ? value : null;
}

export interface RecordRef {
  module: string;
  id: string;
}

export const refKey = (ref: RecordRef) => `${ref.module}:${ref.id}`;

/**
 * Titles of referenced records keyed by `refKey`, one request per distinct record, cached with the
 * records themselves: the list API has no "by ids" filter, and a page shows few distinct references.
 */
export function useRecordTitles(refs: readonly RecordRef[]): Map<string, string> {
  const distinct = [
    ...new Map(refs.filter((ref) => ref.id && ref.module).map((ref) => [refKey(ref), ref])).values(),
  ];
  return useQueries({
    queries: distinct.map((ref) => ({
      queryKey: recordKeys.one(ref.module, ref.id),
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchRecord({ ...ref, signal }),
      staleTime: 60_000,
    })),
    combine: (results) => {
      const titles = new Map<string, string>();
      results.forEach((result, index) => {
        const ref = distinct[index];
        const title = result.data ? recordTitle(result.data) : null;
        if (ref && title) titles.set(refKey(ref), title);
      });
      return titles;
    },
  });
}

/** Records of a module matching `q`, for reference pickers. */
export function useRecordSearch({ module, q, enabled }: { module: string; q: string; enabled: boolean }) {
  return useQuery({
    queryKey: ['records', module, 'search', q],
    queryFn: ({ signal }) =>
      apiRequest({
        path: recordPath(module),
        query: { q, pageSize: 10, page: 1 },
        schema: RecordPage,
        signal,
      }),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}

export interface RecordSave {
  id?: string;
  data: RecordData;
  /** The version the form was read at: a stale one is refused with 409 `version_conflict`. */
  version?: number;
}

export function useSaveRecord(module: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, data, version }: RecordSave) =>
      id
        ? apiRequest({
            path: recordPath(module, id),
            method: 'PATCH',
            body: { data, version },
            schema: RecordView,
          })
        : apiRequest({ path: recordPath(module), method: 'POST', body: { data }, schema: RecordView }),
    onSuccess: async (record) => {
      queryClient.setQueryData(recordKeys.one(module, record.id), (previous: CrmRecord | undefined) => ({
        ...record,
        related: previous?.related,
      }));
      await queryClient.invalidateQueries({ queryKey: recordKeys.module(module) });
    },
  });
}

export function useDeleteRecord(module: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiSend({ path: recordPath(module, id), method: 'DELETE' }),
    onSuccess: async (_result, id) => {
      queryClient.removeQueries({ queryKey: recordKeys.one(module, id) });
      await queryClient.invalidateQueries({ queryKey: recordKeys.module(module) });
    },
  });
}
