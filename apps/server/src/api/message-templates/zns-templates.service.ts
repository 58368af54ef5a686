import { type Db, znsTemplates } from '@crmflow/db';
import type { ZnsParam } from '@crmflow/flow/messaging';
import { and, asc, eq, sql } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.ts';
import { after } from './template-common.ts';

export type ZnsTemplateRow = typeof znsTemplates.$inferSelect;
export type ZnsTemplateInput = { name: string; providerTemplateId: string; params: ZnsParam[] };

const byId = (orgId: string, id: string) => and(eq(znsTemplates.orgId, orgId), eq(znsTemplates.id, id));

export async function listZnsTemplates(args: { db: Db; orgId: string }) {
  return args.db
    .select()
    .from(znsTemplates)
    .where(eq(znsTemplates.orgId, args.orgId))
    .orderBy(asc(znsTemplates.name), asc(znsTemplates.createdAt));
}

export async function findZnsTemplate(args: { db: Db; orgId: string; id: string }): Promise<ZnsTemplateRow> {
  const [row] = await args.db.select().from(znsTemplates).where(byId(args.orgId, args.id));
  if (!row) throw new AppError('not_found');
  return row;
}

export async function createZnsTemplate(
  scope: { db: Db; orgId: string },
  input: ZnsTemplateInput,
): Promise<ZnsTemplateRow> {
  const [row] = await scope.db
    .insert(znsTemplates)
    .values({ orgId: scope.orgId, ...input })
    .returning();
  if (!row) throw new Error('The ZNS template was not inserted');
  return row;
}

export async function updateZnsTemplate(
  scope: { db: Db; orgId: string },
  args: { id: string; changes: Partial<ZnsTemplateInput> },
): Promise<ZnsTemplateRow> {
  const current = await findZnsTemplate({ ...scope, id: args.id });
  const { changes } = args;
  const [row] = await scope.db
    .update(znsTemplates)
    .set({
      name: after(changes.name, current.name),
      providerTemplateId: after(changes.providerTemplateId, current.providerTemplateId),
      params: after(changes.params, current.params),
      updatedAt: sql`now()`,
    })
    .where(byId(scope.orgId, current.id))
    .returning();
  if (!row) throw new AppError('not_found');
  return row;
}

export async function deleteZnsTemplate(args: { db: Db; orgId: string; id: string }): Promise<void> {
  const gone = await args.db
    .delete(znsTemplates)
    .where(byId(args.orgId, args.id))
    .returning({ id: znsTemplates.id });
  if (gone.length === 0) throw new AppError('not_found');
}
