import { FlowGraph, standardModules, templatePlaceholder, validateGraph } from '@crmflow/flow';
import { eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { templates } from '../schema/workflows.ts';
import { openTestDatabase } from '../testing.ts';
import { ensureGalleryTemplates, galleryTemplates } from './gallery-templates.ts';

/** Every string of a graph, with where it sits, to find the placeholders. */
function stringsIn(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((item, index) => stringsIn(item, `${path}.${index}`));
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([key, item]) => stringsIn(item, path ? `${path}.${key}` : key));
  return [];
}

/** What an organization would choose for each placeholder, so the graph can be validated as used. */
function filled(value: unknown): unknown {
  if (typeof value === 'string')
    return templatePlaceholder.test(value)
      ? value.startsWith('{{webhook')
        ? 'https://kho.example.vn/don-hang'
        : 'x1'
      : value;
  if (Array.isArray(value)) return value.map(filled);
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, filled(item)]));
  return value;
}

const actionTypes = [
  'update_fields',
  'send_email',
  'create_task',
  'assign_owner',
  'notify',
  'send_sms',
  'send_zalo_zns',
  'add_care_card',
  'propose_revenue',
  'record_revenue',
  'webhook',
  'delay',
];

describe('gallery templates', () => {
  it.each(
    galleryTemplates.flatMap((template) => [
      [template.key, 'vi', template.graph, template] as const,
      [template.key, 'en', template.graphEn, template] as const,
    ]),
  )('%s (%s) passes validation for its module and kind', (_key, _locale, graph, template) => {
    const result = validateGraph({
      graph: FlowGraph.parse(filled(graph)),
      module: template.module,
      kind: template.kind,
      catalog: standardModules,
    });
    expect(result.errors).toEqual([]);
  });

  it('uses every action, both ways of updating and of handing over, and a print attachment', () => {
    const nodes = galleryTemplates.flatMap((template) => template.graph.nodes);
    expect([...new Set(nodes.map((node) => node.type))]).toEqual(expect.arrayContaining(actionTypes));
    const configs = (type: string) => nodes.filter((node) => node.type === type).map((node) => node.config);
    expect(configs('update_fields').map((config) => config.target)).toEqual(
      expect.arrayContaining(['self', { via: 'opportunity_id' }]),
    );
    expect(
      configs('assign_owner')
        .map((config) => config.mode)
        .sort(),
    ).toEqual(expect.arrayContaining(['rule', 'user']));
    expect(configs('send_email').some((config) => config.attachment !== null)).toBe(true);
  });

  it('writes every step text in English too', () => {
    for (const template of galleryTemplates) {
      const english = new Map(template.graphEn.nodes.map((node) => [node.id, node.config]));
      for (const node of template.graph.nodes) {
        for (const key of ['name', 'title', 'message', 'text', 'subject', 'body']) {
          const vi = node.config[key];
          if (typeof vi !== 'string' || vi.startsWith('{{')) continue;
          expect(english.get(node.id)?.[key], `${template.key} ${node.id}.${key}`).not.toBe(vi);
        }
      }
    }
  });

  it('covers the reference examples and both kinds, with unique keys', () => {
    const keys = galleryTemplates.map((template) => template.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(galleryTemplates.length).toBeGreaterThanOrEqual(16);
    expect(keys).toEqual(
      expect.arrayContaining([
        'order-confirmation-and-care-task',
        'opportunity-stage-from-done-task',
        'lead-allocation-round-robin',
        'delivered-order-care-card',
        'revenue-proposal-on-delivery',
        'contact-birthday-sms',
        'account-founding-anniversary-email',
        'quote-expiry-reminder',
        'quote-sent-follow-up',
        'order-complete-record-revenue',
        'opportunity-negotiation-quote-task',
        'zalo-lead-welcome-zns',
        'quote-valid-until-customer-reminder',
        'order-90-days-repurchase',
      ]),
    );
    expect(galleryTemplates.filter((template) => template.kind === 'schedule').length).toBeGreaterThanOrEqual(
      3,
    );
  });

  it('writes placeholders only as whole values of the known kinds', () => {
    const placeholders = galleryTemplates.flatMap((template) =>
      stringsIn(template.graph).filter(([, text]) => text.includes('{{')),
    );
    expect(placeholders.length).toBeGreaterThan(0);
    for (const [path, text] of placeholders) expect(text, path).toMatch(templatePlaceholder);
  });

  it('speaks Vietnamese with its accents, and English', () => {
    for (const template of galleryTemplates) {
      expect(template.nameVi).toMatch(
        /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i,
      );
      expect(template.nameEn).not.toBe(template.nameVi);
      expect(template.descriptionVi.length).toBeGreaterThan(20);
      expect(template.descriptionEn.length).toBeGreaterThan(20);
    }
  });
});

describe('ensureGalleryTemplates', () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(() => database.close());

  it('writes the built-in templates once, refreshes them in place and drops retired ones', async () => {
    await ensureGalleryTemplates(database.db);
    const first = await database.db.select().from(templates).where(isNull(templates.orgId));
    expect(first).toHaveLength(galleryTemplates.length);

    await database.db
      .update(templates)
      .set({ nameVi: 'Tên cũ' })
      .where(eq(templates.key, 'quote-expiry-reminder'));
    await database.db.insert(templates).values({
      key: 'retired-template',
      module: 'order',
      kind: 'event',
      nameVi: 'Mẫu đã ngừng',
      nameEn: 'Retired',
      graph: { nodes: [], edges: [] },
    });
    await ensureGalleryTemplates(database.db);
    const again = await database.db.select().from(templates).where(isNull(templates.orgId));
    expect(again.map((row) => row.id).sort()).toEqual(first.map((row) => row.id).sort());
    expect(again.find((row) => row.key === 'quote-expiry-reminder')?.nameVi).toBe(
      'Nhắc báo giá sắp hết hiệu lực',
    );
  });
});
