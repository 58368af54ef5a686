import type { ModuleKey } from '@crmflow/flow';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { Locale } from '../../i18n/locale.ts';
import { NoContent } from '../responses.ts';
import {
  itemWriteErrors,
  ModuleQuery,
  readErrors,
  TemplateIdParams,
  templateScope,
  writeErrors,
  writeRoles,
} from './template-common.ts';

type TemplateScope = ReturnType<typeof templateScope>;

/** What one kind of template stores and answers; the routes around it are the same for every kind. */
export type TemplateKind<
  Input extends z.ZodObject,
  Changes extends z.ZodObject,
  Template extends z.ZodObject,
  Row,
> = {
  /** The collection's path, e.g. `/email-templates`; one template is `${path}/:id`. */
  path: string;
  /** What a client writes to add a template. */
  input: Input;
  /** What a client writes to change one: any part of `input`. */
  changes: Changes;
  /** What a client reads. */
  template: Template;
  /** What a client reads of the collection: `{ items: [template] }`. */
  list: z.ZodObject;
  toView: (row: Row) => z.output<Template>;
  /** Whether the list can be narrowed to one module (`?module=`); ZNS templates belong to no module. */
  listByModule: boolean;
  service: {
    list: (args: TemplateScope & { module?: ModuleKey | undefined }) => Promise<Row[]>;
    find: (args: TemplateScope & { id: string }) => Promise<Row>;
    create: (scope: TemplateScope, input: z.output<Input>) => Promise<Row>;
    update: (scope: TemplateScope, args: { id: string; changes: z.output<Changes> }) => Promise<Row>;
    remove: (args: TemplateScope & { id: string }) => Promise<void>;
  };
  /** A check of what is written that the schema cannot express; it throws an `AppError`. */
  checkInput?: (input: z.output<Input> | z.output<Changes>, locale: Locale) => void;
  /** The OpenAPI summaries of the five routes, and the description of the one that adds. */
  texts: {
    list: string;
    one: string;
    create: string;
    createDescription: string;
    update: string;
    remove: string;
  };
};

/** An object a template schema accepts or answers, as the routes below see it. */
type Values = Record<string, unknown>;

/**
 * A kind as the routes see it. Fastify's types cannot follow a generic schema into a handler, so
 * the routes are written for any object schema; `templateRoutes` is where a kind's schemas,
 * service and view are checked against each other. Members are methods so that a service of one
 * kind's values stands where `Values` are expected.
 */
type KindRoutes<Row> = Omit<
  TemplateKind<z.ZodObject, z.ZodObject, z.ZodObject, Row>,
  'service' | 'toView' | 'checkInput'
> & {
  toView(row: Row): Values;
  service: {
    list(args: TemplateScope & { module?: ModuleKey | undefined }): Promise<Row[]>;
    find(args: TemplateScope & { id: string }): Promise<Row>;
    create(scope: TemplateScope, input: Values): Promise<Row>;
    update(scope: TemplateScope, args: { id: string; changes: Values }): Promise<Row>;
    remove(args: TemplateScope & { id: string }): Promise<void>;
  };
  checkInput?(input: Values, locale: Locale): void;
};

const tags = ['message templates'];

/** List, read, add, change and delete templates of one kind: members read, admins and managers write. */
export function templateRoutes<
  Input extends z.ZodObject,
  Changes extends z.ZodObject,
  Template extends z.ZodObject,
  Row,
>(kind: TemplateKind<Input, Changes, Template, Row>): FastifyPluginAsyncZod {
  return kindRoutes<Row>(kind);
}

function kindRoutes<Row>(kind: KindRoutes<Row>): FastifyPluginAsyncZod {
  const { path, input, changes, template, list, toView, service, texts } = kind;
  const check = kind.checkInput ?? (() => {});
  const listResponse = { 200: list, ...readErrors };

  return async (app) => {
    const scopeOf = (request: FastifyRequest) => templateScope(app, request);

    if (kind.listByModule) {
      app.get(
        path,
        { schema: { summary: texts.list, tags, querystring: ModuleQuery, response: listResponse } },
        async (request) => {
          const rows = await service.list({ ...scopeOf(request), module: request.query.module });
          return { items: rows.map(toView) };
        },
      );
    } else {
      app.get(path, { schema: { summary: texts.list, tags, response: listResponse } }, async (request) => {
        const rows = await service.list(scopeOf(request));
        return { items: rows.map(toView) };
      });
    }

    app.get(
      `${path}/:id`,
      {
        schema: {
          summary: texts.one,
          tags,
          params: TemplateIdParams,
          response: { 200: template, ...readErrors },
        },
      },
      async (request) => toView(await service.find({ ...scopeOf(request), id: request.params.id })),
    );

    app.post(
      path,
      {
        onRequest: writeRoles,
        schema: {
          summary: texts.create,
          description: texts.createDescription,
          tags,
          body: input,
          response: { 201: template.describe('The new template'), ...writeErrors },
        },
      },
      async (request, reply) => {
        check(request.body, request.locale);
        return reply.code(201).send(toView(await service.create(scopeOf(request), request.body)));
      },
    );

    app.patch(
      `${path}/:id`,
      {
        onRequest: writeRoles,
        schema: {
          summary: texts.update,
          tags,
          params: TemplateIdParams,
          body: changes,
          response: { 200: template.describe('The template after the change'), ...itemWriteErrors },
        },
      },
      async (request) => {
        check(request.body, request.locale);
        return toView(
          await service.update(scopeOf(request), { id: request.params.id, changes: request.body }),
        );
      },
    );

    app.delete(
      `${path}/:id`,
      {
        onRequest: writeRoles,
        schema: {
          summary: texts.remove,
          tags,
          params: TemplateIdParams,
          response: { 204: NoContent, ...itemWriteErrors },
        },
      },
      async (request, reply) => {
        await service.remove({ ...scopeOf(request), id: request.params.id });
        return reply.code(204).send();
      },
    );
  };
}
