import { ensureGalleryTemplates, providers } from '@crmflow/db';
import { beforeAll, describe, expect, it } from 'vitest';
import { useStaffedHarness } from '../../test/harness.ts';

type Node = { id: string; type: string; config: Record<string, unknown> };
type Item = { id: string; nameVi: string; nameEn: string; builtIn: boolean; graph: { nodes: Node[] } };

describe('templates of the organization, English texts and the "Dùng mẫu" choices', () => {
  const h = useStaffedHarness();
  let birthday: Item;
  let lead: Item;
  const en = () => ({ ...h.headers, 'accept-language': 'en' });
  const list = async (headers: Record<string, string> = h.headers): Promise<Item[]> =>
    (await h.app.inject({ method: 'GET', url: '/api/templates', headers })).json().items;

  beforeAll(async () => {
    await ensureGalleryTemplates(h.database.db);
    const items = await list();
    const byKey = (name: string) => items.find((item) => item.nameVi === name);
    birthday = byKey('Gửi SMS chúc mừng sinh nhật khách hàng') ?? birthday;
    lead = byKey('Phân bổ tiềm năng mới theo quy tắc phân bổ') ?? lead;
  });

  it('shows step texts in the reader’s language and lists what a template needs', async () => {
    const english = (await list(en())).find((item) => item.id === birthday.id);
    const sms = english?.graph.nodes.find((node) => node.type === 'send_sms');
    expect(sms?.config).toMatchObject({
      name: 'Birthday SMS',
      text: expect.stringMatching(/^Happy birthday, #name!/),
    });
    expect(birthday.graph.nodes.find((node) => node.type === 'send_sms')?.config.name).toBe(
      'SMS chúc mừng sinh nhật',
    );
    expect(english).toMatchObject({
      needs: [{ placeholder: '{{provider:sms}}', what: 'provider', scope: 'sms', nodeIds: ['sms'] }],
    });
  });

  it('uses the provider and SMS template chosen in the dialog, and leaves an open choice to validation', async () => {
    const [provider] = await h.database.db
      .insert(providers)
      .values({ orgId: h.org.id, kind: 'sms', adapter: 'capture', name: 'SMS chọn riêng' })
      .returning();
    const template = await h.call('POST', '/api/sms-templates', {
      module: 'contact',
      name: 'Sinh nhật',
      body: 'Chúc mừng sinh nhật #name!',
    });
    expect(template.statusCode).toBe(201);
    const used = await h.call('POST', `/api/templates/${birthday.id}/use`, {
      choices: { '{{provider:sms}}': provider?.id },
      smsTemplates: { sms: template.json().id },
    });
    expect(used.statusCode).toBe(201);
    const sms = used.json().graph.nodes.find((node: Node) => node.type === 'send_sms');
    expect(sms.config).toMatchObject({ provider: provider?.id, templateId: template.json().id });
    expect(used.json().validation).toEqual([]);

    const open = await h.call('POST', `/api/templates/${lead.id}/use`, {
      choices: { '{{allocationRule:lead}}': '' },
    });
    expect(open.json().validation).toEqual([
      expect.objectContaining({ nodeId: 'assign', code: 'required', path: 'config.ruleId' }),
    ]);
  });

  it('saves a workflow as a template of the organization, which can be renamed, used and deleted', async () => {
    const workflow = (await h.call('POST', `/api/templates/${birthday.id}/use`, {})).json();
    const saved = await h.call(
      'POST',
      '/api/templates',
      { workflowId: workflow.id, name: 'Sinh nhật – chi nhánh Hà Nội', description: 'Mẫu riêng' },
      h.manager.headers,
    );
    expect(saved.statusCode).toBe(201);
    expect(saved.json()).toMatchObject({ builtIn: false, module: 'contact', kind: 'schedule' });
    const id = saved.json().id;
    expect((await list()).find((item) => item.id === id)?.nameVi).toBe('Sinh nhật – chi nhánh Hà Nội');

    const renamed = await h.call('PATCH', `/api/templates/${id}`, { name: 'Sinh nhật HN', description: '' });
    expect(renamed.json()).toMatchObject({ nameVi: 'Sinh nhật HN', nameEn: '' });
    const used = await h.call('POST', `/api/templates/${id}/use`, {});
    expect(used.statusCode).toBe(201);
    expect(used.json()).toMatchObject({ name: 'Sinh nhật HN', validation: [] });

    expect((await h.call('DELETE', `/api/templates/${id}`, undefined, h.member.headers)).statusCode).toBe(
      403,
    );
    expect((await h.call('DELETE', `/api/templates/${id}`)).statusCode).toBe(204);
    expect((await h.call('POST', `/api/templates/${id}/use`, {})).statusCode).toBe(404);
  });

  it('keeps an organization’s template in Vietnamese and English, the English falling back to the Vietnamese', async () => {
    const workflow = (await h.call('POST', `/api/templates/${birthday.id}/use`, {})).json();
    const saved = await h.call('POST', '/api/templates', {
      workflowId: workflow.id,
      name: { vi: 'Sinh nhật – chi nhánh Đà Nẵng', en: 'Birthdays – Da Nang branch' },
      description: { vi: 'Gửi SMS chúc mừng', en: '' },
    });
    expect(saved.statusCode).toBe(201);
    const id = saved.json().id;
    expect(saved.json()).toMatchObject({
      nameVi: 'Sinh nhật – chi nhánh Đà Nẵng',
      nameEn: 'Birthdays – Da Nang branch',
      descriptionVi: 'Gửi SMS chúc mừng',
      descriptionEn: '',
    });
    const usedInEnglish = await h.app.inject({
      method: 'POST',
      url: `/api/templates/${id}/use`,
      headers: en(),
      payload: {},
    });
    expect(usedInEnglish.json()).toMatchObject({
      name: 'Birthdays – Da Nang branch',
      description: 'Gửi SMS chúc mừng',
    });

    // A plain string changes the Vietnamese name and keeps the English one.
    const renamed = await h.call('PATCH', `/api/templates/${id}`, { name: 'Sinh nhật ĐN' });
    expect(renamed.json()).toMatchObject({ nameVi: 'Sinh nhật ĐN', nameEn: 'Birthdays – Da Nang branch' });
    const cleared = await h.call('PATCH', `/api/templates/${id}`, {
      name: { vi: 'Sinh nhật ĐN', en: '' },
      description: { vi: 'Chúc mừng', en: 'Greetings' },
    });
    expect(cleared.json()).toMatchObject({ nameEn: '', descriptionEn: 'Greetings' });
    const fallback = await h.app.inject({
      method: 'POST',
      url: `/api/templates/${id}/use`,
      headers: en(),
      payload: {},
    });
    expect(fallback.json().name).toBe('Sinh nhật ĐN');

    const file = (await h.call('GET', `/api/templates/${id}/export`)).json();
    expect(file).toMatchObject({ nameVi: 'Sinh nhật ĐN', nameEn: '', descriptionEn: 'Greetings' });
    const imported = await h.call('POST', '/api/templates/import', {
      ...file,
      nameEn: 'Birthdays (imported)',
    });
    expect(imported.json()).toMatchObject({ nameVi: 'Sinh nhật ĐN', nameEn: 'Birthdays (imported)' });
  });

  it.each([
    ['a name without its Vietnamese text', { name: { en: 'Birthdays' } }, 'name'],
    ['an empty name', { name: '  ' }, 'name'],
    ['a description that is not text', { name: 'Sinh nhật', description: 42 }, 'description'],
    ['an English name too long', { name: { vi: 'Sinh nhật', en: 'x'.repeat(201) } }, 'name'],
  ])('refuses to save a template with %s, naming the field', async (_what, card, field) => {
    const workflow = (await h.call('POST', `/api/templates/${birthday.id}/use`, {})).json();
    const res = await h.call('POST', '/api/templates', { workflowId: workflow.id, ...card });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([
      expect.objectContaining({ field: expect.stringMatching(`^${field}`) }),
    ]);
  });

  it('keeps built-in templates read-only and another organization’s workflows out of reach', async () => {
    const edit = await h.call('PATCH', `/api/templates/${birthday.id}`, { name: 'Đổi tên' });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.code).toBe('template_built_in');
    expect((await h.call('DELETE', `/api/templates/${birthday.id}`)).statusCode).toBe(409);
    const other = await h.addOrganization();
    const theirs = (await h.call('POST', `/api/templates/${lead.id}/use`, {}, other.admin.headers)).json();
    const saved = await h.call('POST', '/api/templates', { workflowId: theirs.id, name: 'Của người khác' });
    expect(saved.statusCode).toBe(404);
  });

  it('exports a template as JSON and imports it back as the organization’s own', async () => {
    const exported = await h.call('GET', `/api/templates/${birthday.id}/export`);
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-disposition']).toContain('contact-birthday-sms.template.json');
    const file = exported.json();
    expect(file).toMatchObject({
      format: 'crmflow.template',
      version: 1,
      module: 'contact',
      kind: 'schedule',
    });
    expect(file.graphEn.nodes.find((node: Node) => node.id === 'sms').config.name).toBe('Birthday SMS');

    const imported = await h.call('POST', '/api/templates/import', { ...file, nameVi: 'Sinh nhật (nhập)' });
    expect(imported.statusCode).toBe(201);
    expect(imported.json()).toMatchObject({ builtIn: false, nameVi: 'Sinh nhật (nhập)' });
    const english = (await list(en())).find((item) => item.id === imported.json().id);
    expect(english?.graph.nodes.find((node) => node.id === 'sms')?.config.name).toBe('Birthday SMS');
  });

  it.each([
    ['a file of another kind', { format: 'zip' }, 'format'],
    ['a module that does not exist', { module: 'invoice' }, 'module'],
    ['a graph without nodes', { graph: { edges: [] } }, 'graph.nodes'],
    [
      'a step the catalogue does not have',
      {
        graph: {
          nodes: [
            {
              id: 'trigger',
              type: 'trigger',
              position: { x: 0, y: 0 },
              config: {
                dateField: 'birthday',
                recurrence: 'yearly',
                offsetDays: 0,
                window: 'day',
                runAt: '08:00',
              },
            },
            { id: 'fax', type: 'send_fax', position: { x: 0, y: 160 }, config: {} },
          ],
          edges: [{ id: 'e1', source: 'trigger', target: 'fax' }],
        },
      },
      'graph.fax',
    ],
  ])('refuses to import %s with a 400 naming it', async (_what, change, field) => {
    const file = (await h.call('GET', `/api/templates/${birthday.id}/export`)).json();
    const res = await h.call('POST', '/api/templates/import', { ...file, graphEn: undefined, ...change });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: expect.stringContaining(field) })]),
    );
  });
});
