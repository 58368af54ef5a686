import { graphJsonSchema } from '@crmflow/flow';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

/** Public contracts other systems build against; no tenant data, so no sign-in. */
export const schemasRoutes: FastifyPluginAsyncZod = async (app) => {
  const graphSchema = graphJsonSchema();

  app.get(
    '/schemas/graph.json',
    {
      config: { public: true },
      schema: {
        summary: 'JSON Schema (draft 2020-12) of the workflow graph, for import and export',
        tags: ['schemas'],
        response: { 200: z.record(z.string(), z.unknown()).describe('The JSON Schema of FlowGraph') },
      },
    },
    async (_request, reply) => reply.type('application/schema+json; charset=utf-8').send(graphSchema),
  );
};
