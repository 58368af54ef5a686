import { standardModules, validateGraph } from '@crmflow/flow';
import { eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { templates } from '../schema/workflows.ts';
import { openTestDatabase } from '../testing.ts';
import { ensureGalleryTemplates, galleryPlaceholder, galleryTemplates } from './gallery-templates.ts';

/** Every string of a graph, with where it sits, to find the placeholders. */
function stringsIn(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((item, index) => stringsIn(item, `${path}.${index}`));
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([key, item]) => stringsIn(item, path ? `${path}.${key}` : key));
  return [];
}

describe('gallery templates', () => {
  it.each(galleryTemplates.map((template) => [template.key, template] as const))(
    '%s passes validation for its module and kind',
    (_key, template) => {
      const result = validateGraph({
        graph: template.graph,
        module: template.module,
        kind: template.kind,
        catalog: standardModules,
      });
      expect(result.errors).toEqual([]);
    },
  );

  it('covers the reference examples and both kinds, with unique keys', () => {
    const keys = galleryTemplates.map((template) => template.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(galleryTemplates.length).toBeGreaterThanOrEqual(8);
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
    for (const [path, text] of placeholders) expect(text, path).toMatch(galleryPlaceholder);
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
