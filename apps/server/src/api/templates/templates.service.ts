import type { GalleryTemplate, TemplateChoices } from '@crmflow/contracts';
import { type Db, templates } from '@crmflow/db';
import { FlowGraph, type ModuleKey, templateNeeds, type WorkflowKind } from '@crmflow/flow';
import { and, asc, eq, isNull, or } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.ts';
import type { Locale } from '../../i18n/locale.ts';
import { audit } from '../audit.ts';
import type { AuthContext } from '../auth/auth-context.ts';
import { parseGraph } from '../workflows/workflow-graph.ts';
import { insertWorkflow, type WorkflowWithVersion } from '../workflows/workflow-store.ts';
import { placeholderValue, replacePlaceholders } from './template-placeholders.ts';

export type TemplateRow = typeof templates.$inferSelect;

/** The template's graph with its step texts in the locale (built-in templates have both). */
export function templateGraph(row: TemplateRow, locale: Locale): FlowGraph {
  return FlowGraph.parse(locale === 'en' && row.graphEn ? row.graphEn : row.graph);
}

/** A template's text in the locale; an English one left empty falls back to the Vietnamese. */
export function templateText(locale: Locale, vi: string, en: string): string {
  return locale === 'en' && en !== '' ? en : vi;
}

/** What a template says about itself, the same in the gallery and in its exported file. */
export function templateIdentity(row: TemplateRow) {
  const { module, kind, nameVi, nameEn, descriptionVi, descriptionEn } = row;
  return { module, kind, nameVi, nameEn, descriptionVi, descriptionEn };
}

export function toGalleryTemplate(row: TemplateRow, locale: Locale): GalleryTemplate {
  const graph = templateGraph(row, locale);
  return {
    id: row.id,
    ...templateIdentity(row),
    category: row.category,
    builtIn: row.orgId === null,
    graph,
    needs: templateNeeds(graph),
    createdAt: row.createdAt.toISOString(),
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

/** A built-in template or one of the organization's own; anything else is not found. */
export async function findTemplate(args: { db: Db; orgId: string; id: string }): Promise<TemplateRow> {
  const [row] = await args.db
    .select()
    .from(templates)
    .where(and(eq(templates.id, args.id), visibleTo(args.orgId)));
  if (!row) throw new AppError('template_not_found');
  return row;
}

/** The graph with each chosen SMS or email template set on its `send_sms` or `send_email` step. */
function withMessageTemplates(graph: FlowGraph, use: TemplateChoices): FlowGraph {
  return {
    ...graph,
    nodes: graph.nodes.map((node) => {
      const templateId =
        node.type === 'send_sms'
          ? use.smsTemplates[node.id]
          : node.type === 'send_email'
            ? use.emailTemplates[node.id]
            : undefined;
      return templateId ? { ...node, config: { ...node.config, templateId } } : node;
    }),
  };
}

/**
 * Dùng mẫu: an inactive workflow made from the template in the caller's language. Each
 * placeholder takes the value chosen in the dialog, else the organization's default; one left
 * without a value is empty, and the new workflow's validation names the step to fix.
 */
export async function useTemplate(args: {
  db: Db;
  auth: AuthContext;
  id: string;
  use: TemplateChoices;
  locale: Locale;
}): Promise<WorkflowWithVersion> {
  const { db, auth, id, locale, use } = args;
  const orgId = auth.organization.id;
  const template = await findTemplate({ db, orgId, id });
  const source = templateGraph(template, locale);
  const values = new Map<string, string>();
  for (const { placeholder } of templateNeeds(source)) {
    const chosen = use.choices[placeholder];
    const value = chosen ?? (await placeholderValue({ db, orgId, placeholder }));
    if (value) values.set(placeholder, value);
  }
  const { module, kind } = template;
  const filled = withMessageTemplates(FlowGraph.parse(replacePlaceholders(source, values)), use);
  const graph = parseGraph({ graph: filled, module, kind });
  return db.transaction(async (tx) => {
    const created = await insertWorkflow({
      tx,
      orgId,
      actorId: auth.user.id,
      module,
      kind,
      name: use.name ?? templateText(locale, template.nameVi, template.nameEn),
      description: templateText(locale, template.descriptionVi, template.descriptionEn),
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
