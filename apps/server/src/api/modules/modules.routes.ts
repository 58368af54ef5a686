import { FieldChanges, ModuleList, NewFieldBody } from '@crmflow/contracts';
import { FieldMeta, ModuleKey } from '@crmflow/flow';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authOf, requireRole } from '../../plugins/auth.ts';
import { errors, signedInErrors } from '../responses.ts';
import { addField, listModules, updateField } from './modules.service.ts';

export const modulesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/modules',
    {
      schema: {
        summary: 'The modules and their fields (standard and custom)',
        tags: ['metadata'],
        response: {
          200: ModuleList,
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
