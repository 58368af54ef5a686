import { allocationRules, type Db, type Executor, users, workflows, workflowVersions } from '@crmflow/db';
import { ModuleKey } from '@crmflow/flow';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '../../errors/app-error.ts';
import { inLocale, type Locale } from '../../i18n/locale.ts';
import { audit } from '../audit.ts';
import type { AuthContext } from '../auth/auth-context.ts';

type RuleRow = typeof allocationRules.$inferSelect;

export const AllocationRule = z
  .object({
    id: z.uuid(),
    module: ModuleKey,
    name: z.string(),
    userIds: z.array(z.uuid()).describe('The users records are handed to in turn; inactive ones are skipped'),
    active: z.boolean(),
    createdAt: z.iso.datetime(),
  })
  .describe('Quy tắc phân bổ: round robin over a group of users, for one module');
export type AllocationRule = z.infer<typeof AllocationRule>;

export function toAllocationRule(row: RuleRow): AllocationRule {
  return {
    id: row.id,
    module: row.module,
    name: row.name,
    userIds: row.userIds,
    active: row.active,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function listAllocationRules(args: { db: Db; orgId: string; module?: ModuleKey | undefined }) {
  const { db, orgId, module } = args;
  return db
    .select()
    .from(allocationRules)
    .where(and(eq(allocationRules.orgId, orgId), module ? eq(allocationRules.module, module) : undefined))
    .orderBy(asc(allocationRules.module), asc(allocationRules.createdAt), asc(allocationRules.id));
}

async function findRule(args: { db: Executor; orgId: string; id: string }): Promise<RuleRow> {
  const [row] = await args.db
    .select()
    .from(allocationRules)
    .where(and(eq(allocationRules.id, args.id), eq(allocationRules.orgId, args.orgId)));
  if (!row) throw new AppError('allocation_rule_not_found');
  return row;
}

/** Every id must be a user of the organization (active or not: the rule skips inactive ones). */
async function checkUsers(args: { db: Executor; orgId: string; userIds: string[]; locale: Locale }) {
  const { db, orgId, userIds, locale } = args;
  const known = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.orgId, orgId), inArray(users.id, userIds)));
  const details = userIds.flatMap((id, index) =>
    known.some((user) => user.id === id)
      ? []
      : [
          {
            field: `userIds.${index}`,
            message: inLocale(locale, { vi: 'Người dùng không tồn tại', en: 'No such user' }),
          },
        ],
  );
  if (details.length > 0) throw new AppError('invalid_input', { details });
}

export async function createAllocationRule(args: {
  db: Db;
  auth: AuthContext;
  input: { module: ModuleKey; name: string; userIds: string[]; active?: boolean | undefined };
  locale: Locale;
}): Promise<RuleRow> {
  const { db, auth, input, locale } = args;
  const orgId = auth.organization.id;
  return db.transaction(async (tx) => {
    await checkUsers({ db: tx, orgId, userIds: input.userIds, locale });
    const [row] = await tx
      .insert(allocationRules)
      .values({
        orgId,
        module: input.module,
        name: input.name,
        userIds: input.userIds,
        active: input.active ?? true,
      })
      .returning();
    if (!row) throw new Error('The allocation rule was not inserted');
    await audit(tx, {
      orgId,
      actorId: auth.user.id,
      action: 'allocation_rule.create',
      entity: 'allocation_rule',
      entityId: row.id,
      details: { module: input.module, name: input.name, userIds: input.userIds },
    });
    return row;
  });
}

export async function updateAllocationRule(args: {
  db: Db;
  auth: AuthContext;
  id: string;
  input: { name?: string | undefined; userIds?: string[] | undefined; active?: boolean | undefined };
  locale: Locale;
}): Promise<RuleRow> {
  const { db, auth, id, input, locale } = args;
  const orgId = auth.organization.id;
  return db.transaction(async (tx) => {
    await findRule({ db: tx, orgId, id });
    if (input.userIds) await checkUsers({ db: tx, orgId, userIds: input.userIds, locale });
    const [row] = await tx
      .update(allocationRules)
      .set({
        ...(input.name === undefined ? {} : { name: input.name }),
        ...(input.userIds === undefined ? {} : { userIds: input.userIds }),
        ...(input.active === undefined ? {} : { active: input.active }),
      })
      .where(eq(allocationRules.id, id))
      .returning();
    if (!row) throw new Error(`Allocation rule ${id} vanished while being saved`);
    await audit(tx, {
      orgId,
      actorId: auth.user.id,
      action: 'allocation_rule.update',
      entity: 'allocation_rule',
      entityId: id,
      details: { ...input },
    });
    return row;
  });
}

/**
 * Active workflows whose current graph hands records over by this rule: deleting it would
 * break them at run time, so they are named in the refusal.
 */
async function activeWorkflowsUsing(args: {
  db: Executor;
  orgId: string;
  ruleId: string;
}): Promise<string[]> {
  const rows = await args.db
    .select({ name: workflows.name })
    .from(workflows)
    .innerJoin(workflowVersions, eq(workflowVersions.id, workflows.currentVersionId))
    .where(
      and(
        eq(workflows.orgId, args.orgId),
        eq(workflows.status, 'active'),
        sql`jsonb_path_exists(${workflowVersions.graph}, '$.nodes[*] ? (@.type == "assign_owner" && @.config.ruleId == $id)', jsonb_build_object('id', ${args.ruleId}::text))`,
      ),
    );
  return rows.map((row) => row.name);
}

export async function deleteAllocationRule(args: { db: Db; auth: AuthContext; id: string }): Promise<void> {
  const { db, auth, id } = args;
  const orgId = auth.organization.id;
  await db.transaction(async (tx) => {
    const row = await findRule({ db: tx, orgId, id });
    const users = await activeWorkflowsUsing({ db: tx, orgId, ruleId: id });
    if (users.length > 0) {
      throw new AppError('allocation_rule_in_use', {
        params: { workflows: users.join(', ') },
        details: { workflows: users },
      });
    }
    await tx.delete(allocationRules).where(eq(allocationRules.id, id));
    await audit(tx, {
      orgId,
      actorId: auth.user.id,
      action: 'allocation_rule.delete',
      entity: 'allocation_rule',
      entityId: id,
      details: { module: row.module, name: row.name },
    });
  });
}
