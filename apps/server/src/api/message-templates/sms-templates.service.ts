import { type Db, smsTemplates } from '@crmflow/db';
import { ModuleKey } from '@crmflow/flow';
import { and, asc, eq, sql } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.ts';
import type { Locale } from '../../i18n/locale.ts';
import { assertKnownMergeFields, moduleCatalogOf } from './merge-field-check.ts';
import { after } from './template-common.ts';

export type SmsTemplateRow = typeof smsTemplates.$inferSelect;
export type SmsTemplateInput = { module: ModuleKey; name: string; body: string };

type Scope = { db: Db; orgId: string; locale: Locale };

const byId = (orgId: string, id: string) => and(eq(smsTemplates.orgId, orgId), eq(smsTemplates.id, id));

async function check(scope: Scope, input: SmsTemplateInput) {
  assertKnownMergeFields({
    catalog: await moduleCatalogOf(scope.db, scope.orgId),
    module: input.module,
    locale: scope.locale,
    texts: [{ field: 'body', text: input.body }],
  });
}

export async function listSmsTemplates(args: { db: Db; orgId: string; module?: ModuleKey | undefined }) {
  return args.db
    .select()
    .from(smsTemplates)
    .where(
      and(eq(smsTemplates.orgId, args.orgId), args.module ? eq(smsTemplates.module, args.module) : undefined),
    )
    .orderBy(asc(smsTemplates.module), asc(smsTemplates.name), asc(smsTemplates.createdAt));
}

export async function findSmsTemplate(args: { db: Db; orgId: string; id: string }): Promise<SmsTemplateRow> {
  const [row] = await args.db.select().from(smsTemplates).where(byId(args.orgId, args.id));
  if (!row) throw new AppError('not_found');
  return row;
}

export async function createSmsTemplate(scope: Scope, input: SmsTemplateInput): Promise<SmsTemplateRow> {
  await check(scope, input);
  const [row] = await scope.db
    .insert(smsTemplates)
    .values({ orgId: scope.orgId, ...input })
    .returning();
  if (!row) throw new Error('The SMS template was not inserted');
  return row;
}

export async function updateSmsTemplate(
  scope: Scope,
  args: { id: string; changes: Partial<SmsTemplateInput> },
): Promise<SmsTemplateRow> {
  const current = await findSmsTemplate({ ...scope, id: args.id });
  const { changes } = args;
  const next: SmsTemplateInput = {
    module: after(changes.module, ModuleKey.parse(current.module)),
    name: after(changes.name, current.name),
    body: after(changes.body, current.body),
  };
  await check(scope, next);
  const [row] = await scope.db
    .update(smsTemplates)
    .set({ ...next, updatedAt: sql`now()` })
    .where(byId(scope.orgId, current.id))
    .returning();
  if (!row) throw new AppError('not_found');
  return row;
}

export async function deleteSmsTemplate(args: { db: Db; orgId: string; id: string }): Promise<void> {
  const gone = await args.db
    .delete(smsTemplates)
    .where(byId(args.orgId, args.id))
    .returning({ id: smsTemplates.id });
  if (gone.length === 0) throw new AppError('not_found');
}
