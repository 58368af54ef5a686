import { FieldType, ModuleKey, ModuleMeta, PicklistOption } from '@crmflow/flow';
import { z } from 'zod';

export const ModuleList = z.object({ items: z.array(ModuleMeta) }).describe('Modules in display order');
export type ModuleList = z.infer<typeof ModuleList>;

export const NewFieldBody = z
  .object({
    key: z
      .string()
      .regex(/^[a-z_][a-z0-9_]*$/)
      .max(60),
    labelVi: z.string().trim().min(1).max(200),
    labelEn: z.string().trim().min(1).max(200),
    type: FieldType,
    options: z.array(PicklistOption).max(200).optional(),
    refModule: ModuleKey.nullable().optional(),
    required: z.boolean().optional(),
  })
  .superRefine((field, ctx) => {
    const picklist = field.type === 'picklist' || field.type === 'multipicklist';
    if (picklist && (field.options?.length ?? 0) === 0) {
      ctx.addIssue({
        code: 'too_small',
        origin: 'array',
        minimum: 1,
        inclusive: true,
        path: ['options'],
        input: field.options,
      });
    }
    if (field.type === 'reference' && !field.refModule) {
      ctx.addIssue({
        code: 'invalid_type',
        expected: 'string',
        path: ['refModule'],
        message: 'received undefined',
        input: field.refModule,
      });
    }
  });

export const FieldChanges = z
  .object({
    labelVi: z.string().trim().min(1).max(200).optional(),
    labelEn: z.string().trim().min(1).max(200).optional(),
    options: z.array(PicklistOption).min(1).max(200).optional(),
    required: z.boolean().optional(),
  })
  .describe('What an admin may change of a custom field; its key and type stay as created');
