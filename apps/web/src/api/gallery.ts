import { GalleryList, type GalleryQuery, GalleryTemplate, TemplateFile, Workflow } from '@crmflow/contracts';

export type { GalleryQuery, GalleryTemplate } from '@crmflow/contracts';
export type { TemplateNeed } from '@crmflow/flow';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest, apiSend } from './client.ts';
import { workflowListKeys } from './workflow-lists.ts';

/** The gallery of workflow templates (Quy trình làm việc mẫu): built in, and the organization's own. */

const galleryKey = ['templates'] as const;

export function useGalleryTemplates(query: GalleryQuery) {
  return useQuery({
    queryKey: [...galleryKey, query],
    queryFn: ({ signal }) =>
      apiRequest({
        path: '/api/templates',
        query: { module: query.module, kind: query.kind },
        schema: GalleryList,
        signal,
      }),
    select: (list) => list.items,
    staleTime: 5 * 60_000,
  });
}

export interface TemplateUse {
  id: string;
  /** The new workflow's name; the template's name when omitted. */
  name?: string;
  /** A value for each placeholder; an empty one is left open for the editor's validation. */
  choices?: Record<string, string>;
  /** An SMS template for a `send_sms` step, by step id. */
  smsTemplates?: Record<string, string>;
  /** An email template for a `send_email` step, by step id. */
  emailTemplates?: Record<string, string>;
}

/** Makes a new, inactive workflow of the organization from a template. */
export function useCopyTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: TemplateUse) =>
      apiRequest({
        path: `/api/templates/${encodeURIComponent(id)}/use`,
        method: 'POST',
        body,
        schema: Workflow,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: workflowListKeys.all }),
  });
}

/** A text of an organization's template; an empty English one falls back to the Vietnamese. */
export interface Bilingual {
  vi: string;
  en: string;
}

export interface TemplateCardInput {
  name: Bilingual;
  description: Bilingual;
}

function useGalleryChange<T, R>(mutationFn: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: galleryKey }),
  });
}

/** Lưu thành mẫu: the workflow kept as a template of the organization. */
export function useSaveAsTemplate() {
  return useGalleryChange((input: TemplateCardInput & { workflowId: string }) =>
    apiRequest({ path: '/api/templates', method: 'POST', body: input, schema: GalleryTemplate }),
  );
}

export function useUpdateTemplate() {
  return useGalleryChange(({ id, ...body }: TemplateCardInput & { id: string }) =>
    apiRequest({
      path: `/api/templates/${encodeURIComponent(id)}`,
      method: 'PATCH',
      body,
      schema: GalleryTemplate,
    }),
  );
}

export function useDeleteTemplate() {
  return useGalleryChange((id: string) =>
    apiSend({ path: `/api/templates/${encodeURIComponent(id)}`, method: 'DELETE' }),
  );
}

/** Import: the server checks the file and names what is wrong (400). */
export function useImportTemplate() {
  return useGalleryChange((file: unknown) =>
    apiRequest({ path: '/api/templates/import', method: 'POST', body: file, schema: GalleryTemplate }),
  );
}

/** The template as its JSON file. */
export function fetchTemplateFile(id: string): Promise<TemplateFile> {
  return apiRequest({ path: `/api/templates/${encodeURIComponent(id)}/export`, schema: TemplateFile });
}
