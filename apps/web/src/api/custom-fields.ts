import { FieldMeta, type FieldType, type ModuleKey, type PicklistOption } from '@crmflow/flow';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from './client.ts';

export type FieldDraft = {
  key: string;
  labelVi: string;
  labelEn: string;
  type: FieldType;
  options: PicklistOption[];
  refModule: ModuleKey | null;
  required: boolean;
};

/**
 * Adds a custom field (no `existing`) or changes one (labels, options, required). The module
 * list is refetched on success, so forms, conditions and merge-field pickers see it at once.
 */
export function useSaveField(module: ModuleKey) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ draft, existing }: { draft: FieldDraft; existing: boolean }) => {
      const picklist = draft.type === 'picklist' || draft.type === 'multipicklist';
      return existing
        ? apiRequest({
            path: `/api/modules/${module}/fields/${encodeURIComponent(draft.key)}`,
            method: 'PATCH',
            body: {
              labelVi: draft.labelVi,
              labelEn: draft.labelEn,
              required: draft.required,
              ...(picklist ? { options: draft.options } : {}),
            },
            schema: FieldMeta,
          })
        : apiRequest({
            path: `/api/modules/${module}/fields`,
            method: 'POST',
            body: {
              key: draft.key,
              labelVi: draft.labelVi,
              labelEn: draft.labelEn,
              type: draft.type,
              required: draft.required,
              ...(picklist ? { options: draft.options } : {}),
              ...(draft.type === 'reference' ? { refModule: draft.refModule } : {}),
            },
            schema: FieldMeta,
          });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['modules'] }),
  });
}

/** A field key from a label: "Hạng thành viên" → "hang_thanh_vien". */
export function fieldKeyFrom(label: string): string {
  const key = label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 60);
  return /^[a-z_]/.test(key) ? key : `f_${key}`.slice(0, 60);
}
