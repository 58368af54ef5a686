import {
  GalleryList,
  GalleryQuery,
  GalleryTemplate,
  SaveAsTemplate,
  TemplateCard,
  TemplateChoices,
  TemplateFile,
  Workflow,
} from '@crmflow/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authOf, requireRole } from '../../plugins/auth.ts';
import { errors, NoContent, signedInErrors } from '../responses.ts';
import { workflowWithValidation } from '../workflows/workflows.routes.ts';
import {
  deleteTemplate,
  exportTemplate,
  importTemplate,
  saveAsTemplate,
  updateTemplate,
} from './org-templates.service.ts';
import { findTemplate, listTemplates, toGalleryTemplate, useTemplate } from './templates.service.ts';

const Params = z.object({ id: z.uuid() });
const managers = requireRole('admin', 'manager');
const writeErrors = { ...signedInErrors, 403: errors[403], 404: errors[404], 409: errors[409] } as const;

/** The gallery of workflow templates: using one, and the organization's own templates. */
export const templatesRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/templates',
    {
      schema: {
        summary: 'Workflow templates of the gallery (built in, and the organization’s own)',
        tags: ['templates'],
        querystring: GalleryQuery,
        response: { 200: GalleryList, ...signedInErrors },
      },
    },
    async (request) => {
      const rows = await listTemplates({ db, orgId: authOf(request).organization.id, ...request.query });
      return { items: rows.map((row) => toGalleryTemplate(row, request.locale)) };
    },
  );

  app.post(
    '/templates/:id/use',
    {
      schema: {
        summary: 'Make an inactive workflow from a template',
        description:
          'Placeholders take the values chosen in `choices`, else the organization’s own print template, allocation rule, provider or user; one left without a value is empty and reported in `validation`.',
        tags: ['templates'],
        params: Params,
        body: TemplateChoices,
        response: { 201: Workflow.describe('The new workflow'), ...signedInErrors, 404: errors[404] },
      },
    },
    async (request, reply) => {
      const auth = authOf(request);
      const created = await useTemplate({
        db,
        auth,
        id: request.params.id,
        use: request.body,
        locale: request.locale,
      });
      return reply.code(201).send(
        await workflowWithValidation({
          db,
          orgId: auth.organization.id,
          found: created,
          locale: request.locale,
        }),
      );
    },
  );

  app.post(
    '/templates',
    {
      onRequest: managers,
      schema: {
        summary: 'Save a workflow as a template of the organization (manager, admin)',
        tags: ['templates'],
        body: SaveAsTemplate,
        response: { 201: GalleryTemplate, ...writeErrors },
      },
    },
    async (request, reply) => {
      const row = await saveAsTemplate({ db, auth: authOf(request), input: request.body });
      return reply.code(201).send(toGalleryTemplate(row, request.locale));
    },
  );

  app.patch(
    '/templates/:id',
    {
      onRequest: managers,
      schema: {
        summary: 'Rename or describe one of the organization’s templates (built-in ones are read-only)',
        tags: ['templates'],
        params: Params,
        body: TemplateCard,
        response: { 200: GalleryTemplate, ...writeErrors },
      },
    },
    async (request) => {
      const row = await updateTemplate({
        db,
        auth: authOf(request),
        id: request.params.id,
        card: request.body,
      });
      return toGalleryTemplate(row, request.locale);
    },
  );

  app.delete(
    '/templates/:id',
    {
      onRequest: managers,
      schema: {
        summary: 'Delete one of the organization’s templates (built-in ones are read-only)',
        tags: ['templates'],
        params: Params,
        response: { 204: NoContent, ...writeErrors },
      },
    },
    async (request, reply) => {
      await deleteTemplate({ db, auth: authOf(request), id: request.params.id });
      return reply.code(204).send();
    },
  );

  app.get(
    '/templates/:id/export',
    {
      schema: {
        summary: 'A template as a JSON file (its graph in the workflow graph schema)',
        tags: ['templates'],
        params: Params,
        response: { 200: TemplateFile, ...signedInErrors, 404: errors[404] },
      },
    },
    async (request, reply) => {
      const row = await findTemplate({ db, orgId: authOf(request).organization.id, id: request.params.id });
      const file = exportTemplate(row);
      const name = (row.key ?? row.id).replace(/[^a-z0-9-]/gi, '-');
      return reply.header('content-disposition', `attachment; filename="${name}.template.json"`).send(file);
    },
  );

  app.post(
    '/templates/import',
    {
      onRequest: managers,
      schema: {
        summary: 'Import a template file as a template of the organization (manager, admin)',
        description: 'A file that is not a valid template is a 400 naming what is wrong.',
        tags: ['templates'],
        body: TemplateFile,
        response: { 201: GalleryTemplate, ...writeErrors },
      },
    },
    async (request, reply) => {
      const row = await importTemplate({
        db,
        auth: authOf(request),
        file: request.body,
        locale: request.locale,
      });
      return reply.code(201).send(toGalleryTemplate(row, request.locale));
    },
  );
};
