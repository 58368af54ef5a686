import {
  CreatedProvider,
  NewProvider,
  ProviderChanges,
  ProviderList,
  ProviderListQuery,
  ProviderTestBody,
  ProviderTestResult,
  ProviderView,
  RotatedSigningSecret,
  WorkflowUseList,
} from '@crmflow/contracts';
import { secretKeyFromText } from '@crmflow/engine';
import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authOf, requireRole } from '../../plugins/auth.ts';
import { errors, NoContent, signedInErrors } from '../responses.ts';
import { sendProviderTest } from './provider-test-send.ts';
import { workflowsUsingProvider } from './provider-usage.ts';
import {
  createProvider,
  deleteProvider,
  findProvider,
  listProviders,
  rotateSigningSecret,
  toProviderView,
  updateProvider,
} from './providers.service.ts';

const IdParams = z.object({ id: z.uuid() });
const adminErrors = { ...signedInErrors, 403: errors[403] } as const;
const adminItemErrors = { ...adminErrors, 404: errors[404] } as const;

/** The key that seals secrets; the server resolves one at start (env or data directory). */
export function secretKeyOf(app: FastifyInstance): Buffer {
  const text = app.config.secretKey;
  if (!text) throw new Error('No secret key configured: providers cannot seal or read secrets');
  return secretKeyFromText(text);
}

export const providersRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/providers',
    {
      schema: {
        summary: 'Providers of the organization (any role: pickers need them; secrets never shown)',
        tags: ['providers'],
        querystring: ProviderListQuery,
        response: {
          200: ProviderList,
          ...signedInErrors,
        },
      },
    },
    async (request) => {
      const rows = await listProviders({
        db: app.database.db,
        orgId: authOf(request).organization.id,
        ...(request.query.kind ? { kind: request.query.kind } : {}),
      });
      return { items: rows.map(toProviderView) };
    },
  );

  app.post(
    '/providers',
    {
      onRequest: requireRole('admin'),
      schema: {
        summary: 'Add a provider (admin)',
        description:
          '`config` and `secrets` are checked against the adapter’s settings; secrets are stored encrypted and never returned. The first provider of a kind becomes its default unless `isDefault` is false.',
        tags: ['providers'],
        body: NewProvider,
        response: { 201: CreatedProvider, ...adminErrors },
      },
    },
    async (request, reply) => {
      const scope = {
        db: app.database.db,
        orgId: authOf(request).organization.id,
        secretKey: secretKeyOf(app),
        locale: request.locale,
      };
      const { row, signingSecret } = await createProvider(scope, request.body);
      return reply.code(201).send({ ...toProviderView(row), ...(signingSecret ? { signingSecret } : {}) });
    },
  );

  app.patch(
    '/providers/:id',
    {
      onRequest: requireRole('admin'),
      schema: {
        summary: 'Change a provider (admin); secrets are write-only',
        description:
          'Omit `secrets` to keep the stored ones; send them to replace them all (`null` clears them). `config`, when sent, replaces the whole config.',
        tags: ['providers'],
        params: IdParams,
        body: ProviderChanges,
        response: { 200: ProviderView.describe('The provider after the change'), ...adminItemErrors },
      },
    },
    async (request) => {
      const scope = {
        db: app.database.db,
        orgId: authOf(request).organization.id,
        secretKey: secretKeyOf(app),
        locale: request.locale,
      };
      return toProviderView(await updateProvider(scope, { id: request.params.id, changes: request.body }));
    },
  );

  app.delete(
    '/providers/:id',
    {
      onRequest: requireRole('admin'),
      schema: {
        summary: 'Delete a provider no active workflow sends through (admin)',
        tags: ['providers'],
        params: IdParams,
        response: { 204: NoContent, ...adminItemErrors, 409: errors[409] },
      },
    },
    async (request, reply) => {
      await deleteProvider({
        db: app.database.db,
        orgId: authOf(request).organization.id,
        id: request.params.id,
      });
      return reply.code(204).send();
    },
  );

  app.get(
    '/providers/:id/workflows',
    {
      schema: {
        summary: 'Workflows whose current graph sends through this provider (any role)',
        description: 'Steps naming it, and, for the default of its kind, steps naming no provider.',
        tags: ['providers'],
        params: IdParams,
        response: {
          200: WorkflowUseList,
          ...signedInErrors,
          404: errors[404],
        },
      },
    },
    async (request) => {
      const orgId = authOf(request).organization.id;
      const provider = await findProvider({ db: app.database.db, orgId, id: request.params.id });
      return { items: await workflowsUsingProvider({ db: app.database.db, orgId, provider }) };
    },
  );

  app.post(
    '/providers/:id/signing-secret',
    {
      onRequest: requireRole('admin'),
      schema: {
        summary: 'Give a webhook endpoint a new signing secret (admin)',
        description:
          'The old secret stops working at once; the new one is in `signingSecret`, shown this once.',
        tags: ['providers'],
        params: IdParams,
        response: {
          200: RotatedSigningSecret,
          ...adminItemErrors,
        },
      },
    },
    async (request) => {
      const { row, signingSecret } = await rotateSigningSecret(
        { db: app.database.db, orgId: authOf(request).organization.id, secretKey: secretKeyOf(app) },
        request.params.id,
      );
      return { ...toProviderView(row), signingSecret };
    },
  );

  app.post(
    '/providers/:id/test',
    {
      onRequest: requireRole('admin'),
      schema: {
        summary: 'Send a test message through a provider (admin)',
        description:
          'Sends “Tin nhắn thử từ crmflow” (“Test message from crmflow”) to `to`, recorded in the outbox. A refused delivery is a 200 with `status: failed`.',
        tags: ['providers'],
        params: IdParams,
        body: ProviderTestBody,
        response: {
          200: ProviderTestResult,
          ...adminItemErrors,
        },
      },
    },
    async (request) => {
      const auth = authOf(request);
      const row = await findProvider({
        db: app.database.db,
        orgId: auth.organization.id,
        id: request.params.id,
      });
      return sendProviderTest({
        db: app.database.db,
        orgId: auth.organization.id,
        row,
        input: request.body,
        secretKey: secretKeyOf(app),
        settings: auth.organization.settings,
        locale: request.locale,
      });
    },
  );
};
