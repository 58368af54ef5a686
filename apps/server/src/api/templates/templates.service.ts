import { type Db, templates } from '@crmflow/db';
import { FlowGraph, type ModuleKey, type WorkflowKind } from '@crmflow/flow';
import { and, asc, eq, isNull, or } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '../../errors/app-error.ts';
import type { Locale } from '../../i18n/locale.ts';
import { audit } from '../audit.ts';
import type { AuthContext } from '../auth/auth-context.ts';
import { parseGraph } from '../workflows/workflow-graph.ts';
import { insertWorkflow, type WorkflowWithVersion } from '../workflows/workflow-store.ts';
import { placeholdersIn, placeholderValue, replacePlaceholders } from './template-placeholders.ts';

type TemplateRow = typeof templates.$inferSelect;

export const GalleryTemplate = z
  .object({
    id: z.uuid(),
    module: z.string(),
    kind: z.enum(['event', 'schedule']),
    nameVi: z.string(),
    nameEn: z.string(),
    descriptionVi: z.string(),
    descriptionEn: z.string(),
    category: z.string(),
    builtIn: z.boolean().describe('Offered to every organization'),
    graph: FlowGraph.describe(
      '`{{…}}` values are filled with the organization’s own when the template is used',
    ),
  })
  .describe('A workflow template of the gallery (Quy trình làm việc mẫu)');
export type GalleryTemplate = z.infer<typeof GalleryTemplate>;

export function toGalleryTemplate(row: TemplateRow): GalleryTemplate {
  return {
    id: row.id,
    module: row.module,
    kind: row.kind,
    nameVi: row.nameVi,
    nameEn: row.nameEn,
    descriptionVi: row.descriptionVi,
    descriptionEn: row.descriptionEn,
    category: row.category,
    builtIn: row.orgId === null,
    graph: FlowGraph.parse(row.graph),
  };
}

const visibleTo = (orgId: string) => or(isNull(templates.orgId), eq(templates.orgId, orgId));

/** The built-in templates and the organization's own. */
export async function listTemplates(args: {
  db: Db;
  orgId: string;
  module?: ModuleKey | undefined;
  kind?: WorkflowKind | undefined;
}): Promise<TemplateRow[]> {
  const { db, orgId, module, kind } = args;
  return db
    .select()
    .from(templates)
    .where(
      and(
        visibleTo(orgId),
        module ? eq(templates.module, module) : undefined,
        kind ? eq(templates.kind, kind) : undefined,
      ),
    )
    .orderBy(asc(templates.module), asc(templates.kind), asc(templates.category), asc(templates.nameVi));
}

/**
 * Dùng mẫu: an inactive workflow made from the template, its placeholders filled with the
 * organization's templates, allocation rules and providers, named in the caller's language.
 */
export async function useTemplate(args: {
  db: Db;
  auth: AuthContext;
  id: string;
  name?: string | undefined;
  locale: Locale;
}): Promise<WorkflowWithVersion> {
  const { db, auth, id, locale } = args;
  const orgId = auth.organization.id;
  const [template] = await db
    .select()
    .from(templates)
    .where(and(eq(templates.id, id), visibleTo(orgId)));
  if (!template) throw new AppError('template_not_found');
  const values = new Map<string, string>();
  for (const placeholder of new Set(placeholdersIn(template.graph))) {
    const value = await placeholderValue({ db, orgId, placeholder });
    if (value) values.set(placeholder, value);
  }
  const { module, kind } = template;
  const graph = parseGraph({ graph: replacePlaceholders(template.graph, values), module, kind });
  return db.transaction(async (tx) => {
    const created = await insertWorkflow({
      tx,
      orgId,
      actorId: auth.user.id,
      module,
      kind,
      name: args.name ?? (locale === 'en' ? template.nameEn : template.nameVi),
      description: locale === 'en' ? template.descriptionEn : template.descriptionVi,
      graph,
    });
    await audit(tx, {
      orgId,
      actorId: auth.user.id,
      action: 'workflow.create',
      entity: 'workflow',
      entityId: created.row.id,
      details: { fromTemplate: template.key ?? template.id },
    });
    return created;
  });
}
