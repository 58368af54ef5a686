import { FieldMeta, FieldType, ModuleKey, ModuleMeta, PicklistOption } from '@crmflow/flow';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authOf, requireRole } from '../../plugins/auth.ts';
import { errors, signedInErrors } from '../responses.ts';
import { addField, listModules, updateField } from './modules.service.ts';

const NewFieldBody = z
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

const FieldChanges = z
  .object({
    labelVi: z.string().trim().min(1).max(200).optional(),
    labelEn: z.string().trim().min(1).max(200).optional(),
    options: z.array(PicklistOption).min(1).max(200).optional(),
    required: z.boolean().optional(),
  })
  .describe('What an admin may change of a custom field; its key and type stay as created');

export const modulesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/modules',
    {
      schema: {
        summary: 'The modules and their fields (standard and custom)',
        tags: ['metadata'],
        response: {
          200: z.object({ items: z.array(ModuleMeta) }).describe('Modules in display order'),
          ...signedInErrors,
        },
      },
    },
    async (request) => ({ items: await listModules(app.database.db, authOf(request).organization.id) }),
  );

  app.post(
    '/modules/:module/fields',
    {
      onRequest: requireRole('admin'),
      schema: {
        summary: 'Add a custom field to a module (admin)',
        tags: ['metadata'],
        params: z.object({ module: ModuleKey }),
        body: NewFieldBody,
        response: {
          201: FieldMeta.describe('The new field'),
          ...signedInErrors,
          403: errors[403],
          409: errors[409],
        },
      },
    },
    async (request, reply) => {
      const field = await addField(app.database.db, {
        auth: authOf(request),
        module: request.params.module,
        field: request.body,
      });
      return reply.code(201).send(field);
    },
  );

  app.patch(
    '/modules/:module/fields/:key',
    {
      onRequest: requireRole('admin'),
      schema: {
        summary: 'Change a custom field: labels, picklist options, required (admin)',
        description:
          'Standard fields cannot be changed (409). A picklist keeps every option value records may hold: removing one is a 400 naming `options`.',
        tags: ['metadata'],
        params: z.object({ module: ModuleKey, key: z.string().max(60) }),
        body: FieldChanges,
        response: {
          200: FieldMeta.describe('The field as changed'),
          ...signedInErrors,
          403: errors[403],
          404: errors[404],
          409: errors[409],
        },
      },
    },
    async (request) =>
      updateField(app.database.db, {
        auth: authOf(request),
        module: request.params.module,
        key: request.params.key,
        changes: request.body,
        locale: request.locale,
      }),
  );
};
