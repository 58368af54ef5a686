import type { FlowGraph } from '@crmflow/flow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../../test/harness.ts';
import { careGraph, notifyOwnerGraph } from '../workflows/workflow-graphs.testing.ts';

describe('care-process preview', { timeout: 60_000 }, () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    for (const [name, birthday] of [
      ['Chị Lan', '1990-05-20'],
      ['Anh Minh', '1985-05-20'],
      ['Cô Hạnh', '1970-05-22'],
      ['Bác Tư', '1960-05-26'],
      ['Em Vy', '2001-06-30'],
    ]) {
      const res = await h.app.inject({
        method: 'POST',
        url: '/api/records/contact',
        headers: h.headers,
        payload: { data: { name, birthday } },
      });
      expect(res.statusCode).toBe(201);
    }
  }, 120_000);
  afterAll(() => h?.close());

  const createCareProcess = async (
    graph: FlowGraph,
    kind: 'event' | 'schedule' = 'schedule',
    headers = h.headers,
  ) => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/workflows',
      headers,
      payload: { module: 'contact', kind, name: 'Chúc mừng sinh nhật', graph },
    });
    expect(res.statusCode).toBe(201);
    return res.json<{ id: string }>().id;
  };
  const preview = (id: string, query = '?date=2025-05-20', headers: Record<string, string> = h.headers) =>
    h.app.inject({ method: 'GET', url: `/api/workflows/${id}/preview${query}`, headers });

  const weekly = (graph: FlowGraph): FlowGraph => ({
    ...graph,
    nodes: graph.nodes.map((n) =>
      n.type === 'trigger' ? { ...n, config: { ...n.config, window: 'week' } } : n,
    ),
  });

  it('lists who is due today and this week, and counts the next seven daily runs', async () => {
    const id = await createCareProcess(careGraph('birthday'));
    const res = await preview(id);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.today).toMatchObject({ date: '2025-05-20', total: 2 });
    expect(body.today.records.map((r: { title: string }) => r.title)).toEqual(['Anh Minh', 'Chị Lan']);
    expect(body.today.records[0]).toMatchObject({ occurrence: '2025-05-20', fireDate: '2025-05-20' });
    expect(body.thisWeek).toMatchObject({ from: '2025-05-19', to: '2025-05-25', total: 3 });
    expect(body.nextRuns).toEqual([
      { date: '2025-05-20', total: 2 },
      { date: '2025-05-21', total: 0 },
      { date: '2025-05-22', total: 1 },
      { date: '2025-05-23', total: 0 },
      { date: '2025-05-24', total: 0 },
      { date: '2025-05-25', total: 0 },
      { date: '2025-05-26', total: 1 },
    ]);
  });

  it('counts weekly runs on the Mondays that open each week', async () => {
    const id = await createCareProcess(weekly(careGraph('birthday')));
    const body = (await preview(id)).json();
    expect(body.nextRuns.slice(0, 3)).toEqual([
      { date: '2025-05-20', total: 3 },
      { date: '2025-05-26', total: 1 },
      { date: '2025-06-02', total: 0 },
    ]);
    expect(body.nextRuns.at(-1)).toEqual({ date: '2025-06-30', total: 1 });
  });

  it('refuses event workflows (400), answers 404 for another organization, 401 without sign-in', async () => {
    const event = await createCareProcess(notifyOwnerGraph(), 'event');
    const refused = await preview(event, '', { ...h.headers, 'accept-language': 'en' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({
      code: 'invalid_input',
      details: [{ field: 'id', message: 'Only care processes have a preview by date' }],
    });
    const own = await createCareProcess(careGraph('birthday'));
    const stranger = await h.addOrganization();
    expect((await preview(own, '', stranger.admin.headers)).statusCode).toBe(404);
    expect((await preview(own, '', {})).statusCode).toBe(401);
  });

  it('answers 422 for a draft whose date field is missing', async () => {
    const id = await createCareProcess(careGraph(''));
    const res = await preview(id);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('invalid_graph');
  });

  it('is documented in the OpenAPI description', async () => {
    const doc = (await h.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.paths['/api/workflows/{id}/preview'].get).toMatchObject({ tags: ['care-processes'] });
  });
});
