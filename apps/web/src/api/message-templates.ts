import {
  EmailPreview,
  EmailTemplate,
  EmailTemplateList,
  ErrorBody,
  PrintTemplate,
  PrintTemplateList,
  ProviderTemplates,
  SmsTemplate,
  SmsTemplateList,
  ZnsTemplate,
  ZnsTemplateList,
} from '@crmflow/contracts';
import type { ModuleKey } from '@crmflow/flow';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { ApiError, apiRequest, apiSend, buildUrl } from './client.ts';

export type { EmailTemplate, PrintTemplate, SmsTemplate, ZnsTemplate } from '@crmflow/contracts';

/** The four kinds of template and where the API keeps each. */
export const templateKinds = {
  email: { path: '/api/email-templates', schema: EmailTemplate, list: EmailTemplateList },
  sms: { path: '/api/sms-templates', schema: SmsTemplate, list: SmsTemplateList },
  zns: { path: '/api/zns-templates', schema: ZnsTemplate, list: ZnsTemplateList },
  print: { path: '/api/print-templates', schema: PrintTemplate, list: PrintTemplateList },
} as const;
export type TemplateKind = keyof typeof templateKinds;
export type TemplateOf<K extends TemplateKind> = z.infer<(typeof templateKinds)[K]['schema']>;

const listKey = (kind: TemplateKind) => ['message-templates', kind] as const;

export function useTemplates<K extends TemplateKind>(kind: K) {
  const { path, list } = templateKinds[kind];
  return useQuery({
    queryKey: listKey(kind),
    queryFn: ({ signal }) => apiRequest({ path, schema: list, signal }),
    select: (list) => list.items as TemplateOf<K>[],
  });
}

/** Adds a template (no `id`) or changes one; answers the template as saved. */
export function useSaveTemplate<K extends TemplateKind>(kind: K) {
  const queryClient = useQueryClient();
  const { path, schema } = templateKinds[kind];
  return useMutation({
    mutationFn: ({ id, values }: { id?: string | undefined; values: Record<string, unknown> }) =>
      apiRequest({
        path: id ? `${path}/${encodeURIComponent(id)}` : path,
        method: id ? 'PATCH' : 'POST',
        body: values,
        schema,
      }) as Promise<TemplateOf<K>>,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: listKey(kind) }),
  });
}

export function useDeleteTemplate(kind: TemplateKind) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiSend({ path: `${templateKinds[kind].path}/${encodeURIComponent(id)}`, method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: listKey(kind) }),
  });
}

/** An email draft filled for one record, as the recipient would get it. */
export function useEmailPreview(args: {
  module: ModuleKey;
  recordId: string | null;
  subject: string;
  body: string;
}) {
  const { module, recordId, subject, body } = args;
  return useQuery({
    queryKey: ['email-preview', module, recordId, subject, body],
    queryFn: ({ signal }) =>
      apiRequest({
        path: '/api/email-templates/preview',
        method: 'POST',
        body: { module, recordId, subject, body },
        schema: EmailPreview,
        signal,
      }),
    enabled: recordId !== null && body.trim() !== '',
    retry: false,
  });
}

/**
 * A print template draft rendered by the server for one record, as a PDF blob URL the page
 * shows in a frame. The URL is revoked when a newer one replaces it.
 */
export async function renderPrintPreview(args: {
  module: ModuleKey;
  recordId: string;
  name: string;
  body: string;
  locale: string;
  signal?: AbortSignal;
}): Promise<Blob> {
  const response = await fetch(buildUrl('/api/print-templates/preview'), {
    method: 'POST',
    credentials: 'include',
    headers: { 'Content-Type': 'application/json', 'Accept-Language': args.locale },
    body: JSON.stringify({
      module: args.module,
      recordId: args.recordId,
      name: args.name || undefined,
      body: args.body,
      format: 'pdf',
    }),
    signal: args.signal,
  });
  if (!response.ok) {
    const parsed = ErrorBody.safeParse(await response.json().catch(() => null));
    throw parsed.success
      ? new ApiError({ status: response.status, ...parsed.data.error })
      : new ApiError({ status: response.status, code: 'generic', message: response.statusText });
  }
  return response.blob();
}

/** The ZNS provider's approved templates; asked for when the admin presses "import". */
export function useProviderZnsTemplates() {
  return useQuery({
    queryKey: ['zns-provider-templates'],
    queryFn: ({ signal }) =>
      apiRequest({ path: '/api/zns-templates/from-provider', schema: ProviderTemplates, signal }),
    enabled: false,
    retry: false,
  });
}
