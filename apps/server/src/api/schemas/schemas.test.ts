import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../../test/harness.ts';

describe('graph JSON Schema', () => {
  let h: Harness;
  beforeAll(() => startHarness().then((started) => (h = started)));
  afterAll(() => h.close());

  it('is served without sign-in, as a draft 2020-12 schema naming every node type', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/schemas/graph.json' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/schema+json; charset=utf-8');
    const schema = res.json();
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    const text = JSON.stringify(schema);
    for (const type of ['trigger', 'condition', 'send_email', 'create_task', 'add_care_card']) {
      expect(text).toContain(`"const":"${type}"`);
    }
  });

  it('appears in the OpenAPI document with the workflow routes', async () => {
    const doc = (await h.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const path of [
      '/api/schemas/graph.json',
      '/api/workflows',
      '/api/workflows/{id}/activate',
      '/api/notifications/stream',
      '/api/outbox/{id}/attachments/{index}',
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
  });
});
