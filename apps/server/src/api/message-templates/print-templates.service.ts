import { type Db, printTemplates } from '@crmflow/db';
import { ModuleKey } from '@crmflow/flow';
import { and, asc, eq, sql } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.ts';
import type { Locale } from '../../i18n/locale.ts';
import { assertKnownMergeFields, moduleCatalogOf } from './merge-field-check.ts';
import { after } from './template-common.ts';

export type PrintTemplateRow = typeof printTemplates.$inferSelect;
export type PrintTemplateInput = { module: ModuleKey; name: string; body: string };

type Scope = { db: Db; orgId: string; locale: Locale };

const byId = (orgId: string, id: string) => and(eq(printTemplates.orgId, orgId), eq(printTemplates.id, id));

async function check(scope: Scope, input: PrintTemplateInput) {
  assertKnownMergeFields({
    catalog: await moduleCatalogOf(scope.db, scope.orgId),
    module: input.module,
    locale: scope.locale,
    texts: [{ field: 'body', text: input.body, print: true }],
  });
}

export async function listPrintTemplates(args: { db: Db; orgId: string; module?: ModuleKey | undefined }) {
  return args.db
    .select()
    .from(printTemplates)
    .where(
      and(
        eq(printTemplates.orgId, args.orgId),
        args.module ? eq(printTemplates.module, args.module) : undefined,
      ),
    )
    .orderBy(asc(printTemplates.module), asc(printTemplates.name), asc(printTemplates.createdAt));
}

export async function findPrintTemplate(args: {
  db: Db;
  orgId: string;
  id: string;
}): Promise<PrintTemplateRow> {
  const [row] = await args.db.select().from(printTemplates).where(byId(args.orgId, args.id));
  if (!row) throw new AppError('not_found');
  return row;
}

export async function createPrintTemplate(
  scope: Scope,
  input: PrintTemplateInput,
): Promise<PrintTemplateRow> {
  await check(scope, input);
  const [row] = await scope.db
    .insert(printTemplates)
    .values({ orgId: scope.orgId, ...input })
    .returning();
  if (!row) throw new Error('The print template was not inserted');
  return row;
}

export async function updatePrintTemplate(
  scope: Scope,
  args: { id: string; changes: Partial<PrintTemplateInput> },
): Promise<PrintTemplateRow> {
  const current = await findPrintTemplate({ ...scope, id: args.id });
  const { changes } = args;
  const next: PrintTemplateInput = {
    module: after(changes.module, ModuleKey.parse(current.module)),
    name: after(changes.name, current.name),
    body: after(changes.body, current.body),
  };
  await check(scope, next);
  const [row] = await scope.db
    .update(printTemplates)
    .set({ ...next, updatedAt: sql`now()` })
    .where(byId(scope.orgId, current.id))
    .returning();
  if (!row) throw new AppError('not_found');
  return row;
}

export async function deletePrintTemplate(args: { db: Db; orgId: string; id: string }): Promise<void> {
  const gone = await args.db
    .delete(printTemplates)
    .where(byId(args.orgId, args.id))
    .returning({ id: printTemplates.id });
  if (gone.length === 0) throw new AppError('not_found');
}
