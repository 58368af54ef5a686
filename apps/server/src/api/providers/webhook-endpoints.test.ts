import { organizations, providers } from '@crmflow/db';
import { verifyWebhookSignature } from '@crmflow/engine';
import type { FlowGraph } from '@crmflow/flow';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpReceiver } from '../../../../../packages/engine/src/providers/http-receiver.testing.ts';
import { type Harness, startHarness } from '../../test/harness.ts';
import { createWorkflowVia } from '../workflows/workflow-graphs.testing.ts';

/** An order flow that POSTs the order, to its step's URL or else to its endpoint's. */
const webhookGraph = (config: { url?: string; secretRef?: string }): FlowGraph => ({
  nodes: [
    { id: 'n1', type: 'trigger', position: { x: 0, y: 0 }, config: { on: 'create' } },
    {
      id: 'n2',
      type: 'webhook',
      position: { x: 0, y: 120 },
      config: { name: 'Báo ERP', url: '', timeoutMs: 5000, ...config },
    },
  ],
  edges: [{ id: 'e1', source: 'n1', target: 'n2' }],
});

describe('webhook endpoints', { timeout: 60_000 }, () => {
  let h: Harness;
  let receiver: Awaited<ReturnType<typeof startHttpReceiver>>;
  beforeAll(async () => {
    h = await startHarness();
    receiver = await startHttpReceiver(() => ({ status: 202, body: { accepted: true } }));
    await h.database.db
      .update(organizations)
      .set({ settings: { allowPrivateNetwork: true } })
      .where(eq(organizations.id, h.org.id));
  });
  afterAll(async () => {
    await receiver.close();
    await h.close();
  });

  it('a flow whose webhook has no endpoint is a problem at save and refused at activation', async () => {
    const workflow = await createWorkflowVia(h, {
      module: 'order',
      name: 'Báo ERP',
      graph: webhookGraph({}),
    });
    expect(workflow.validation).toEqual([
      expect.objectContaining({
        nodeId: 'n2',
        path: 'config.secretRef',
        message: expect.stringContaining('Thiết lập › Nhà cung cấp'),
      }),
      expect.objectContaining({ nodeId: 'n2', path: 'config.url', code: 'required' }),
    ]);
    const activation = await h.call('POST', `/api/workflows/${workflow.id}/activate`);
    expect(activation.statusCode).toBe(422);
  });

  it('shows the signing secret once, signs with it, rotates it, and lists and guards its workflows', async () => {
    const created = await h.call('POST', '/api/providers', {
      kind: 'webhook',
      adapter: 'http',
      name: 'ERP kho',
      config: { url: `${receiver.url}/erp/orders` },
    });
    expect(created.statusCode).toBe(201);
    const endpoint = created.json();
    expect(endpoint).toMatchObject({
      hasSecrets: true,
      isDefault: true,
      config: { url: `${receiver.url}/erp/orders` },
    });
    expect(endpoint.signingSecret).toMatch(/^whsec_[\w-]{43}$/);
    const listed = (await h.call('GET', '/api/providers?kind=webhook')).body;
    expect(listed).not.toContain(endpoint.signingSecret);

    // With no URL in the test, it goes to the endpoint's own, signed with the secret shown.
    const sent = await h.call('POST', `/api/providers/${endpoint.id}/test`, {});
    expect(sent.json()).toMatchObject({ status: 'sent', answer: { httpStatus: 202 } });
    const request = receiver.requests.at(-1);
    expect(request?.path).toBe('/erp/orders');
    const signed = {
      timestamp: String(request?.headers['x-crmflow-timestamp']),
      body: request?.body ?? '',
      signature: String(request?.headers['x-crmflow-signature']),
    };
    expect(verifyWebhookSignature({ secret: endpoint.signingSecret, ...signed })).toBe(true);

    const rotated = await h.call('POST', `/api/providers/${endpoint.id}/signing-secret`);
    expect(rotated.statusCode).toBe(200);
    expect(rotated.json().signingSecret).not.toBe(endpoint.signingSecret);
    await h.call('POST', `/api/providers/${endpoint.id}/test`, {});
    const next = receiver.requests.at(-1);
    const signedAgain = {
      timestamp: String(next?.headers['x-crmflow-timestamp']),
      body: next?.body ?? '',
      signature: String(next?.headers['x-crmflow-signature']),
    };
    expect(verifyWebhookSignature({ secret: rotated.json().signingSecret, ...signedAgain })).toBe(true);
    expect(verifyWebhookSignature({ secret: endpoint.signingSecret, ...signedAgain })).toBe(false);

    // The flow with no URL of its own now posts to the default endpoint: valid, and it activates.
    const workflow = await createWorkflowVia(h, {
      module: 'order',
      name: 'Đơn sang ERP',
      graph: webhookGraph({}),
    });
    expect(workflow.validation ?? []).toEqual([]);
    expect((await h.call('POST', `/api/workflows/${workflow.id}/activate`)).statusCode).toBe(200);
    const inactive = await createWorkflowVia(h, {
      module: 'order',
      name: 'Bản nháp gửi ERP',
      graph: webhookGraph({ secretRef: endpoint.id, url: 'https://erp.example.vn/draft' }),
    });

    const using = await h.call('GET', `/api/providers/${endpoint.id}/workflows`);
    const uses = using.json().items.map((w: { name: string; status: string }) => [w.name, w.status]);
    // Active first; then the drafts: the one naming it and the one that left it to the default.
    expect(uses[0]).toEqual(['Đơn sang ERP', 'active']);
    expect(uses.slice(1)).toHaveLength(2);
    expect(uses.slice(1)).toEqual(
      expect.arrayContaining([
        ['Bản nháp gửi ERP', 'inactive'],
        ['Báo ERP', 'inactive'],
      ]),
    );
    const refused = await h.app.inject({
      method: 'DELETE',
      url: `/api/providers/${endpoint.id}`,
      headers: { ...h.headers, 'accept-language': 'en' },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({
      code: 'provider_in_use',
      details: { workflows: ['Đơn sang ERP'] },
    });
    expect(refused.json().error.message).toContain('used by active workflows: Đơn sang ERP');
    const [row] = await h.database.db.select().from(providers).where(eq(providers.id, endpoint.id));
    expect(row).toBeDefined();

    await h.call('POST', `/api/workflows/${workflow.id}/deactivate`);
    expect((await h.call('DELETE', `/api/providers/${endpoint.id}`)).statusCode).toBe(204);
    expect(inactive.id).toBeDefined();
  });

  it.each([
    [{ url: 'ftp://erp.example.vn' }, 'config.url'],
    [{ url: 'không phải địa chỉ' }, 'config.url'],
  ])('refuses the endpoint config %j (400 naming %s)', async (config, field) => {
    const res = await h.call('POST', '/api/providers', {
      kind: 'webhook',
      adapter: 'http',
      name: 'Sai',
      config,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { field: string }) => d.field)).toContain(field);
  });

  it('rotates only webhook endpoints, and only for admins', async () => {
    const sms = await h.call('POST', '/api/providers', { kind: 'sms', adapter: 'capture', name: 'SMS' });
    expect((await h.call('POST', `/api/providers/${sms.json().id}/signing-secret`)).statusCode).toBe(404);
    const member = await h.addUser({ role: 'member' });
    const res = await h.call(
      'POST',
      `/api/providers/${sms.json().id}/signing-secret`,
      undefined,
      member.headers,
    );
    expect(res.statusCode).toBe(403);
  });
});
