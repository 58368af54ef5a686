import { ProviderTemplates, ProviderTemplatesQuery } from '@crmflow/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authOf } from '../../plugins/auth.ts';
import { writeErrors, writeRoles } from '../message-templates/template-common.ts';
import { secretKeyOf } from '../providers/providers.routes.ts';
import { errors } from '../responses.ts';
import { providerZnsTemplates } from './zns-import.service.ts';

/** The Zalo OA's approved templates, for the ZNS template page to import instead of retyping. */
export const znsImportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/zns-templates/from-provider',
    {
      onRequest: writeRoles,
      schema: {
        summary: 'The approved ZNS templates the provider lists (admin, manager)',
        description:
          'Asks the given ZNS provider, or the organization’s default one, for its approved templates. A provider that cannot list them answers `supported: false`; a failure is `error`, in the caller’s language.',
        tags: ['message templates'],
        querystring: ProviderTemplatesQuery,
        response: { 200: ProviderTemplates, ...writeErrors, 404: errors[404] },
      },
    },
    async (request) =>
      providerZnsTemplates({
        db: app.database.db,
        orgId: authOf(request).organization.id,
        providerId: request.query.providerId,
        secretKey: secretKeyOf(app),
        locale: request.locale,
      }),
  );
};
