import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../../test/harness.ts';

type Operation = { summary?: string; tags?: string[]; responses?: Record<string, { description?: string }> };

describe('OpenAPI document', () => {
  let h: Harness;
  let paths: Record<string, Record<string, Operation>>;
  beforeAll(async () => {
    h = await startHarness();
    const res = await h.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    paths = res.json().paths;
  });
  afterAll(() => h.close());

  const openApiPath = (url: string) => url.replace(/:(\w+)/g, '{$1}');

  it('lists every API route, each with a summary, tags and described responses', () => {
    expect(h.app.apiRoutes.length).toBeGreaterThanOrEqual(16);
    for (const { method, url } of h.app.apiRoutes) {
      const operation = paths[openApiPath(url)]?.[method.toLowerCase()];
      expect(operation, `${method} ${url}`).toBeDefined();
      expect(operation?.summary).toBeTruthy();
      expect(operation?.tags?.length).toBeGreaterThan(0);
      for (const [status, response] of Object.entries(operation?.responses ?? {})) {
        expect(response.description, `${method} ${url} ${status}`).not.toBe('Default Response');
      }
    }
    expect(paths['/healthz']?.get).toBeDefined();
  });

  it('documents the errors a protected route can answer', () => {
    expect(Object.keys(paths['/api/users']?.post?.responses ?? {}).sort()).toEqual([
      '201',
      '400',
      '401',
      '403',
      '409',
    ]);
  });

  it('serves the documentation UI without signing in', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
  });
});
