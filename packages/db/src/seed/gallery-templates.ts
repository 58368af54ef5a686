import { and, isNull, notInArray, sql } from 'drizzle-orm';
import type { Executor } from '../connection.ts';
import { templates } from '../schema/workflows.ts';
import { careGalleryTemplates } from './gallery-care-templates.ts';
import { eventGalleryTemplates } from './gallery-event-templates.ts';
import type { GalleryTemplate } from './gallery-graph.ts';

export type { GalleryTemplate } from './gallery-graph.ts';

/**
 * Ids a template cannot know in advance are written as `{{what:module}}` and replaced with the
 * organization's own when the template is used: `{{printTemplate:order}}` (its first print
 * template of orders), `{{allocationRule:lead}}`, `{{provider:sms}}` (its default SMS provider).
 */
export const galleryPlaceholder =
  /^\{\{(printTemplate|emailTemplate|smsTemplate|allocationRule|provider):([a-z_]+)\}\}$/;

export const galleryTemplates: readonly GalleryTemplate[] = [
  ...eventGalleryTemplates,
  ...careGalleryTemplates,
];

/**
 * Writes the built-in templates (organization null), creating or refreshing each by its key and
 * removing built-in ones that are no longer offered. Safe to run at every start, by several
 * processes at once.
 */
export async function ensureGalleryTemplates(db: Executor): Promise<void> {
  for (const template of galleryTemplates) {
    const values = { ...template, orgId: null };
    await db
      .insert(templates)
      .values(values)
      .onConflictDoUpdate({
        target: templates.key,
        targetWhere: sql`${templates.orgId} is null`,
        set: {
          module: template.module,
          kind: template.kind,
          category: template.category,
          nameVi: template.nameVi,
          nameEn: template.nameEn,
          descriptionVi: template.descriptionVi,
          descriptionEn: template.descriptionEn,
          graph: template.graph,
        },
      });
  }
  const keys = galleryTemplates.map((template) => template.key);
  await db.delete(templates).where(and(isNull(templates.orgId), notInArray(templates.key, keys)));
}
