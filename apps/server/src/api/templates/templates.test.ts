import { ensureGalleryTemplates, printTemplates, providers, templates, znsTemplates } from '@crmflow/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../../test/harness.ts';

type Item = { id: string; module: string; kind: string; nameVi: string; graph: unknown };

describe('gallery templates API', () => {
  let h: Harness;
  let items: Item[];
  let printTemplateId: string;
  let smsProviderId: string;
  let ruleId: string;
  beforeAll(async () => {
    h = await startHarness();
    await ensureGalleryTemplates(h.database.db);
    const [print] = await h.database.db
      .insert(printTemplates)
      .values({
        orgId: h.org.id,
        module: 'order',
        name: 'Phiếu xác nhận đơn hàng',
        body: '<h1>Đơn hàng #code</h1>',
      })
      .returning();
    const [sms] = await h.database.db
      .insert(providers)
      .values({ orgId: h.org.id, kind: 'sms', adapter: 'capture', name: 'SMS thử', isDefault: true })
      .returning();
    await h.database.db.insert(printTemplates).values({
      orgId: h.org.id,
      module: 'quote',
      name: 'Báo giá',
      body: '<h1>Báo giá #code</h1>',
    });
    await h.database.db.insert(znsTemplates).values({
      orgId: h.org.id,
      name: 'Chào mừng',
      providerTemplateId: 'welcome-01',
      params: [{ key: 'customer_name', type: 'text', maxLength: 30 }],
    });
    await h.database.db.insert(providers).values([
      { orgId: h.org.id, kind: 'zns', adapter: 'capture', name: 'ZNS thử', isDefault: true },
      { orgId: h.org.id, kind: 'webhook', adapter: 'capture', name: 'Webhook thử', isDefault: true },
    ]);
    printTemplateId = print?.id ?? '';
    smsProviderId = sms?.id ?? '';
    const rule = await h.app.inject({
      method: 'POST',
      url: '/api/allocation-rules',
      headers: h.headers,
      payload: { module: 'lead', name: 'Nhóm kinh doanh', userIds: [h.admin.id] },
    });
    ruleId = rule.json().id;
    items = (await h.app.inject({ method: 'GET', url: '/api/templates', headers: h.headers })).json().items;
  });
  afterAll(() => h.close());

  const webhook = { choices: { '{{webhook:url}}': 'https://kho.example.vn/don-hang' } };
  const use = (id: string, payload: object = webhook, headers: Record<string, string> = h.headers) =>
    h.app.inject({ method: 'POST', url: `/api/templates/${id}/use`, headers, payload });
  const byName = (name: string) => {
    const found = items.find((item) => item.nameVi === name);
    if (!found) throw new Error(`no template ${name}`);
    return found;
  };

  it('lists the built-in templates, filtered by module and kind', async () => {
    expect(items.length).toBeGreaterThanOrEqual(16);
    const care = await h.app.inject({
      method: 'GET',
      url: '/api/templates?module=contact&kind=schedule',
      headers: h.headers,
    });
    expect(care.json().items.map((item: Item) => item.nameVi)).toEqual([
      'Gửi SMS chúc mừng sinh nhật khách hàng',
    ]);
  });

  it('makes from every template an inactive workflow that is valid for the organization and can be activated', async () => {
    for (const item of items) {
      const res = await use(item.id);
      expect(res.statusCode, item.nameVi).toBe(201);
      const workflow = res.json();
      expect(workflow, item.nameVi).toMatchObject({
        status: 'inactive',
        name: item.nameVi,
        module: item.module,
        kind: item.kind,
        validation: [],
      });
      const activated = await h.app.inject({
        method: 'POST',
        url: `/api/workflows/${workflow.id}/activate`,
        headers: h.headers,
      });
      expect(activated.statusCode, item.nameVi).toBe(200);
    }
  });

  it('fills the placeholders with the organization’s print template, provider and allocation rule', async () => {
    const order = (await use(byName('Gửi email xác nhận đơn hàng và giao nhiệm vụ chăm sóc').id)).json();
    const email = order.graph.nodes.find((node: { type: string }) => node.type === 'send_email');
    expect(email.config.attachment).toEqual({ printTemplateId, format: 'pdf' });
    expect(email.config.to.fields).toEqual(['contact_id.email']);
    const sms = (await use(byName('Gửi SMS chúc mừng sinh nhật khách hàng').id)).json();
    expect(sms.graph.nodes.find((node: { type: string }) => node.type === 'send_sms').config.provider).toBe(
      smsProviderId,
    );
    const lead = (
      await use(byName('Phân bổ tiềm năng mới theo quy tắc phân bổ').id, { name: 'Chia tiềm năng' })
    ).json();
    expect(lead.name).toBe('Chia tiềm năng');
    expect(
      lead.graph.nodes.find((node: { type: string }) => node.type === 'assign_owner').config.ruleId,
    ).toBe(ruleId);
  });

  it('sets the SMS and email templates chosen for message steps in place of the steps’ own texts', async () => {
    const post = async (url: string, payload: object) => {
      const res = await h.app.inject({ method: 'POST', url, headers: h.headers, payload });
      expect(res.statusCode, url).toBe(201);
      return String(res.json().id);
    };
    const smsTemplateId = await post('/api/sms-templates', {
      module: 'contact',
      name: 'Chúc mừng sinh nhật',
      body: 'Chúc mừng sinh nhật #name!',
    });
    const emailTemplateId = await post('/api/email-templates', {
      module: 'order',
      name: 'Xác nhận đơn hàng',
      subject: 'Xác nhận đơn hàng #code',
      body: '<p>Cảm ơn Quý khách.</p>',
    });
    const templateOf = (workflow: { graph: { nodes: { type: string; config: object }[] } }, type: string) =>
      workflow.graph.nodes.find((node) => node.type === type)?.config;
    const birthday = byName('Gửi SMS chúc mừng sinh nhật khách hàng');
    const sms = (await use(birthday.id, { smsTemplates: { sms: smsTemplateId } })).json();
    expect(templateOf(sms, 'send_sms')).toMatchObject({ templateId: smsTemplateId });
    const order = (
      await use(byName('Gửi email xác nhận đơn hàng và giao nhiệm vụ chăm sóc').id, {
        emailTemplates: { email: emailTemplateId },
      })
    ).json();
    expect(order.validation).toEqual([]);
    expect(templateOf(order, 'send_email')).toMatchObject({
      templateId: emailTemplateId,
      attachment: { printTemplateId, format: 'pdf' },
    });
    const bad = await use(birthday.id, { emailTemplates: { email: 'not-an-id' } });
    expect(bad.statusCode).toBe(400);
  });

  it('leaves what an organization lacks empty, reported in validation, and names the workflow in English on request', async () => {
    const other = await h.addOrganization();
    const res = await use(
      byName('Phân bổ tiềm năng mới theo quy tắc phân bổ').id,
      {},
      { ...other.admin.headers, 'accept-language': 'en' },
    );
    expect(res.statusCode).toBe(201);
    expect(res.json().name).toBe('Hand new leads out by allocation rule');
    expect(res.json().validation).toEqual([expect.objectContaining({ nodeId: 'assign' })]);
  });

  it('hides another organization’s own templates', async () => {
    const other = await h.addOrganization();
    const [theirs] = await h.database.db
      .insert(templates)
      .values({
        orgId: other.org.id,
        module: 'order',
        kind: 'event',
        nameVi: 'Mẫu riêng',
        nameEn: 'Private',
        graph: { nodes: [], edges: [] },
      })
      .returning();
    expect((await use(theirs?.id ?? '')).statusCode).toBe(404);
    const mine = await h.app.inject({ method: 'GET', url: '/api/templates', headers: h.headers });
    expect(mine.json().items.some((item: Item) => item.id === theirs?.id)).toBe(false);
    const theirList = await h.app.inject({
      method: 'GET',
      url: '/api/templates',
      headers: other.admin.headers,
    });
    expect(theirList.json().items.some((item: Item) => item.id === theirs?.id)).toBe(true);
  });
});
