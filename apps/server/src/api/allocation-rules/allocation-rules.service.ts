import type { AllocationRule, WorkflowUse } from '@crmflow/contracts';
import { allocationRules, type Db, type Executor, users } from '@crmflow/db';
import { type ModuleKey, render } from '@crmflow/flow';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.ts';
import type { Locale } from '../../i18n/locale.ts';
import { audit } from '../audit.ts';
import type { AuthContext } from '../auth/auth-context.ts';
import { workflowsUsing } from '../workflows/workflows-using.ts';

type RuleRow = typeof allocationRules.$inferSelect;

/**
 * The round robin's next pick, as the engine makes it: the cursor over the users active now.
 * `activeUserIds` are the organization's active users.
 */
export function nextUserOf(row: RuleRow, activeUserIds: ReadonlySet<string>): string | null {
  const members = row.userIds.filter((id) => activeUserIds.has(id));
  return members[row.cursor % Math.max(members.length, 1)] ?? null;
}

export async function activeUserIdsOf(db: Executor, orgId: string): Promise<Set<string>> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.active, true)));
  return new Set(rows.map((row) => row.id));
}

export function toAllocationRule(row: RuleRow, activeUserIds: ReadonlySet<string>): AllocationRule {
  return {
    nextUserId: nextUserOf(row, activeUserIds),
    id: row.id,
    module: row.module,
    name: row.name,
    userIds: row.userIds,
    active: row.active,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function listAllocationRules(args: {
  db: Db;
  orgId: string;
  module?: ModuleKey | undefined;
  id?: string;
}) {
  const { db, orgId, module, id } = args;
  return db
    .select()
    .from(allocationRules)
    .where(
      and(
        eq(allocationRules.orgId, orgId),
        module ? eq(allocationRules.module, module) : undefined,
        id ? eq(allocationRules.id, id) : undefined,
      ),
    )
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
            message: render(locale, 'record.unknown_user'),
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

const rulePath = '$.nodes[*] ? (@.type == "assign_owner" && @.config.ruleId == $id)';

/**
 * Workflows whose current graph hands records over by this rule. Active ones would break at run
 * time if it were deleted, so they are named in the refusal.
 */
export async function workflowsUsingRule(args: {
  db: Executor;
  orgId: string;
  ruleId: string;
  activeOnly?: boolean;
}): Promise<WorkflowUse[]> {
  return workflowsUsing({ ...args, path: rulePath, vars: { id: args.ruleId } });
}

export async function deleteAllocationRule(args: { db: Db; auth: AuthContext; id: string }): Promise<void> {
  const { db, auth, id } = args;
  const orgId = auth.organization.id;
  await db.transaction(async (tx) => {
    const row = await findRule({ db: tx, orgId, id });
    const users = (await workflowsUsingRule({ db: tx, orgId, ruleId: id, activeOnly: true })).map(
      (workflow) => workflow.name,
    );
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
