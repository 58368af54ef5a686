import type { SaveAsTemplate, TemplateCard, TemplateFile } from '@crmflow/contracts';
import { type Db, templates } from '@crmflow/db';
import { FlowGraph, inLocale, validateGraph } from '@crmflow/flow';
import { and, eq } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.ts';
import type { Locale } from '../../i18n/locale.ts';
import { audit } from '../audit.ts';
import type { AuthContext } from '../auth/auth-context.ts';
import { loadModuleCatalog } from '../workflows/module-catalog.ts';
import { findWorkflow } from '../workflows/workflow-store.ts';
import { withSampleValues } from './template-placeholders.ts';
import { findTemplate, type TemplateRow, templateGraph, templateIdentity } from './templates.service.ts';

/** The organization's own templates (Mẫu của tổ chức): saved from a workflow, or imported. */

/**
 * The columns a card writes. A plain string, or `{vi}` alone, sets the Vietnamese text: a new
 * template then has no English one, an edited one keeps its English.
 */
function cardColumns(card: TemplateCard) {
  const name = typeof card.name === 'string' ? { vi: card.name } : card.name;
  const description = typeof card.description === 'string' ? { vi: card.description } : card.description;
  return {
    nameVi: name.vi,
    descriptionVi: description.vi,
    ...(name.en === undefined ? {} : { nameEn: name.en }),
    ...(description.en === undefined ? {} : { descriptionEn: description.en }),
  };
}

async function insertOwnTemplate(args: {
  db: Db;
  auth: AuthContext;
  values: Omit<typeof templates.$inferInsert, 'orgId'>;
  from: string;
}): Promise<TemplateRow> {
  const { db, auth } = args;
  const orgId = auth.organization.id;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(templates)
      .values({ ...args.values, orgId, category: 'organization' })
      .returning();
    if (!row) throw new Error('The template was not inserted');
    await audit(tx, {
      orgId,
      actorId: auth.user.id,
      action: 'template.create',
      entity: 'template',
      entityId: row.id,
      details: { from: args.from },
    });
    return row;
  });
}

/** Lưu thành mẫu: the workflow's current graph kept as a template of the organization. */
export async function saveAsTemplate(args: { db: Db; auth: AuthContext; input: SaveAsTemplate }) {
  const { db, auth, input } = args;
  const { row, version } = await findWorkflow({ db, orgId: auth.organization.id, id: input.workflowId });
  return insertOwnTemplate({
    db,
    auth,
    from: row.id,
    values: {
      module: row.module,
      kind: row.kind,
      nameEn: '',
      descriptionEn: '',
      ...cardColumns(input),
      graph: FlowGraph.parse(version.graph),
    },
  });
}

/** One of the organization's own templates; a built-in one is read-only. */
async function ownTemplate(args: { db: Db; orgId: string; id: string }): Promise<TemplateRow> {
  const row = await findTemplate(args);
  if (row.orgId === null) throw new AppError('template_built_in');
  return row;
}

export async function updateTemplate(args: { db: Db; auth: AuthContext; id: string; card: TemplateCard }) {
  const { db, auth, id, card } = args;
  const orgId = auth.organization.id;
  await ownTemplate({ db, orgId, id });
  const [row] = await db
    .update(templates)
    .set(cardColumns(card))
    .where(and(eq(templates.id, id), eq(templates.orgId, orgId)))
    .returning();
  if (!row) throw new AppError('template_not_found');
  await audit(db, {
    orgId,
    actorId: auth.user.id,
    action: 'template.update',
    entity: 'template',
    entityId: id,
  });
  return row;
}

export async function deleteTemplate(args: { db: Db; auth: AuthContext; id: string }): Promise<void> {
  const { db, auth, id } = args;
  const orgId = auth.organization.id;
  await ownTemplate({ db, orgId, id });
  await db.delete(templates).where(and(eq(templates.id, id), eq(templates.orgId, orgId)));
  await audit(db, {
    orgId,
    actorId: auth.user.id,
    action: 'template.delete',
    entity: 'template',
    entityId: id,
  });
}

export function exportTemplate(row: TemplateRow): TemplateFile {
  return {
    format: 'crmflow.template',
    version: 1,
    ...templateIdentity(row),
    graph: templateGraph(row, 'vi'),
    ...(row.graphEn ? { graphEn: templateGraph(row, 'en') } : {}),
  };
}

/**
 * Import: a template file becomes one of the organization's templates if each of its graphs is a
 * valid flow of its module and kind (placeholders count as filled; the organization's own ids are
 * checked when the template is used). Problems are a 400 naming the step and what is wrong.
 */
export async function importTemplate(args: {
  db: Db;
  auth: AuthContext;
  file: TemplateFile;
  locale: Locale;
}) {
  const { db, auth, file, locale } = args;
  const catalog = await loadModuleCatalog(db, auth.organization.id);
  const graphs = file.graphEn ? { graph: file.graph, graphEn: file.graphEn } : { graph: file.graph };
  const details = Object.entries(graphs).flatMap(([key, graph]) =>
    validateGraph({
      graph: FlowGraph.parse(withSampleValues(graph)),
      module: file.module,
      kind: file.kind,
      catalog,
    }).errors.map((error) => ({
      field: [key, error.nodeId ?? error.edgeId, error.path].filter(Boolean).join('.'),
      message: inLocale(locale, error.message),
    })),
  );
  if (details.length > 0) throw new AppError('invalid_input', { details });
  return insertOwnTemplate({
    db,
    auth,
    from: 'import',
    values: {
      module: file.module,
      kind: file.kind,
      nameVi: file.nameVi,
      nameEn: file.nameEn,
      descriptionVi: file.descriptionVi,
      descriptionEn: file.descriptionEn,
      graph: file.graph,
      graphEn: file.graphEn ?? null,
    },
  });
}
