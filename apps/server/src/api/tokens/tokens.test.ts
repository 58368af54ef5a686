import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../../test/harness.ts';

describe('API tokens', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it('creates a token shown once, lists it by prefix, accepts it, and revokes it', async () => {
    const created = await h.app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: h.headers,
      payload: { name: 'ERP đồng bộ' },
    });
    expect(created.statusCode).toBe(201);
    const { id, token } = created.json();
    const bearer = { authorization: `Bearer ${token}` };
    expect((await h.app.inject({ method: 'GET', url: '/api/me', headers: bearer })).json().user.id).toBe(
      h.admin.id,
    );

    const list = await h.app.inject({ method: 'GET', url: '/api/tokens', headers: h.headers });
    const item = list.json().items.find((candidate: { id: string }) => candidate.id === id);
    expect(item).toMatchObject({ name: 'ERP đồng bộ', prefix: token.slice(0, 12) });
    expect(item.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(list.json())).not.toContain(token);

    expect(
      (await h.app.inject({ method: 'DELETE', url: `/api/tokens/${id}`, headers: h.headers })).statusCode,
    ).toBe(204);
    expect((await h.app.inject({ method: 'GET', url: '/api/me', headers: bearer })).statusCode).toBe(401);
    expect(
      (await h.app.inject({ method: 'DELETE', url: `/api/tokens/${id}`, headers: h.headers })).statusCode,
    ).toBe(404);
  });

  it('cannot revoke another organization’s token', async () => {
    const other = await h.addOrganization();
    const theirs = await h.app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: other.admin.headers,
      payload: { name: 'Của họ' },
    });
    const res = await h.app.inject({
      method: 'DELETE',
      url: `/api/tokens/${theirs.json().id}`,
      headers: h.headers,
    });
    expect(res.statusCode).toBe(404);
    expect(
      (
        await h.app.inject({
          method: 'GET',
          url: '/api/me',
          headers: { authorization: `Bearer ${theirs.json().token}` },
        })
      ).statusCode,
    ).toBe(200);
  });
});
