import { and, isNull, notInArray, sql } from 'drizzle-orm';
import type { Executor } from '../connection.ts';
import { templates } from '../schema/workflows.ts';
import { careGallerySources } from './gallery-care-templates.ts';
import { eventGallerySources } from './gallery-event-templates.ts';
import { type GalleryTemplate, galleryTemplate } from './gallery-graph.ts';
import { moreEventGallerySources } from './gallery-more-templates.ts';

export type { GalleryTemplate } from './gallery-graph.ts';

/**
 * Ids a template cannot know in advance are written as `{{what:scope}}` and replaced with the
 * organization's own when the template is used: `{{printTemplate:order}}` (its first print
 * template of orders), `{{allocationRule:lead}}`, `{{provider:sms}}` (its default SMS provider),
 * `{{znsTemplate:customer_name}}` (a ZNS template taking that param), `{{user:lead}}` (a user to
 * hand over to), `{{webhook:url}}` (an address only the organization knows). The "Dùng mẫu" dialog
 * lets the admin choose each; what is left unresolved becomes a validation problem of the flow.
 */
export const galleryPlaceholder =
  /^\{\{(printTemplate|emailTemplate|smsTemplate|znsTemplate|allocationRule|provider|user|webhook):([a-z_]+)\}\}$/;

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
