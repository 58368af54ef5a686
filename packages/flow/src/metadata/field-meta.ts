import { z } from 'zod';

/** The modules a workflow can be built on. Fixed: custom modules are not offered. */
export const ModuleKey = z.enum([
  'account',
  'contact',
  'lead',
  'opportunity',
  'quote',
  'order',
  'task',
  'product',
]);
export type ModuleKey = z.infer<typeof ModuleKey>;

export const FieldType = z.enum([
  'text',
  'textarea',
  'number',
  'money',
  'date',
  'datetime',
  'picklist',
  'multipicklist',
  'user',
  'reference',
  'email',
  'phone',
  'boolean',
  'lines',
]);
export type FieldType = z.infer<typeof FieldType>;

export const PicklistOption = z.object({
  value: z.string().min(1),
  labelVi: z.string().min(1),
  labelEn: z.string().min(1),
});
export type PicklistOption = z.infer<typeof PicklistOption>;

/**
 * A field of a module, as the API serves it (`GET /api/modules`). System fields are seeded for
 * every organization; custom fields are added by admins and behave the same everywhere.
 */
export const FieldMeta = z.object({
  key: z.string().regex(/^[a-z_][a-z0-9_]*$/),
  labelVi: z.string().min(1),
  labelEn: z.string().min(1),
  type: FieldType,
  options: z.array(PicklistOption).default([]),
  /** For `reference` fields: the module the id points into. */
  refModule: ModuleKey.nullable().default(null),
  required: z.boolean().default(false),
  system: z.boolean().default(true),
});
export type FieldMeta = z.infer<typeof FieldMeta>;

export const ModuleMeta = z.object({
  key: ModuleKey,
  labelVi: z.string(),
  labelEn: z.string(),
  /** The field that names a record in lists, pickers and merge fields of references. */
  titleField: z.string(),
  fields: z.array(FieldMeta),
});
export type ModuleMeta = z.infer<typeof ModuleMeta>;

/** Look-up of every module's metadata, what validation and evaluation are given. */
export type ModuleCatalog = Record<ModuleKey, ModuleMeta>;
