import { and, isNull, notInArray, sql } from 'drizzle-orm';
import type { Executor } from '../connection.ts';
import { templates } from '../schema/workflows.ts';
import { careGallerySources } from './gallery-care-templates.ts';
import { eventGallerySources } from './gallery-event-templates.ts';
import { type GalleryTemplate, galleryTemplate } from './gallery-graph.ts';
import { moreEventGallerySources } from './gallery-more-templates.ts';

export type { GalleryTemplate } from './gallery-graph.ts';

export const galleryTemplates: readonly GalleryTemplate[] = [
  ...eventGallerySources,
  ...moreEventGallerySources,
  ...careGallerySources,
].map(galleryTemplate);

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
          graphEn: template.graphEn,
        },
      });
  }
  const keys = galleryTemplates.map((template) => template.key);
  await db.delete(templates).where(and(isNull(templates.orgId), notInArray(templates.key, keys)));
}
