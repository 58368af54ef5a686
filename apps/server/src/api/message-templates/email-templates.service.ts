import { type Db, emailTemplates } from '@crmflow/db';
import { ModuleKey } from '@crmflow/flow';
import { and, asc, eq, sql } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.ts';
import type { Locale } from '../../i18n/locale.ts';
import { assertKnownMergeFields, moduleCatalogOf } from './merge-field-check.ts';
import { after } from './template-common.ts';

export type EmailTemplateRow = typeof emailTemplates.$inferSelect;
export type EmailTemplateInput = { module: ModuleKey; name: string; subject: string; body: string };

type Scope = { db: Db; orgId: string; locale: Locale };

const byId = (orgId: string, id: string) => and(eq(emailTemplates.orgId, orgId), eq(emailTemplates.id, id));

async function check(scope: Scope, input: EmailTemplateInput) {
  assertKnownMergeFields({
    catalog: await moduleCatalogOf(scope.db, scope.orgId),
    module: input.module,
    locale: scope.locale,
    texts: [
      { field: 'subject', text: input.subject },
      { field: 'body', text: input.body },
    ],
  });
}

export async function listEmailTemplates(args: { db: Db; orgId: string; module?: ModuleKey | undefined }) {
  return args.db
    .select()
    .from(emailTemplates)
    .where(
      and(
        eq(emailTemplates.orgId, args.orgId),
        args.module ? eq(emailTemplates.module, args.module) : undefined,
      ),
    )
    .orderBy(asc(emailTemplates.module), asc(emailTemplates.name), asc(emailTemplates.createdAt));
}

export async function findEmailTemplate(args: {
  db: Db;
  orgId: string;
  id: string;
}): Promise<EmailTemplateRow> {
  const [row] = await args.db.select().from(emailTemplates).where(byId(args.orgId, args.id));
  if (!row) throw new AppError('not_found');
  return row;
}

export async function createEmailTemplate(
  scope: Scope,
  input: EmailTemplateInput,
): Promise<EmailTemplateRow> {
  await check(scope, input);
  const [row] = await scope.db
    .insert(emailTemplates)
    .values({ orgId: scope.orgId, ...input })
    .returning();
  if (!row) throw new Error('The email template was not inserted');
  return row;
}

export async function updateEmailTemplate(
  scope: Scope,
  args: { id: string; changes: Partial<EmailTemplateInput> },
): Promise<EmailTemplateRow> {
  const current = await findEmailTemplate({ ...scope, id: args.id });
  const { changes } = args;
  const next: EmailTemplateInput = {
    module: after(changes.module, ModuleKey.parse(current.module)),
    name: after(changes.name, current.name),
    subject: after(changes.subject, current.subject),
    body: after(changes.body, current.body),
  };
  await check(scope, next);
  const [row] = await scope.db
    .update(emailTemplates)
    .set({ ...next, updatedAt: sql`now()` })
    .where(byId(scope.orgId, current.id))
    .returning();
  if (!row) throw new AppError('not_found');
  return row;
}

export async function deleteEmailTemplate(args: { db: Db; orgId: string; id: string }): Promise<void> {
  const gone = await args.db
    .delete(emailTemplates)
    .where(byId(args.orgId, args.id))
    .returning({ id: emailTemplates.id });
  if (gone.length === 0) throw new AppError('not_found');
}
