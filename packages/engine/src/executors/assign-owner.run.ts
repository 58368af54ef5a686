import { allocationRules, type Executor as DbExecutor, users } from '@crmflow/db';
import { AssignOwnerConfig, render, standardModules, text } from '@crmflow/flow';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { recordTitle } from '../records/record-meta.ts';
import { updateRecord } from '../records/record-store.ts';
import { defineExecutor, type ExecutionScope, type RunContext, stepFailure } from './executor.ts';
import { insertNotifications } from './notifications.ts';
import { applyOnce } from './run-effects.ts';
import { recordWriteFailure, workflowWrite } from './workflow-write.ts';

const OwnerEffect = z.object({ userId: z.string() });

/** Thrown inside the claim's transaction so nothing is claimed when there is no one to pick. */
class NoOwner extends Error {
  constructor(readonly problem: 'rule_not_found' | 'no_active_user') {
    super(problem);
  }
}

type RulePick = { userId: string } | { problem: 'rule_not_found' | 'no_active_user' };

/** The rule's users who are active, in the rule's order. */
async function activeMembers(db: DbExecutor, orgId: string, userIds: readonly string[]): Promise<string[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.orgId, orgId), inArray(users.id, [...userIds]), eq(users.active, true)));
  const active = new Set(rows.map((row) => row.id));
  return userIds.filter((id) => active.has(id));
}

/**
 * Round robin: the cursor moves forward in one atomic UPDATE, so concurrent workers each get
 * their own slot; the slot picks among the users active right now (inactive ones are skipped).
 */
async function pickByRule(db: DbExecutor, scope: ExecutionScope, ruleId: string): Promise<RulePick> {
  const [rule] = await db
    .update(allocationRules)
    .set({ cursor: sql`${allocationRules.cursor} + 1` })
    .where(
      and(
        eq(allocationRules.id, ruleId),
        eq(allocationRules.orgId, scope.org.id),
        eq(allocationRules.module, scope.record.module),
        eq(allocationRules.active, true),
      ),
    )
    .returning({ slot: sql<number>`${allocationRules.cursor} - 1`, userIds: allocationRules.userIds });
  if (!rule) return { problem: 'rule_not_found' };
  const members = await activeMembers(db, scope.org.id, rule.userIds);
  const userId = members[Number(rule.slot) % Math.max(members.length, 1)];
  return userId ? { userId } : { problem: 'no_active_user' };
}

/** Which rule member the next hand-over would go to, read without moving the cursor. */
async function peekRule(scope: ExecutionScope, ruleId: string): Promise<RulePick> {
  const [rule] = await scope.db
    .select({ slot: allocationRules.cursor, userIds: allocationRules.userIds })
    .from(allocationRules)
    .where(
      and(
        eq(allocationRules.id, ruleId),
        eq(allocationRules.orgId, scope.org.id),
        eq(allocationRules.active, true),
      ),
    );
  if (!rule) return { problem: 'rule_not_found' };
  const members = await activeMembers(scope.db, scope.org.id, rule.userIds);
  const userId = members[rule.slot % Math.max(members.length, 1)];
  return userId ? { userId } : { problem: 'no_active_user' };
}

const problemText = {
  rule_not_found: text('step.rule_not_found'),
  no_active_user: text('step.no_active_user'),
  user_inactive: text('step.user_inactive'),
};

/**
 * Tells the new owner, in their language, what was handed to them (on the web and on their
 * devices through Web Push). Written in the claim's transaction: once per (run, node), like the write.
 */
async function notifyNewOwner(tx: DbExecutor, ctx: RunContext<AssignOwnerConfig>, userId: string) {
  const [owner] = await tx
    .select({ locale: users.locale })
    .from(users)
    .where(and(eq(users.orgId, ctx.org.id), eq(users.id, userId)));
  const locale = owner?.locale === 'en' || owner?.locale === 'vi' ? owner.locale : ctx.org.locale;
  const module = standardModules[ctx.record.module];
  const title = recordTitle(ctx.record.module, ctx.record.data);
  const message =
    locale === 'en'
      ? `Handed over to you: ${module.labelEn.toLowerCase()} ${title}`.trim()
      : `Bạn được bàn giao ${module.labelVi.toLowerCase()} ${title}`.trim();
  await insertNotifications({
    db: tx,
    boss: ctx.boss,
    orgId: ctx.org.id,
    runId: ctx.run.id,
    nodeId: ctx.node.id,
    drafts: [{ userId, message, link: `/records/${ctx.record.module}/${ctx.record.id}` }],
  });
}

/**
 * Bàn giao công việc: a new owner for the record, a chosen user or the next user of an
 * allocation rule. The pick, the cursor move and the write commit together and are claimed per
 * (run, node): a retry re-applies the same owner instead of advancing the rule again.
 */
export const assignOwnerExecutor = defineExecutor({
  schema: AssignOwnerConfig,
  async run(ctx) {
    const { config } = ctx;
    try {
      const effect = await applyOnce({
        db: ctx.db,
        effect: { orgId: ctx.org.id, runId: ctx.run.id, nodeId: ctx.node.id, key: 'owner' },
        result: OwnerEffect,
        apply: async (tx) => {
          const pick: RulePick =
            config.mode === 'user'
              ? (await activeMembers(tx, ctx.org.id, [config.userId])).length > 0
                ? { userId: config.userId }
                : { problem: 'no_active_user' }
              : await pickByRule(tx, ctx, config.ruleId);
          if (!('userId' in pick)) throw new NoOwner(pick.problem);
          const write = workflowWrite(ctx, { module: ctx.record.module, db: tx });
          await updateRecord({ ...write, id: ctx.record.id, data: { owner_id: pick.userId } });
          await notifyNewOwner(tx, ctx, pick.userId);
          return { userId: pick.userId };
        },
      });
      const { userId } = effect.result;
      return {
        status: 'succeeded',
        output: {
          previousOwnerId: ctx.record.ownerId,
          ownerId: userId,
          ...(config.mode === 'rule' ? { ruleId: config.ruleId } : {}),
        },
      };
    } catch (error) {
      if (!(error instanceof NoOwner)) return recordWriteFailure(ctx, error);
      if (config.mode === 'user')
        return stepFailure({ scope: ctx, code: 'user_inactive', text: problemText.user_inactive });
      return stepFailure({ scope: ctx, code: error.problem, text: problemText[error.problem] });
    }
  },
  async preview(ctx) {
    const { config } = ctx;
    const pick: RulePick =
      config.mode === 'user'
        ? (await activeMembers(ctx.db, ctx.org.id, [config.userId])).length > 0
          ? { userId: config.userId }
          : { problem: 'no_active_user' }
        : await peekRule(ctx, config.ruleId);
    if (!('userId' in pick)) {
      const text = config.mode === 'user' ? problemText.user_inactive : problemText[pick.problem];
      return { status: 'error', reason: text[ctx.org.locale] };
    }
    const [user] = await ctx.db.select({ name: users.name }).from(users).where(eq(users.id, pick.userId));
    const name = user?.name ?? pick.userId;
    return {
      status: 'would_run',
      reason: render(ctx.org.locale, 'step.would_assign', { name }),
      preview: {
        ownerId: pick.userId,
        ownerName: name,
        ...(config.mode === 'rule' ? { ruleId: config.ruleId } : {}),
      },
    };
  },
});
