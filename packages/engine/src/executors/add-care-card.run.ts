import { careCards, records, users } from '@crmflow/db';
import { AddCareCardConfig, addDays, render, toCalendarDate, todayIn } from '@crmflow/flow';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { engineTransaction } from '../runtime/engine-transaction.ts';
import { defineExecutor, type ExecutionScope } from './executor.ts';
import { mergeContext } from './merge-context.ts';
import { insertNotifications } from './notifications.ts';

type CardPlan = { cardKey: string; productId: string | null; category: string | null };

type CarePlan = {
  cards: CardPlan[];
  ownerId: string | null;
  careDate: string | null;
  fields: Record<string, string>;
};

const productIdsOf = (lines: unknown): string[] =>
  Array.isArray(lines)
    ? [
        ...new Set(
          lines.flatMap((line: unknown) =>
            typeof line === 'object' &&
            line !== null &&
            'product_id' in line &&
            typeof line.product_id === 'string'
              ? [line.product_id]
              : [],
          ),
        ),
      ]
    : [];

/** The cards an order gets: one, or one per product line, or one per product category. */
async function planCards(scope: ExecutionScope, config: AddCareCardConfig): Promise<CardPlan[]> {
  if (config.per === 'order') return [{ cardKey: 'order', productId: null, category: null }];
  const productIds = productIdsOf(scope.record.data.lines);
  if (config.per === 'product') {
    const chosen =
      config.apply === 'chosen' ? productIds.filter((id) => config.productIds.includes(id)) : productIds;
    return chosen.map((id) => ({ cardKey: `product:${id}`, productId: id, category: null }));
  }
  const products =
    productIds.length === 0
      ? []
      : await scope.db
          .select({ data: records.data })
          .from(records)
          .where(
            and(
              eq(records.orgId, scope.org.id),
              eq(records.module, 'product'),
              inArray(records.id, productIds),
            ),
          );
  const categories = [
    ...new Set(products.flatMap((p) => (typeof p.data.category === 'string' ? [p.data.category] : []))),
  ].filter((category) => config.apply === 'all' || config.categories.includes(category));
  return categories.map((category) => ({ cardKey: `category:${category}`, productId: null, category }));
}

async function planCare(scope: ExecutionScope, config: AddCareCardConfig): Promise<CarePlan> {
  const { record, org, now } = scope;
  const owner = record.data.owner_id;
  const ownerId =
    config.owner.mode === 'user' ? config.owner.userId : typeof owner === 'string' ? owner : null;
  const careDate =
    'inDays' in config.careDate
      ? addDays(todayIn(org.timeZone, now), config.careDate.inDays)
      : toCalendarDate(record.data[config.careDate.field], org.timeZone);
  const merge = await mergeContext(
    scope,
    config.extraFields.map((extra) => extra.value),
  );
  const fields = Object.fromEntries(
    config.extraFields.map((extra) => [extra.key, merge.render(extra.value)]),
  );
  return { cards: await planCards(scope, config), ownerId, careDate, fields };
}

const orderName = (scope: ExecutionScope) => String(scope.record.data.code ?? scope.record.id);

/**
 * Thêm thẻ chăm sóc (orders): care cards keyed by (run, node, card), so a retried step adds none
 * twice; the owner is told once per step when asked to.
 */
export const addCareCardExecutor = defineExecutor({
  schema: AddCareCardConfig,
  async run(ctx) {
    const { config } = ctx;
    const plan = await planCare(ctx, config);
    if (plan.cards.length === 0) return { status: 'succeeded', output: { created: 0, cards: [] } };
    const inserted = await ctx.db
      .insert(careCards)
      .values(
        plan.cards.map((card) => ({
          orgId: ctx.org.id,
          orderId: ctx.record.id,
          productId: card.productId,
          category: card.category,
          ownerId: plan.ownerId,
          layout: config.layout,
          careDate: plan.careDate,
          fields: plan.fields,
          runId: ctx.run.id,
          nodeId: ctx.node.id,
          cardKey: card.cardKey,
        })),
      )
      .onConflictDoNothing({
        target: [careCards.runId, careCards.nodeId, careCards.cardKey],
        where: sql`${careCards.runId} is not null`,
      })
      .returning({ id: careCards.id });
    let notified = 0;
    const { ownerId } = plan;
    if (config.notifyOwner && ownerId) {
      const [owner] = await ctx.db
        .select({ active: users.active, locale: users.locale })
        .from(users)
        .where(and(eq(users.id, ownerId), eq(users.orgId, ctx.org.id)));
      if (owner?.active) {
        const locale = owner.locale === 'en' ? 'en' : owner.locale === 'vi' ? 'vi' : ctx.org.locale;
        const count = plan.cards.length;
        const message = render(locale, 'step.care_cards_notice', { count, order: orderName(ctx) });
        notified = await engineTransaction(ctx.db, (tx) =>
          insertNotifications({
            db: tx,
            boss: ctx.boss,
            orgId: ctx.org.id,
            runId: ctx.run.id,
            nodeId: ctx.node.id,
            drafts: [{ userId: ownerId, message, link: `/records/order/${ctx.record.id}` }],
          }),
        );
      }
    }
    return {
      status: 'succeeded',
      output: {
        created: inserted.length,
        cards: plan.cards.map((c) => c.cardKey),
        ownerId: plan.ownerId,
        careDate: plan.careDate,
        notified,
      },
    };
  },
  async preview(ctx) {
    const plan = await planCare(ctx, ctx.config);
    const count = plan.cards.length;
    if (count === 0) {
      const reason = render(ctx.org.locale, 'step.no_care_product');
      return { status: 'skipped', reason, preview: plan };
    }
    return {
      status: 'would_run',
      reason: render(ctx.org.locale, 'step.would_add_cards', { count }),
      preview: plan,
    };
  },
});
