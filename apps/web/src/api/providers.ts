import {
  CreatedProvider,
  ProviderKind,
  ProviderList,
  ProviderTestResult,
  ProviderView,
  RotatedSigningSecret,
  WorkAppItems,
  WorkflowUseList,
} from '@crmflow/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest, apiSend } from './client.ts';

export const providerKinds = ProviderKind.options;
export type {
  ProviderKind,
  ProviderTestResult as TestResult,
  ProviderView,
  WorkflowUse,
} from '@crmflow/contracts';

const providersKey = ['providers'] as const;

export function useProviderList() {
  return useQuery({
    queryKey: providersKey,
    queryFn: ({ signal }) => apiRequest({ path: '/api/providers', schema: ProviderList, signal }),
    select: (list) => list.items,
  });
}

export function useProviderWorkflows(id: string | undefined) {
  return useQuery({
    queryKey: [...providersKey, id, 'workflows'],
    queryFn: ({ signal }) =>
      apiRequest({
        path: `/api/providers/${encodeURIComponent(id ?? '')}/workflows`,
        schema: WorkflowUseList,
        signal,
      }),
    select: (list) => list.items,
    enabled: id !== undefined,
  });
}

export type ProviderInput = {
  kind?: ProviderKind;
  adapter?: string;
  name: string;
  config: Record<string, unknown>;
  /** Left out on an edit: the stored secrets stay. */
  secrets?: Record<string, unknown>;
  isDefault?: boolean;
};

/** Creates (no id) or edits a provider; the editor and the picker lists read the new list. */
export function useSaveProvider() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: ProviderInput }): Promise<CreatedProvider> =>
      id
        ? apiRequest({
            path: `/api/providers/${encodeURIComponent(id)}`,
            method: 'PATCH',
            body: {
              name: input.name,
              config: input.config,
              secrets: input.secrets,
              isDefault: input.isDefault,
            },
            schema: ProviderView,
          })
        : apiRequest({ path: '/api/providers', method: 'POST', body: input, schema: CreatedProvider }),
    onSuccess: () => invalidateProviders(queryClient),
  });
}

const invalidateProviders = (queryClient: ReturnType<typeof useQueryClient>) =>
  Promise.all([
    queryClient.invalidateQueries({ queryKey: providersKey }),
    queryClient.invalidateQueries({ queryKey: ['editor-lists'] }),
  ]);

export function useDeleteProvider() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiSend({ path: `/api/providers/${encodeURIComponent(id)}`, method: 'DELETE' }),
    onSuccess: () => invalidateProviders(queryClient),
  });
}

export function useRotateSigningSecret() {
  return useMutation({
    mutationFn: (id: string) =>
      apiRequest({
        path: `/api/providers/${encodeURIComponent(id)}/signing-secret`,
        method: 'POST',
        schema: RotatedSigningSecret,
      }),
  });
}

export function useTestProvider() {
  return useMutation({
    mutationFn: ({ id, to, templateId }: { id: string; to: string; templateId?: string }) =>
      apiRequest({
        path: `/api/providers/${encodeURIComponent(id)}/test`,
        method: 'POST',
        body: { to, ...(templateId ? { templateId } : {}) },
        schema: ProviderTestResult,
      }),
  });
}

/**
 * The work app's projects (no `projectId`) or one project's groups, read through our API; nothing
 * is asked while `providerId` is unknown.
 */
export function useWorkAppList(args: { providerId: string | undefined; projectId?: string }) {
  const { providerId, projectId } = args;
  const path = providerId
    ? `/api/providers/${encodeURIComponent(providerId)}/projects${projectId ? `/${encodeURIComponent(projectId)}/groups` : ''}`
    : '';
  return useQuery({
    queryKey: ['work-app', providerId, projectId ?? null],
    queryFn: ({ signal }) => apiRequest({ path, schema: WorkAppItems, signal }),
    select: (list) => list.items,
    enabled: path !== '' && (projectId === undefined || projectId !== ''),
    staleTime: 60_000,
    retry: false,
  });
}
