import type { FastifyInstance } from 'fastify';

/**
 * Once the server is closing, every answer says `Connection: close`: the client opens a new
 * connection (to another instance) for its next request instead of reusing one about to go,
 * and the connection ends with the answer rather than keeping the shutdown waiting.
 */
export function closeConnectionsWhenClosing(app: Pick<FastifyInstance, 'addHook'>): void {
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    if (closing) reply.header('connection', 'close');
    return payload;
  });
}
