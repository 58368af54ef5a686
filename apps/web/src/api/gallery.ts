import { FlowGraph, ModuleKey, WorkflowKind } from '@crmflow/flow';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from './client.ts';
import { workflowListKeys } from './workflow-lists.ts';
import { Workflow } from './workflow-schemas.ts';

/** The gallery of built-in workflow templates (Quy trình làm việc mẫu). */

export const GalleryTemplate = z.object({
  id: z.string(),
  module: ModuleKey,
  kind: WorkflowKind,
  nameVi: z.string(),
  nameEn: z.string(),
  descriptionVi: z.string().nullable().default(''),
  descriptionEn: z.string().nullable().default(''),
  category: z.string().nullable().optional(),
  graph: FlowGraph,
});
export type GalleryTemplate = z.infer<typeof GalleryTemplate>;

export const GalleryList = z.object({ items: z.array(GalleryTemplate) });

export interface GalleryQuery {
  module?: ModuleKey;
  kind?: WorkflowKind;
}

export function useGalleryTemplates(query: GalleryQuery) {
  return useQuery({
    queryKey: ['templates', query],
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
}

/** Copies a template into a new, inactive workflow of the organization. */
export function useCopyTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, name }: TemplateUse) =>
      apiRequest({
        path: `/api/templates/${encodeURIComponent(id)}/use`,
        method: 'POST',
        body: name ? { name } : {},
        schema: Workflow,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: workflowListKeys.all }),
  });
}
