import { Agent, request } from 'node:http';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { closeConnectionsWhenClosing } from '../plugins/closing.ts';
import { sleep } from '../test/processes.ts';
import { shutDown } from './shutdown.ts';

/** A server with one route that answers after `ms`, and the rest of a process as fakes that log. */
async function processWith(routeMs: number, failing: string[] = []) {
  const app = Fastify();
  closeConnectionsWhenClosing(app);
  app.get('/slow', async () => {
    await sleep(routeMs);
    return { done: true };
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const order: string[] = [];
  const part =
    (name: string, ms = 0) =>
    async () => {
      await sleep(ms);
      order.push(name);
      if (failing.includes(name)) throw new Error(`${name} broke`);
    };
  return {
    app,
    order,
    url: `http://127.0.0.1:${port}/slow`,
    parts: (workerMs = 0) => ({
      app,
      worker: { stop: part('worker', workerMs) },
      boss: { stop: part('boss') },
      database: { close: part('database') },
    }),
  };
}

/**
 * A GET over a keep-alive connection: its status and Connection header, or `reset` when the
 * connection was cut.
 */
const get = (url: string) =>
  new Promise<{ status: number; connection?: string } | 'reset'>((resolve) => {
    request(url, { agent: new Agent({ keepAlive: true }) }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection }));
    })
      .on('error', () => resolve('reset'))
      .end();
  });

let open: FastifyInstance | null = null;
afterEach(async () => {
  await open?.close();
  open = null;
});

describe('shutting down', () => {
  it('lets a request in flight finish, refuses new ones, then closes worker, queue and pool in order', async () => {
    // Before the stop, answers keep their connection open.
    const before = await processWith(0);
    expect(await get(before.url)).toEqual({ status: 200, connection: 'keep-alive' });
    await before.app.close();
    const proc = await processWith(600);
    open = proc.app;
    const inFlight = get(proc.url);
    await sleep(150);
    const stopping = shutDown(proc.parts(), { drainMs: 5_000 });
    await sleep(50);
    // The listener is closed: a new connection is refused.
    expect(await get(proc.url)).toBe('reset');
    expect(await inFlight).toEqual({ status: 200, connection: 'close' });
    const outcome = await stopping;
    expect(outcome).toEqual({ cutRequests: false, leftBatches: false, errors: [] });
    expect(proc.order).toEqual(['worker', 'boss', 'database']);
  });

  it('cuts requests still open after the drain time and still closes the rest', async () => {
    const proc = await processWith(10_000);
    open = proc.app;
    const inFlight = get(proc.url);
    await sleep(150);
    const began = Date.now();
    const outcome = await shutDown(proc.parts(), { drainMs: 300 });
    expect(Date.now() - began).toBeLessThan(3_000);
    expect(await inFlight).toBe('reset');
    expect(outcome.cutRequests).toBe(true);
    expect(outcome.errors).toEqual([]);
    expect(proc.order).toEqual(['worker', 'boss', 'database']);
  });

  it('leaves batches running past the worker time to expire, and goes on', async () => {
    const proc = await processWith(0);
    open = proc.app;
    const outcome = await shutDown(proc.parts(2_000), { workerStopMs: 200 });
    expect(outcome.leftBatches).toBe(true);
    expect(proc.order).toEqual(['boss', 'database']);
  });

  it.each([['worker'], ['boss'], ['database']])(
    'reports %s failing and still runs every later stage',
    async (name) => {
      const proc = await processWith(0, [name]);
      open = proc.app;
      const stages: string[] = [];
      const outcome = await shutDown(proc.parts(), { onStage: (stage) => stages.push(stage) });
      expect(outcome.errors.map((e) => String(e.error))).toEqual([`Error: ${name} broke`]);
      expect(proc.order).toEqual(['worker', 'boss', 'database']);
      expect(stages).toEqual([
        'closing HTTP',
        'stopping the worker',
        'stopping the queue',
        'closing the database pool',
      ]);
    },
  );
});
