import type { ModuleKey } from '@crmflow/flow';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '../api/client.ts';

/**
 * The message templates the "Dùng mẫu" dialog makes on the spot from a step's own text. The
 * pickers' lists are refreshed so the new template is listed at once.
 */

const Created = z.object({ id: z.string(), name: z.string() });

function useCreate<T>(path: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: T) => apiRequest({ path, method: 'POST', body, schema: Created }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['editor-lists'] }),
  });
}

export function useCreateSmsTemplate() {
  return useCreate<{ module: ModuleKey; name: string; body: string }>('/api/sms-templates');
}

export function useCreateEmailTemplate() {
  return useCreate<{ module: ModuleKey; name: string; subject: string; body: string }>(
    '/api/email-templates',
  );
}
