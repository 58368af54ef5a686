import type { ModuleKey } from '@crmflow/flow';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '../api/client.ts';

/**
 * What the "Dùng mẫu" dialog creates on the spot when the organization has none: an allocation
 * rule over chosen users, an SMS template from the template's text. The pickers' lists are
 * refreshed so the new item is chosen at once.
 */

const Created = z.object({ id: z.string(), name: z.string() });

function useCreate<T>(path: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: T) => apiRequest({ path, method: 'POST', body, schema: Created }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['editor-lists'] }),
  });
}

export function useCreateAllocationRule() {
  return useCreate<{ module: ModuleKey; name: string; userIds: string[] }>('/api/allocation-rules');
}

export function useCreateSmsTemplate() {
  return useCreate<{ module: ModuleKey; name: string; body: string }>('/api/sms-templates');
}
