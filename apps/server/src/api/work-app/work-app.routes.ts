import { WorkAppItems } from '@crmflow/contracts';
import { workAppTasks } from '@crmflow/db';
import { providerFor, secretKeyFromText, type WorkAppClient, type WorkAppList } from '@crmflow/engine';
import { and, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../errors/app-error.ts';
import { authOf } from '../../plugins/auth.ts';
import { findProvider } from '../providers/providers.service.ts';
import { errors, signedInErrors } from '../responses.ts';
import { type WorkAppProblem, workAppProblemText } from './work-app-problem.ts';

const found = { ...signedInErrors, 404: errors[404], 502: errors[502] } as const;

/**
 * The work app seen through our API: its projects and their groups for the task step's pickers
 * (the app's keys never reach the browser), and the link of a task synced there.
 */
export const workAppRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  /** Lists through the provider's client; an app that cannot answer is a 502 in plain words. */
  const listed = async (args: {
    orgId: string;
    /** The organization's `allowPrivateNetwork`: an app on its own network needs its leave. */
    allowPrivate: boolean;
    providerId: string;
    locale: 'vi' | 'en';
    list: (client: WorkAppClient) => Promise<WorkAppList>;
  }) => {
    const row = await findProvider({ db, orgId: args.orgId, id: args.providerId });
    if (row.kind !== 'workapp') throw new AppError('not_found');
    const key = app.config.secretKey ? secretKeyFromText(app.config.secretKey) : Buffer.alloc(32);
    const handle = providerFor({ row, secretKey: key, allowPrivateNetwork: args.allowPrivate });
    const unreachable = (failure: { code: WorkAppProblem; error: string }) =>
      new AppError('provider_unreachable', {
        params: { reason: workAppProblemText({ ...failure, locale: args.locale }) },
      });
    if (!handle.ok) throw unreachable({ code: 'misconfigured', error: handle.error });
    if (handle.kind !== 'workapp') throw new AppError('not_found');
    const answer = await args.list(handle.client);
    if (!answer.ok) throw unreachable(answer);
    return { items: answer.items };
  };

  app.get(
    '/providers/:id/projects',
    {
      schema: {
        summary: 'Projects of a work app, for the task step’s picker (any role)',
        tags: ['work app'],
        params: z.object({ id: z.uuid() }),
        response: { 200: WorkAppItems, ...found },
      },
    },
    async (request) =>
      listed({
        orgId: authOf(request).organization.id,
        allowPrivate: authOf(request).organization.settings.allowPrivateNetwork === true,
        providerId: request.params.id,
        locale: request.locale,
        list: (client) => client.projects(),
      }),
  );

  app.get(
    '/providers/:id/projects/:projectId/groups',
    {
      schema: {
        summary: 'Groups of one project of a work app (any role)',
        tags: ['work app'],
        params: z.object({ id: z.uuid(), projectId: z.string().min(1).max(200) }),
        response: { 200: WorkAppItems, ...found },
      },
    },
    async (request) =>
      listed({
        orgId: authOf(request).organization.id,
        allowPrivate: authOf(request).organization.settings.allowPrivateNetwork === true,
        providerId: request.params.id,
        locale: request.locale,
        list: (client) => client.groups(request.params.projectId),
      }),
  );

  app.get(
    '/tasks/:id/work-app',
    {
      schema: {
        summary: 'Where a task was synced in the work app: its id there and the link (404 when not synced)',
        tags: ['work app'],
        params: z.object({ id: z.uuid() }),
        response: {
          200: z
            .object({
              externalId: z.string(),
              url: z.string().nullable(),
              projectId: z.string(),
              groupId: z.string().nullable(),
            })
            .describe('The task in the work app'),
          ...signedInErrors,
          404: errors[404],
        },
      },
    },
    async (request) => {
      const [row] = await db
        .select()
        .from(workAppTasks)
        .where(
          and(
            eq(workAppTasks.orgId, authOf(request).organization.id),
            eq(workAppTasks.taskId, request.params.id),
          ),
        );
      if (!row) throw new AppError('not_found');
      return { externalId: row.externalId, url: row.url, projectId: row.projectId, groupId: row.groupId };
    },
  );
};
