import { ErrorBody } from '@crmflow/contracts';
import { ModuleKey } from '@crmflow/flow';
import { ZnsParam } from '@crmflow/flow/messaging';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { ApiError, apiRequest, apiSend, buildUrl } from './client.ts';

const Stamps = { id: z.string(), createdAt: z.string(), updatedAt: z.string() };

export const EmailTemplate = z.object({
  ...Stamps,
  module: ModuleKey,
  name: z.string(),
  subject: z.string(),
  body: z.string(),
});
export type EmailTemplate = z.infer<typeof EmailTemplate>;

export const SmsTemplate = z.object({ ...Stamps, module: ModuleKey, name: z.string(), body: z.string() });
export type SmsTemplate = z.infer<typeof SmsTemplate>;

export const ZnsTemplate = z.object({
  ...Stamps,
  name: z.string(),
  providerTemplateId: z.string(),
  params: z.array(ZnsParam),
});
export type ZnsTemplate = z.infer<typeof ZnsTemplate>;

export const PrintTemplate = z.object({ ...Stamps, module: ModuleKey, name: z.string(), body: z.string() });
export type PrintTemplate = z.infer<typeof PrintTemplate>;

/** The four kinds of template and where the API keeps each. */
export const templateKinds = {
  email: { path: '/api/email-templates', schema: EmailTemplate },
  sms: { path: '/api/sms-templates', schema: SmsTemplate },
  zns: { path: '/api/zns-templates', schema: ZnsTemplate },
  print: { path: '/api/print-templates', schema: PrintTemplate },
} as const;
export type TemplateKind = keyof typeof templateKinds;
export type TemplateOf<K extends TemplateKind> = z.infer<(typeof templateKinds)[K]['schema']>;

const listKey = (kind: TemplateKind) => ['message-templates', kind] as const;

export function useTemplates<K extends TemplateKind>(kind: K) {
  const { path, schema } = templateKinds[kind];
  return useQuery({
    queryKey: listKey(kind),
    queryFn: ({ signal }) => apiRequest({ path, schema: z.object({ items: z.array(schema) }), signal }),
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

export const EmailPreview = z.object({ subject: z.string(), html: z.string() });

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

export const ProviderZnsTemplates = z.object({
  provider: z.object({ id: z.string(), name: z.string() }).nullable(),
  supported: z.boolean(),
  templates: z.array(z.object({ id: z.string(), name: z.string(), params: z.array(ZnsParam) })),
  error: z.string().nullable(),
});

/** The ZNS provider's approved templates; asked for when the admin presses "import". */
export function useProviderZnsTemplates() {
  return useQuery({
    queryKey: ['zns-provider-templates'],
    queryFn: ({ signal }) =>
      apiRequest({ path: '/api/zns-templates/from-provider', schema: ProviderZnsTemplates, signal }),
    enabled: false,
    retry: false,
  });
}
