import { OrganizationChanges, OrganizationSettings } from '@crmflow/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authOf, requireRole } from '../../plugins/auth.ts';
import { errors, signedInErrors } from '../responses.ts';
import { findOrganization, toOrganizationSettings, updateOrganization } from './organization.service.ts';

export const organizationRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/organization',
    {
      schema: {
        summary: 'The organization’s settings (any role)',
        tags: ['organization'],
        response: { 200: OrganizationSettings, ...signedInErrors },
      },
    },
    async (request) => toOrganizationSettings(await findOrganization(db, authOf(request).organization.id)),
  );

  app.patch(
    '/organization',
    {
      onRequest: requireRole('admin'),
      schema: {
        summary: 'Change the organization’s settings (admin)',
        description:
          'Only the keys sent change. `timeZone` must be an IANA name; a change moves the care processes’ next runs to the new local time.',
        tags: ['organization'],
        body: OrganizationChanges,
        response: { 200: OrganizationSettings, ...signedInErrors, 403: errors[403] },
      },
    },
    async (request) =>
      toOrganizationSettings(
        await updateOrganization({
          db,
          auth: authOf(request),
          changes: request.body,
          locale: request.locale,
        }),
      ),
  );
};
